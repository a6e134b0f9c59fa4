/**
 * The restarts report, pure. A guarded process that exits is recorded with the supervisor's
 * decision: RESTART (started again), EXIT (its policy says stay down) or FATAL (it reached its
 * start limit and the supervisor gave up: a crash loop).
 */
import type { CountedRow } from './daily-counts.js';

export interface RestartRow {
  readonly group: string;
  readonly process: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly hosts: number;
  /** Exits the supervisor restarted. */
  readonly restarts: number;
  /** Exits left down by the restart policy. */
  readonly exits: number;
  /** Times the supervisor gave up (start limit reached). */
  readonly gaveUp: number;
  readonly lastAt: Date | null;
}

export function restartRows(rows: readonly CountedRow[]): RestartRow[] {
  return rows.map((r) => ({
    group: r.group,
    process: r.item,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    hosts: r.hosts,
    restarts: r.counts.RESTART ?? 0,
    exits: r.counts.EXIT ?? 0,
    gaveUp: r.counts.FATAL ?? 0,
    lastAt: lastOf(r.last),
  }));
}

/** One process that gave up on one host (a FATAL record). */
export interface CrashLoop {
  readonly host: string;
  readonly process: string;
  readonly at: Date;
  /** Restarts in the run that ended in the give-up. */
  readonly restarts: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
}

export function lastOf(last: Readonly<Record<string, number>>): Date | null {
  const values = Object.values(last);
  return values.length ? new Date(Math.max(...values)) : null;
}
