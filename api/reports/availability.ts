/**
 * The availability report, pure: status-change records in, outages and per-group figures out.
 *
 * A host is **up** from an `ALIVE` record until it is recorded `DEAD`, and **down** from then until
 * its next `ALIVE`. The sweeper records `DEAD` only once no heartbeat came for IOMS_ALIVE_WINDOW,
 * so by that rule the host stopped answering at least one window earlier: an outage is dated back
 * to `DEAD − window`, or to the moment its connection dropped (`DISCONNECTED`) when that is
 * earlier — but never before the `ALIVE` that started the up time. A disconnect that reconnects
 * within the window is no outage (the host stayed alive by the rule).
 *
 *               ALIVE                    DEAD (sweeper)                ALIVE
 *   ─────────────┼──────────┬─────────────┼──────────────────────────────┼────────
 *                │   up     │ DISCONNECTED│                              │  up
 *                           └───────── outage: from min(DISCONNECTED, DEAD − window) to ALIVE
 *
 * A host is **monitored** from its first `ALIVE`/`DEAD` record (an enrolled host that never
 * connected is not counted either way) until it is revoked or the range ends. Every outage is
 * clipped to the monitored part of the range: one that began before `from` counts from `from`; a
 * host down now counts until `to` (never later than now). Cut into periods, an outage that spans a
 * period boundary counts once in each period, with its part in each.
 */
import type { HostStatusChange } from '../../db/entities/index.js';
import { groupOf, periodIndex, periodsOf, type ReportGrouping, type ReportPeriod, type ReportRange } from './report-scope.js';

export interface StatusChange {
  readonly atMs: number;
  readonly change: HostStatusChange;
}

export interface HostAvailabilityInput {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly revokedAtMs: number | null;
  /**
   * The host's status changes in time order (ties in recording order): those inside the range,
   * preceded by its last `ALIVE`/`DEAD` and its last `CONNECTED`/`DISCONNECTED` before `from`
   * (enough to know its state when the range starts).
   */
  readonly changes: readonly StatusChange[];
}

export interface Interval {
  readonly fromMs: number;
  readonly toMs: number;
}

export interface HostTimeline {
  /** The monitored part of the range, or null when the host is not monitored in it at all. */
  readonly monitored: Interval | null;
  /** Outages inside `monitored`, in time order, never overlapping; `ongoing`: still down when the monitored time ends. */
  readonly outages: readonly (Interval & { readonly ongoing: boolean })[];
}

/** One host's monitored time and outages within `range`. */
export function hostTimeline(host: HostAvailabilityInput, range: ReportRange, aliveWindowMs: number): HostTimeline {
  const raw: { fromMs: number; toMs: number; ongoing: boolean }[] = [];
  let state: 'unknown' | 'up' | 'down' = 'unknown';
  let firstHeardMs: number | null = null;
  let upSinceMs = Number.NEGATIVE_INFINITY;
  let disconnectedAtMs: number | null = null;
  let downSinceMs = 0;
  for (const c of host.changes) {
    switch (c.change) {
      case 'ALIVE':
        firstHeardMs ??= c.atMs;
        if (state === 'down') raw.push({ fromMs: downSinceMs, toMs: c.atMs, ongoing: false });
        if (state !== 'up') {
          state = 'up';
          upSinceMs = c.atMs;
          disconnectedAtMs = null;
        }
        break;
      case 'DEAD':
        firstHeardMs ??= c.atMs;
        if (state === 'down') break;
        downSinceMs = state === 'up' ? Math.max(upSinceMs, Math.min(c.atMs - aliveWindowMs, disconnectedAtMs ?? c.atMs)) : c.atMs;
        state = 'down';
        break;
      case 'CONNECTED':
        disconnectedAtMs = null;
        break;
      case 'DISCONNECTED':
        if (state === 'up' && disconnectedAtMs === null) disconnectedAtMs = c.atMs;
        break;
      case 'ENROLLED':
      case 'REVOKED':
        break;
    }
  }
  if (firstHeardMs === null) return { monitored: null, outages: [] };
  const end = Math.min(range.toMs, host.revokedAtMs ?? Number.POSITIVE_INFINITY);
  if (state === 'down') raw.push({ fromMs: downSinceMs, toMs: Number.POSITIVE_INFINITY, ongoing: true });
  const monitored = { fromMs: Math.max(range.fromMs, firstHeardMs), toMs: end };
  if (monitored.fromMs >= monitored.toMs) return { monitored: null, outages: [] };
  const outages = raw
    .map((o) => ({ fromMs: Math.max(o.fromMs, monitored.fromMs), toMs: Math.min(o.toMs, monitored.toMs), ongoing: o.ongoing && o.toMs > monitored.toMs }))
    .filter((o) => o.fromMs < o.toMs);
  return { monitored, outages };
}

export interface AvailabilityRow {
  /** The host's name, or the label's value (`""` for hosts without the label). */
  readonly group: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  /** Hosts monitored in the period. */
  readonly hosts: number;
  readonly monitoredMinutes: number;
  readonly downtimeMinutes: number;
  /** 100 × (1 − downtime / monitored time), host-time weighted in a group; null when nothing was monitored. */
  readonly availabilityPercent: number | null;
  readonly outages: number;
  readonly longestOutageMinutes: number;
}

interface Acc {
  hosts: number;
  monitoredMs: number;
  downMs: number;
  outages: number;
  longestMs: number;
}

/**
 * Rows per group and period, sorted by group then period. Groups with no monitored host in the
 * whole range are left out.
 */
export function availabilityRows(hosts: readonly HostAvailabilityInput[], range: ReportRange, opts: { readonly aliveWindowMs: number; readonly by: ReportGrouping; readonly period: ReportPeriod }): AvailabilityRow[] {
  const periods = periodsOf(range, opts.period);
  const groups = new Map<string, Acc[]>();
  for (const host of hosts) {
    const t = hostTimeline(host, range, opts.aliveWindowMs);
    if (!t.monitored) continue;
    const key = groupOf(opts.by, host);
    let accs = groups.get(key);
    if (!accs) groups.set(key, (accs = periods.map(() => ({ hosts: 0, monitoredMs: 0, downMs: 0, outages: 0, longestMs: 0 }))));
    for (let i = periodIndex(periods, t.monitored.fromMs); i >= 0 && i < periods.length && periods[i]!.fromMs < t.monitored.toMs; i++) {
      const acc = accs[i]!;
      acc.hosts++;
      acc.monitoredMs += overlap(periods[i]!, t.monitored);
    }
    for (const o of t.outages) {
      for (let i = periodIndex(periods, o.fromMs); i >= 0 && i < periods.length && periods[i]!.fromMs < o.toMs; i++) {
        const part = overlap(periods[i]!, o);
        const acc = accs[i]!;
        acc.downMs += part;
        acc.outages++;
        acc.longestMs = Math.max(acc.longestMs, part);
      }
    }
  }
  const rows: AvailabilityRow[] = [];
  for (const key of [...groups.keys()].sort(compareText)) {
    groups.get(key)!.forEach((acc, i) => {
      const p = periods[i]!;
      rows.push({
        group: key,
        periodStart: new Date(p.fromMs),
        periodEnd: new Date(p.toMs),
        hosts: acc.hosts,
        monitoredMinutes: minutes(acc.monitoredMs),
        downtimeMinutes: minutes(acc.downMs),
        availabilityPercent: acc.monitoredMs > 0 ? round(100 * (1 - acc.downMs / acc.monitoredMs), 4) : null,
        outages: acc.outages,
        longestOutageMinutes: minutes(acc.longestMs),
      });
    });
  }
  return rows;
}

function overlap(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.toMs, b.toMs) - Math.max(a.fromMs, b.fromMs));
}

/** Minutes to two decimals (0.6 s). */
function minutes(ms: number): number {
  return round(ms / 60_000, 2);
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Plain code-point order, the same in every locale (so CSV files compare byte for byte). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
