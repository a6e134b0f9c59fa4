/**
 * The resources report, pure: top hosts by CPU and memory over the range, from the 1-hour rollups.
 *
 * - **max** is the highest sample of the range (the rollups keep each hour's maximum);
 * - **p95** is the 95th percentile of the hourly averages (nearest rank), computed from a histogram
 *   of whole percent the database counts per host (`GROUP BY host, FLOOR(value)`) — so it is exact
 *   to one percentage point and costs one grouped read, not the hourly rows themselves.
 */
import { compareText } from './availability.js';
import type { ReportHost } from './report-hosts.js';
import { splitWholeDays } from './report-scope.js';

/** One host's hourly averages counted per whole percent (bin b counts values in [b, b + 1)). */
export interface PercentHistogram {
  readonly hostId: number;
  readonly bins: ReadonlyMap<number, number>;
}

/** Nearest-rank percentile of a histogram: the lower edge of the bin holding rank ⌈q·n⌉; null when empty. */
export function histogramPercentile(bins: ReadonlyMap<number, number>, q: number): number | null {
  let n = 0;
  for (const c of bins.values()) n += c;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const bin of [...bins.keys()].sort((a, b) => a - b)) {
    seen += bins.get(bin)!;
    if (seen >= rank) return bin;
  }
  return null;
}

export interface HostResourceInput {
  readonly hostId: number;
  readonly hours: number;
  readonly cpuMax: number;
  readonly memMaxPercent: number;
}

/** What the report reads: per host its hours and maxima, and the CPU and memory histograms. */
export interface ResourceInput {
  readonly maxima: readonly HostResourceInput[];
  readonly cpu: readonly PercentHistogram[];
  readonly mem: readonly PercentHistogram[];
}

/**
 * Which part of the hours [fromMs, toMs) the daily histograms answer (the whole UTC days inside)
 * and which the 1-hour rollups (the hours before the first whole day and after the last).
 */
export function splitResourceRange(fromMs: number, toMs: number): { days: { fromMs: number; toMs: number } | null; hours: { fromMs: number; toMs: number }[] } {
  const { days, edges } = splitWholeDays(fromMs, toMs);
  return { days, hours: edges };
}

/** A daily histogram as stored (`"12:3,13:5"`); malformed parts are skipped. */
export function parseHistogram(text: string | null | undefined): Map<number, number> {
  const counts = new Float64Array(HISTOGRAM_BINS);
  addHistogram(text, counts);
  return histogramMap(counts);
}

/** Bins of a whole-percent histogram: 0 … 100. */
export const HISTOGRAM_BINS = 101;

/**
 * Adds a stored histogram (`"12:3,13:5"`) into `counts` (one slot per bin, bins clamped to
 * 0 … 100); malformed parts are skipped. The hot path of the resources report (a 30-day report of
 * 5,000 hosts adds 300,000 of them): whole-number parts are read digit by digit, anything else
 * part by part with `Number`.
 */
export function addHistogram(text: string | null | undefined, counts: Float64Array): void {
  if (!text) return;
  const n = text.length;
  let start = 0;
  while (start < n) {
    let end = text.indexOf(',', start);
    if (end < 0) end = n;
    let bin = 0;
    let count = 0;
    let colon = -1;
    let plain = end > start;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 58 && colon < 0) colon = i;
      else if (c >= 48 && c <= 57) {
        if (colon < 0) bin = bin * 10 + (c - 48);
        else count = count * 10 + (c - 48);
      } else plain = false;
    }
    if (!plain || colon <= start || colon === end - 1) {
      const [b, k] = text.slice(start, end).split(':').map(Number);
      if (b !== undefined && k !== undefined && Number.isFinite(b) && Number.isFinite(k)) counts[Math.max(0, Math.min(100, Math.floor(b)))]! += k;
    } else counts[Math.min(100, bin)]! += count;
    start = end + 1;
  }
}

/** The non-empty bins of `counts` as a map. */
export function histogramMap(counts: Float64Array): Map<number, number> {
  const bins = new Map<number, number>();
  for (let b = 0; b < counts.length; b++) if (counts[b]! !== 0) bins.set(b, counts[b]!);
  return bins;
}

/** Several inputs (days and edge hours) as one: hours and histograms add up, maxima are the highest. */
export function mergeResourceInputs(parts: readonly ResourceInput[]): ResourceInput {
  const maxima = new Map<number, { hostId: number; hours: number; cpuMax: number; memMaxPercent: number }>();
  const hists = (pick: (p: ResourceInput) => readonly PercentHistogram[]) => {
    const by = new Map<number, Map<number, number>>();
    for (const p of parts) {
      for (const h of pick(p)) {
        let bins = by.get(h.hostId);
        if (!bins) by.set(h.hostId, (bins = new Map()));
        for (const [b, n] of h.bins) bins.set(b, (bins.get(b) ?? 0) + n);
      }
    }
    return [...by.entries()].map(([hostId, bins]) => ({ hostId, bins }));
  };
  for (const p of parts) {
    for (const m of p.maxima) {
      const acc = maxima.get(m.hostId) ?? { hostId: m.hostId, hours: 0, cpuMax: 0, memMaxPercent: 0 };
      acc.hours += m.hours;
      acc.cpuMax = Math.max(acc.cpuMax, m.cpuMax);
      acc.memMaxPercent = Math.max(acc.memMaxPercent, m.memMaxPercent);
      maxima.set(m.hostId, acc);
    }
  }
  return { maxima: [...maxima.values()], cpu: hists((p) => p.cpu), mem: hists((p) => p.mem) };
}

export interface ResourceRow {
  readonly host: string;
  /** Hours with metrics in the range. */
  readonly hours: number;
  readonly cpuP95: number | null;
  readonly cpuMax: number;
  readonly memP95: number | null;
  readonly memMax: number;
}

export const RESOURCE_SORTS = ['CPU', 'MEMORY'] as const;
export type ResourceSort = (typeof RESOURCE_SORTS)[number];

/** The `limit` hosts with the highest p95 of `sortBy` (then max, then name), busiest first. */
export function topResourceRows(hosts: readonly ReportHost[], maxima: readonly HostResourceInput[], cpu: readonly PercentHistogram[], mem: readonly PercentHistogram[], opts: { readonly sortBy: ResourceSort; readonly limit: number }): ResourceRow[] {
  const names = new Map(hosts.map((h) => [h.id, h.name]));
  const cpuBy = new Map(cpu.map((h) => [h.hostId, h.bins]));
  const memBy = new Map(mem.map((h) => [h.hostId, h.bins]));
  const rows: ResourceRow[] = [];
  for (const m of maxima) {
    const host = names.get(m.hostId);
    if (host === undefined) continue;
    rows.push({
      host,
      hours: m.hours,
      cpuP95: histogramPercentile(cpuBy.get(m.hostId) ?? new Map(), 0.95),
      cpuMax: round2(m.cpuMax),
      memP95: histogramPercentile(memBy.get(m.hostId) ?? new Map(), 0.95),
      memMax: round2(m.memMaxPercent),
    });
  }
  const key = opts.sortBy === 'CPU' ? (r: ResourceRow) => [r.cpuP95 ?? -1, r.cpuMax] : (r: ResourceRow) => [r.memP95 ?? -1, r.memMax];
  return rows
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return kb[0]! - ka[0]! || kb[1]! - ka[1]! || compareText(a.host, b.host);
    })
    .slice(0, opts.limit);
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
