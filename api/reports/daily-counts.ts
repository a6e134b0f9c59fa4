/**
 * What the restarts and cron reports have in common: rows counted per host, item (process or
 * cron entry), UTC day and status by one GROUP BY in the database, rolled up here into the
 * report's groups and periods. Pure.
 */
import { compareText } from './availability.js';
import { groupOf, periodIndex, periodsOf, type ReportGrouping, type ReportPeriod, type ReportRange } from './report-scope.js';

export interface DailyCount {
  readonly hostId: number;
  /** The process or cron entry. */
  readonly item: string;
  /** Start of the UTC day (epoch ms). */
  readonly dayMs: number;
  readonly status: string;
  readonly count: number;
  /** Newest record of this host, item, day and status (epoch ms). */
  readonly lastMs: number;
}

export interface CountedRow {
  readonly group: string;
  readonly item: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  /** Distinct hosts with records in the row. */
  readonly hosts: number;
  /** Records per status. */
  readonly counts: Readonly<Record<string, number>>;
  /** Newest record per status (epoch ms). */
  readonly last: Readonly<Record<string, number>>;
}

/**
 * Rows per group, item and period that have at least one record, sorted by group, item, period.
 * Counts of days outside the range (none, when the query is bounded by it) are dropped.
 */
export function rollUpDailyCounts(counts: readonly DailyCount[], hosts: ReadonlyMap<number, { readonly name: string; readonly labels: Readonly<Record<string, string>> }>, range: ReportRange, by: ReportGrouping, period: ReportPeriod): CountedRow[] {
  const periods = periodsOf(range, period);
  const acc = new Map<string, { group: string; item: string; p: number; hosts: Set<number>; counts: Record<string, number>; last: Record<string, number> }>();
  for (const c of counts) {
    const host = hosts.get(c.hostId);
    if (!host) continue;
    const p = periodIndex(periods, Math.max(c.dayMs, range.fromMs));
    if (p < 0) continue;
    const group = groupOf(by, host);
    const key = `${group}\u0000${c.item}\u0000${p}`;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { group, item: c.item, p, hosts: new Set(), counts: {}, last: {} }));
    a.hosts.add(c.hostId);
    a.counts[c.status] = (a.counts[c.status] ?? 0) + c.count;
    a.last[c.status] = Math.max(a.last[c.status] ?? 0, c.lastMs);
  }
  return [...acc.values()]
    .sort((x, y) => compareText(x.group, y.group) || compareText(x.item, y.item) || x.p - y.p)
    .map((a) => ({ group: a.group, item: a.item, periodStart: new Date(periods[a.p]!.fromMs), periodEnd: new Date(periods[a.p]!.toMs), hosts: a.hosts.size, counts: a.counts, last: a.last }));
}

/** Percent to two decimals, null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((10_000 * part) / whole) / 100 : null;
}
