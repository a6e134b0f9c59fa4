/**
 * The changes report (drift history), pure: every change an agent made, per resource and host or
 * label group (and period), marked INTENDED (it carried out a desired state the host had not
 * converged to yet) or CORRECTIVE (it put back something that drifted on its own). A guarded
 * process the supervisor restarted after it exited is corrective too: it comes from the restart
 * records (resource `process:<name>`), counted in `corrective` and, on its own, in `restarts`.
 */
import type { ChangeKind, ChangeOutcome } from '../../protocol/change-report.schema.js';
import type { CountedRow, DailyCount } from './daily-counts.js';
import { lastOf } from './restarts.js';

/** Statuses of the merged daily counts (one vocabulary for the three sources). */
export const CHANGE_COUNT = { INTENDED: 'INTENDED', CORRECTIVE: 'CORRECTIVE', NOT_DONE: 'NOT_DONE', RESTART: 'RESTART' } as const;

/**
 * One list of daily counts from the two grouped reads: changes by kind and outcome (status
 * `KIND|OUTCOME`: counted by kind, and as NOT_DONE when not carried out) and supervisor restarts
 * (RESTART records, keyed `process:<name>`).
 */
export function mergeChangeCounts(byKindAndOutcome: readonly DailyCount[], restarts: readonly DailyCount[]): DailyCount[] {
  const out: DailyCount[] = [];
  const as = (c: DailyCount, item: string, status: string): DailyCount => ({ hostId: c.hostId, item, dayMs: c.dayMs, status, count: c.count, lastMs: c.lastMs });
  for (const c of byKindAndOutcome) {
    const bar = c.status.indexOf('|');
    const kind = bar < 0 ? c.status : c.status.slice(0, bar);
    const outcome = bar < 0 ? '' : c.status.slice(bar + 1);
    out.push(as(c, c.item, kind));
    if (outcome !== 'DONE') out.push(as(c, c.item, CHANGE_COUNT.NOT_DONE));
  }
  for (const c of restarts) if (c.status === 'RESTART') out.push(as(c, `process:${c.item}`, CHANGE_COUNT.RESTART));
  return out;
}

export interface ChangeRow {
  readonly group: string;
  /** Resource key: `process:<name>`, `file:<path>`, `cron:<name>`. */
  readonly resource: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly hosts: number;
  readonly changes: number;
  readonly intended: number;
  /** Put back after drift, supervisor restarts included. */
  readonly corrective: number;
  /** Of the corrective ones: guarded-process restarts by the supervisor. */
  readonly restarts: number;
  /** Changes tried but not carried out (FAILED or SKIPPED). */
  readonly failed: number;
  readonly lastAt: Date | null;
}

export function changeRows(rows: readonly CountedRow[]): ChangeRow[] {
  return rows.map((r) => {
    const intended = r.counts.INTENDED ?? 0;
    const restarts = r.counts.RESTART ?? 0;
    const corrective = (r.counts.CORRECTIVE ?? 0) + restarts;
    const { NOT_DONE: _notDone, ...done } = r.last;
    return { group: r.group, resource: r.item, periodStart: r.periodStart, periodEnd: r.periodEnd, hosts: r.hosts, changes: intended + corrective, intended, corrective, restarts, failed: r.counts.NOT_DONE ?? 0, lastAt: lastOf(done) };
  });
}

/** One change, for the list of the newest ones. */
export interface ChangeEntry {
  readonly host: string;
  readonly at: Date;
  readonly resource: string;
  /** The plan action, or `SupervisorRestart` for a restart record. */
  readonly action: string;
  readonly reason: string;
  readonly kind: ChangeKind;
  readonly outcome: ChangeOutcome;
  readonly revision: number | null;
  readonly error: string | null;
}

/** Newest first (then host, resource), at most `limit`. */
export function newestChanges(entries: readonly ChangeEntry[], limit: number): ChangeEntry[] {
  return [...entries].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0) || (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0)).slice(0, limit);
}
