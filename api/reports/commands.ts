/**
 * The commands report, pure: jobs (a command sent to a set of hosts) and their targets (one host
 * each), counted in the database per UTC day, user and target status, and per host and status.
 *
 * A target's outcome: SUCCEEDED; failed = FAILED or TIMED_OUT; UNREACHABLE (the host never
 * connected in time); CANCELLED; the rest (QUEUED, SENT, RUNNING) is still pending. Success rate
 * = succeeded / targets that finished (succeeded + failed + unreachable); cancelled and pending
 * ones are left out. A job counts on the day it was created.
 */
import type { ReportHost } from './report-hosts.js';
import { compareText } from './availability.js';
import { percent } from './daily-counts.js';
import { groupOf, periodIndex, periodsOf, type ReportGrouping, type ReportPeriod, type ReportRange } from './report-scope.js';

export interface JobDayCount {
  readonly dayMs: number;
  readonly user: string;
  readonly jobs: number;
}

/** Targets of the jobs created on one UTC day by one user, per status. */
export interface TargetDayCount {
  readonly dayMs: number;
  readonly user: string;
  readonly status: string;
  readonly count: number;
}

/** Targets of the range's jobs on one host, per status. */
export interface TargetHostCount {
  readonly hostId: number;
  readonly status: string;
  readonly count: number;
}

export interface TargetTally {
  readonly targets: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly unreachable: number;
  readonly cancelled: number;
  readonly pending: number;
  readonly successPercent: number | null;
}

export interface CommandDayRow extends TargetTally {
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly jobs: number;
}
export interface CommandUserRow extends TargetTally {
  readonly user: string;
  readonly jobs: number;
}
export interface CommandHostRow extends TargetTally {
  readonly group: string;
  readonly hosts: number;
}

/** One of the slowest targets. */
export interface SlowCommand {
  readonly jobId: number;
  readonly command: string;
  readonly user: string;
  readonly host: string;
  readonly status: string;
  readonly durationMs: number;
  readonly finishedAt: Date | null;
}

export interface CommandsReport {
  readonly days: CommandDayRow[];
  readonly users: CommandUserRow[];
  readonly hosts: CommandHostRow[];
}

class Tally {
  targets = 0;
  succeeded = 0;
  failed = 0;
  unreachable = 0;
  cancelled = 0;
  pending = 0;
  add(status: string, n: number): void {
    this.targets += n;
    if (status === 'SUCCEEDED') this.succeeded += n;
    else if (status === 'FAILED' || status === 'TIMED_OUT') this.failed += n;
    else if (status === 'UNREACHABLE') this.unreachable += n;
    else if (status === 'CANCELLED') this.cancelled += n;
    else this.pending += n;
  }
  done(): TargetTally {
    return { targets: this.targets, succeeded: this.succeeded, failed: this.failed, unreachable: this.unreachable, cancelled: this.cancelled, pending: this.pending, successPercent: percent(this.succeeded, this.succeeded + this.failed + this.unreachable) };
  }
}

/**
 * Per period (DAY unless WEEK or MONTH is asked for), per user and per host or label group.
 * Targets on hosts outside `hosts` (a deleted host) are left out of the host table. When a
 * selector narrowed the report the source counts only targets on its hosts, and only jobs with a
 * target among them.
 */
export function commandRows(jobs: readonly JobDayCount[], targets: { readonly byDay: readonly TargetDayCount[]; readonly byHost: readonly TargetHostCount[] }, hosts: readonly ReportHost[], opts: { readonly range: ReportRange; readonly by: ReportGrouping; readonly period: ReportPeriod }): CommandsReport {
  const periods = periodsOf(opts.range, opts.period === 'ALL' ? 'DAY' : opts.period);
  const byId = new Map(hosts.map((h) => [h.id, h]));
  const dayTally = periods.map(() => ({ jobs: 0, t: new Tally() }));
  const users = new Map<string, { jobs: number; t: Tally }>();
  const groups = new Map<string, { hosts: Set<number>; t: Tally }>();
  const at = (dayMs: number) => periodIndex(periods, Math.max(dayMs, opts.range.fromMs));
  const user = (name: string) => {
    let u = users.get(name);
    if (!u) users.set(name, (u = { jobs: 0, t: new Tally() }));
    return u;
  };
  for (const j of jobs) {
    const p = at(j.dayMs);
    if (p >= 0) dayTally[p]!.jobs += j.jobs;
    user(j.user).jobs += j.jobs;
  }
  for (const c of targets.byDay) {
    const p = at(c.dayMs);
    if (p >= 0) dayTally[p]!.t.add(c.status, c.count);
    user(c.user).t.add(c.status, c.count);
  }
  for (const c of targets.byHost) {
    const host = byId.get(c.hostId);
    if (!host) continue;
    const key = groupOf(opts.by, host);
    const g = groups.get(key) ?? { hosts: new Set<number>(), t: new Tally() };
    g.hosts.add(c.hostId);
    g.t.add(c.status, c.count);
    groups.set(key, g);
  }
  return {
    days: dayTally.map((d, i) => ({ periodStart: new Date(periods[i]!.fromMs), periodEnd: new Date(periods[i]!.toMs), jobs: d.jobs, ...d.t.done() })),
    users: [...users.entries()].sort(([a], [b]) => compareText(a, b)).map(([name, u]) => ({ user: name, jobs: u.jobs, ...u.t.done() })),
    hosts: [...groups.entries()].sort(([a], [b]) => compareText(a, b)).map(([group, g]) => ({ group, hosts: g.hosts.size, ...g.t.done() })),
  };
}
