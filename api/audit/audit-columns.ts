/**
 * The audit trail as a table: one definition for the `csv` field of `auditEvents` (what the
 * dashboard's export downloads). Headers are snake_case like the reports'; times ISO-8601 UTC;
 * arguments (already redacted) as compact JSON. The CSV writer is the reports' (api/reports/csv.ts),
 * so formula-looking cells are neutralised the same way.
 */
import { reportCsv, type ReportColumn } from '../reports/report-columns.js';
import type { AuditEventType } from './audit-event.type.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export const AUDIT_COLUMNS: readonly ReportColumn<AuditEventType>[] = [
  { header: 'id', value: (e) => Number(e.id) },
  { header: 'at', value: (e) => iso(e.at) },
  { header: 'actor_type', value: (e) => e.actorType },
  { header: 'actor', value: (e) => e.actor },
  { header: 'ip', value: (e) => e.ip },
  { header: 'action', value: (e) => e.action },
  { header: 'target', value: (e) => e.target },
  { header: 'outcome', value: (e) => e.outcome },
  { header: 'reason', value: (e) => e.reason },
  { header: 'args', value: (e) => (e.args === null || e.args === undefined ? null : JSON.stringify(e.args)) },
];

/** Audit rows as an RFC 4180 file, newest first as given. */
export function auditCsv(events: readonly AuditEventType[]): string {
  return reportCsv(AUDIT_COLUMNS, events);
}
