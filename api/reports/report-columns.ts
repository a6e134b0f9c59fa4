/**
 * The columns of each report as a table: one definition for the CLI's table and CSV output and for
 * a report's `csv` field (what a web page downloads), so every form shows the same figures.
 * Headers are snake_case, stable for scripts; times are ISO-8601 UTC.
 */
import type { AvailabilityRow } from './availability.js';
import type { ChangeEntry, ChangeRow } from './changes.js';
import type { DiskForecast, DiskRow } from './disks.js';
import type { CommandDayRow, CommandHostRow, CommandUserRow, SlowCommand, TargetTally } from './commands.js';
import type { CronRow } from './cron.js';
import type { CrashLoop, RestartRow } from './restarts.js';
import type { ResourceRow } from './resources.js';
import { toCsv, type CsvCell } from './csv.js';

export interface ReportColumn<T> {
  readonly header: string;
  readonly value: (row: T) => CsvCell;
}

/** Rows reach the CLI as JSON, with times as ISO strings already; on the server they are Dates. */
const iso = (d: Date | string | null) => (d instanceof Date ? d.toISOString() : d);

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

export const RESTART_COLUMNS: readonly ReportColumn<RestartRow>[] = [
  { header: 'group', value: (r) => r.group },
  { header: 'process', value: (r) => r.process },
  { header: 'period_start', value: (r) => iso(r.periodStart) },
  { header: 'period_end', value: (r) => iso(r.periodEnd) },
  { header: 'hosts', value: (r) => r.hosts },
  { header: 'restarts', value: (r) => r.restarts },
  { header: 'exits', value: (r) => r.exits },
  { header: 'gave_up', value: (r) => r.gaveUp },
  { header: 'last_at', value: (r) => iso(r.lastAt) },
];

export const CRASH_LOOP_COLUMNS: readonly ReportColumn<CrashLoop>[] = [
  { header: 'host', value: (r) => r.host },
  { header: 'process', value: (r) => r.process },
  { header: 'at', value: (r) => iso(r.at) },
  { header: 'restarts', value: (r) => r.restarts },
  { header: 'exit_code', value: (r) => r.exitCode },
  { header: 'signal', value: (r) => r.signal },
];

export const CRON_COLUMNS: readonly ReportColumn<CronRow>[] = [
  { header: 'group', value: (r) => r.group },
  { header: 'entry', value: (r) => r.entry },
  { header: 'period_start', value: (r) => iso(r.periodStart) },
  { header: 'period_end', value: (r) => iso(r.periodEnd) },
  { header: 'hosts', value: (r) => r.hosts },
  { header: 'runs', value: (r) => r.runs },
  { header: 'succeeded', value: (r) => r.succeeded },
  { header: 'failures', value: (r) => r.failures },
  { header: 'timed_out', value: (r) => r.timedOut },
  { header: 'skipped', value: (r) => r.skipped },
  { header: 'success_pct', value: (r) => r.successPercent },
  { header: 'last_failure_at', value: (r) => iso(r.lastFailureAt) },
];

const tally = <T extends TargetTally>(): ReportColumn<T>[] => [
  { header: 'targets', value: (r) => r.targets },
  { header: 'succeeded', value: (r) => r.succeeded },
  { header: 'failed', value: (r) => r.failed },
  { header: 'unreachable', value: (r) => r.unreachable },
  { header: 'cancelled', value: (r) => r.cancelled },
  { header: 'pending', value: (r) => r.pending },
  { header: 'success_pct', value: (r) => r.successPercent },
];

export const COMMAND_DAY_COLUMNS: readonly ReportColumn<CommandDayRow>[] = [
  { header: 'period_start', value: (r) => iso(r.periodStart) },
  { header: 'period_end', value: (r) => iso(r.periodEnd) },
  { header: 'jobs', value: (r) => r.jobs },
  ...tally<CommandDayRow>(),
];

export const COMMAND_USER_COLUMNS: readonly ReportColumn<CommandUserRow>[] = [{ header: 'user', value: (r) => r.user }, { header: 'jobs', value: (r) => r.jobs }, ...tally<CommandUserRow>()];

export const COMMAND_HOST_COLUMNS: readonly ReportColumn<CommandHostRow>[] = [{ header: 'group', value: (r) => r.group }, { header: 'hosts', value: (r) => r.hosts }, ...tally<CommandHostRow>()];

export const SLOW_COMMAND_COLUMNS: readonly ReportColumn<SlowCommand>[] = [
  { header: 'job', value: (r) => r.jobId },
  { header: 'command', value: (r) => r.command },
  { header: 'user', value: (r) => r.user },
  { header: 'host', value: (r) => r.host },
  { header: 'status', value: (r) => r.status },
  { header: 'duration_ms', value: (r) => r.durationMs },
  { header: 'finished_at', value: (r) => iso(r.finishedAt) },
];

export const RESOURCE_COLUMNS: readonly ReportColumn<ResourceRow>[] = [
  { header: 'host', value: (r) => r.host },
  { header: 'hours', value: (r) => r.hours },
  { header: 'cpu_p95_pct', value: (r) => r.cpuP95 },
  { header: 'cpu_max_pct', value: (r) => r.cpuMax },
  { header: 'mem_p95_pct', value: (r) => r.memP95 },
  { header: 'mem_max_pct', value: (r) => r.memMax },
];

export const DISK_COLUMNS: readonly ReportColumn<DiskRow>[] = [
  { header: 'host', value: (r) => r.host },
  { header: 'mount', value: (r) => r.mount },
  { header: 'days', value: (r) => r.days },
  { header: 'used_p95_pct', value: (r) => r.usedP95 },
  { header: 'used_max_pct', value: (r) => r.usedMax },
  { header: 'size_bytes', value: (r) => r.sizeBytes },
];

export const FORECAST_COLUMNS: readonly ReportColumn<DiskForecast>[] = [
  { header: 'host', value: (r) => r.host },
  { header: 'mount', value: (r) => r.mount },
  { header: 'days', value: (r) => r.days },
  { header: 'size_bytes', value: (r) => r.sizeBytes },
  { header: 'used_pct', value: (r) => r.usedPercent },
  { header: 'growth_bytes_per_day', value: (r) => r.growthBytesPerDay },
  { header: 'trend', value: (r) => r.trend },
  { header: 'days_until_full', value: (r) => r.daysUntilFull },
  { header: 'full_at', value: (r) => iso(r.fullAt) },
];

export const CHANGE_COLUMNS: readonly ReportColumn<ChangeRow>[] = [
  { header: 'group', value: (r) => r.group },
  { header: 'resource', value: (r) => r.resource },
  { header: 'period_start', value: (r) => iso(r.periodStart) },
  { header: 'period_end', value: (r) => iso(r.periodEnd) },
  { header: 'hosts', value: (r) => r.hosts },
  { header: 'changes', value: (r) => r.changes },
  { header: 'intended', value: (r) => r.intended },
  { header: 'corrective', value: (r) => r.corrective },
  { header: 'restarts', value: (r) => r.restarts },
  { header: 'failed', value: (r) => r.failed },
  { header: 'last_at', value: (r) => iso(r.lastAt) },
];

export const CHANGE_ENTRY_COLUMNS: readonly ReportColumn<ChangeEntry>[] = [
  { header: 'host', value: (r) => r.host },
  { header: 'at', value: (r) => iso(r.at) },
  { header: 'resource', value: (r) => r.resource },
  { header: 'action', value: (r) => r.action },
  { header: 'reason', value: (r) => r.reason },
  { header: 'kind', value: (r) => r.kind },
  { header: 'outcome', value: (r) => r.outcome },
  { header: 'revision', value: (r) => r.revision },
  { header: 'error', value: (r) => r.error },
];

/**
 * The tables of each report, by name (the first is the default of `csv(table:)` and of the CLI's
 * `--table`). Each entry reads its rows from the report object, so the server and the CLI (which
 * holds the same object as JSON) pick the same rows.
 */
export interface ReportTable {
  readonly name: string;
  readonly rows: (report: Record<string, unknown>) => readonly unknown[];
  readonly columns: readonly ReportColumn<never>[];
}

const table = <T>(name: string, field: string, columns: readonly ReportColumn<T>[]): ReportTable => ({ name, rows: (r) => (r[field] as unknown[] | undefined) ?? [], columns: columns as readonly ReportColumn<never>[] });

export const REPORT_TABLES = {
  availability: [table('availability', 'rows', AVAILABILITY_COLUMNS)],
  restarts: [table('restarts', 'rows', RESTART_COLUMNS), table('crash-loops', 'crashLoops', CRASH_LOOP_COLUMNS)],
  cron: [table('cron', 'rows', CRON_COLUMNS)],
  resources: [table('cpu', 'cpu', RESOURCE_COLUMNS), table('memory', 'memory', RESOURCE_COLUMNS), table('disks', 'disks', DISK_COLUMNS), table('forecast', 'forecast', FORECAST_COLUMNS)],
  changes: [table('changes', 'rows', CHANGE_COLUMNS), table('list', 'changes', CHANGE_ENTRY_COLUMNS)],
  commands: [table('days', 'days', COMMAND_DAY_COLUMNS), table('users', 'users', COMMAND_USER_COLUMNS), table('hosts', 'hosts', COMMAND_HOST_COLUMNS), table('slowest', 'slowest', SLOW_COMMAND_COLUMNS)],
} as const satisfies Record<string, readonly ReportTable[]>;

/**
 * One table of a report as CSV; `name` defaults to the report's first table.
 * @returns undefined for a table the report does not have
 */
export function tableCsv(tables: readonly ReportTable[], report: Record<string, unknown>, name?: string | null): string | undefined {
  const t = name ? tables.find((x) => x.name === name) : tables[0];
  return t && reportCsv(t.columns as readonly ReportColumn<unknown>[], t.rows(report));
}
