/**
 * The columns of each report as a table: one definition for the CLI's table and CSV output and for
 * a report's `csv` field (what a web page downloads), so every form shows the same figures.
 * Headers are snake_case, stable for scripts; times are ISO-8601 UTC.
 */
import type { AvailabilityRow } from './availability.js';
import { toCsv, type CsvCell } from './csv.js';

export interface ReportColumn<T> {
  readonly header: string;
  readonly value: (row: T) => CsvCell;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const AVAILABILITY_COLUMNS: readonly ReportColumn<AvailabilityRow>[] = [
  { header: 'group', value: (r) => r.group },
  { header: 'period_start', value: (r) => iso(r.periodStart) },
  { header: 'period_end', value: (r) => iso(r.periodEnd) },
  { header: 'hosts', value: (r) => r.hosts },
  { header: 'availability_pct', value: (r) => r.availabilityPercent },
  { header: 'downtime_min', value: (r) => r.downtimeMinutes },
  { header: 'outages', value: (r) => r.outages },
  { header: 'longest_outage_min', value: (r) => r.longestOutageMinutes },
  { header: 'monitored_min', value: (r) => r.monitoredMinutes },
];

/** A report's rows as an RFC 4180 file with these columns. */
export function reportCsv<T>(columns: readonly ReportColumn<T>[], rows: readonly T[]): string {
  return toCsv(
    columns.map((c) => c.header),
    rows.map((r) => columns.map((c) => c.value(r))),
  );
}
