/**
 * The cron report, pure. A run is SUCCEEDED, FAILED, TIMED_OUT or SKIPPED (the previous run of the
 * entry was still going, so this one did not start). Success rate = succeeded / runs that started
 * (skipped ones excluded); a failure is FAILED or TIMED_OUT.
 */
import { percent, type CountedRow } from './daily-counts.js';

export interface CronRow {
  readonly group: string;
  readonly entry: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly hosts: number;
  /** Runs that started (every status but SKIPPED). */
  readonly runs: number;
  readonly succeeded: number;
  /** FAILED + TIMED_OUT. */
  readonly failures: number;
  readonly timedOut: number;
  readonly skipped: number;
  readonly successPercent: number | null;
  readonly lastFailureAt: Date | null;
}

export function cronRows(rows: readonly CountedRow[]): CronRow[] {
  return rows.map((r) => {
    const skipped = r.counts.SKIPPED ?? 0;
    const runs = Object.values(r.counts).reduce((a, b) => a + b, 0) - skipped;
    const succeeded = r.counts.SUCCEEDED ?? 0;
    const timedOut = r.counts.TIMED_OUT ?? 0;
    const failures = (r.counts.FAILED ?? 0) + timedOut;
    const lastFailure = Math.max(r.last.FAILED ?? 0, r.last.TIMED_OUT ?? 0);
    return { group: r.group, entry: r.item, periodStart: r.periodStart, periodEnd: r.periodEnd, hosts: r.hosts, runs, succeeded, failures, timedOut, skipped, successPercent: percent(succeeded, runs), lastFailureAt: lastFailure > 0 ? new Date(lastFailure) : null };
  });
}
