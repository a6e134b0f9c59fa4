/**
 * The resources report's disks, pure: per mount the p95 and the highest use over the range, and
 * the disk-full forecast — days until the mount fills at its 30-day trend, the least-squares line
 * through its daily average bytes used. Read from the daily disk rollups (one row per host, mount
 * and UTC day), so the range is taken in whole UTC days.
 *
 * - **p95** is the 95th percentile (nearest rank, whole percent) of the mount's *daily* average use:
 *   disks move slowly, so days are the unit here (CPU and memory use hours);
 * - **max** is the highest sample of the range;
 * - **trend**: GROWING (slope > 0: `daysUntilFull` from the end of the range, 0 when the line
 *   says it is full already), NOT_GROWING (flat or shrinking: no date, never a negative number) or
 *   NOT_ENOUGH_DATA (fewer than {@link MIN_TREND_DAYS} days).
 */
import { compareText } from './availability.js';
import type { ReportHost } from './report-hosts.js';
import { histogramPercentile } from './resources.js';

export const DISK_TRENDS = ['GROWING', 'NOT_GROWING', 'NOT_ENOUGH_DATA'] as const;
export type DiskTrend = (typeof DISK_TRENDS)[number];

/** Days of data a trend needs. @default 3 */
export const MIN_TREND_DAYS = 3;
/** Days the trend looks back from the end of the range. @default 30 */
export const TREND_DAYS = 30;
const DAY_MS = 86_400_000;

/** One mount over the range, as the database sums it. */
export interface MountRange {
  readonly hostId: number;
  readonly mount: string;
  readonly days: number;
  readonly maxPercent: number;
  readonly sizeBytes: number;
}

/** Least-squares sums of one mount over the trend window: x in days from the window's start (a day's midpoint), y in bytes. */
export interface MountTrendSums {
  readonly hostId: number;
  readonly mount: string;
  readonly n: number;
  readonly sx: number;
  readonly sy: number;
  readonly sxy: number;
  readonly sxx: number;
  readonly sizeBytes: number;
}

export interface MountHistogram {
  readonly hostId: number;
  readonly mount: string;
  readonly bins: ReadonlyMap<number, number>;
}

export interface DiskRow {
  readonly host: string;
  readonly mount: string;
  /** Days with data in the range. */
  readonly days: number;
  readonly usedP95: number | null;
  readonly usedMax: number;
  readonly sizeBytes: number;
}

export interface DiskForecast {
  readonly host: string;
  readonly mount: string;
  /** Days in the trend. */
  readonly days: number;
  readonly sizeBytes: number;
  /** Use at the end of the range on the trend line, percent of size (null without a trend). */
  readonly usedPercent: number | null;
  readonly growthBytesPerDay: number | null;
  readonly trend: DiskTrend;
  readonly daysUntilFull: number | null;
  readonly fullAt: Date | null;
}

const key = (hostId: number, mount: string) => `${hostId}\u0000${mount}`;
const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/** The `limit` mounts with the highest p95 (then max, host, mount). */
export function topDiskRows(hosts: readonly ReportHost[], ranges: readonly MountRange[], hists: readonly MountHistogram[], limit: number): DiskRow[] {
  const names = new Map(hosts.map((h) => [h.id, h.name]));
  const bins = new Map(hists.map((h) => [key(h.hostId, h.mount), h.bins]));
  const rows: DiskRow[] = [];
  for (const r of ranges) {
    const host = names.get(r.hostId);
    if (host === undefined) continue;
    rows.push({ host, mount: r.mount, days: r.days, usedP95: histogramPercentile(bins.get(key(r.hostId, r.mount)) ?? new Map(), 0.95), usedMax: round(r.maxPercent, 2), sizeBytes: r.sizeBytes });
  }
  return rows.sort((a, b) => (b.usedP95 ?? -1) - (a.usedP95 ?? -1) || b.usedMax - a.usedMax || compareText(a.host, b.host) || compareText(a.mount, b.mount)).slice(0, limit);
}

/**
 * One mount's forecast from its sums; `atX` is the end of the range in the sums' x (days from the
 * trend window's start).
 */
export function forecastMount(s: MountTrendSums, atX: number): Pick<DiskForecast, 'usedPercent' | 'growthBytesPerDay' | 'trend' | 'daysUntilFull'> {
  const denominator = s.n * s.sxx - s.sx * s.sx;
  if (s.n < MIN_TREND_DAYS || denominator <= 0 || s.sizeBytes <= 0) return { usedPercent: null, growthBytesPerDay: null, trend: 'NOT_ENOUGH_DATA', daysUntilFull: null };
  const slope = (s.n * s.sxy - s.sx * s.sy) / denominator;
  const intercept = (s.sy - slope * s.sx) / s.n;
  const usedNow = intercept + slope * atX;
  const usedPercent = round(Math.max(0, Math.min(100, (100 * usedNow) / s.sizeBytes)), 2);
  const growthBytesPerDay = Math.round(slope);
  if (!(slope > 0)) return { usedPercent, growthBytesPerDay, trend: 'NOT_GROWING', daysUntilFull: null };
  return { usedPercent, growthBytesPerDay, trend: 'GROWING', daysUntilFull: round(Math.max(0, (s.sizeBytes - usedNow) / slope), 1) };
}

/** Every mount's forecast: growing ones soonest full first, then not growing, then those without enough data; at most `limit`. */
export function diskForecasts(hosts: readonly ReportHost[], sums: readonly MountTrendSums[], window: { readonly fromMs: number; readonly toMs: number }, limit: number): DiskForecast[] {
  const names = new Map(hosts.map((h) => [h.id, h.name]));
  const atX = (window.toMs - window.fromMs) / DAY_MS;
  const order: Record<DiskTrend, number> = { GROWING: 0, NOT_GROWING: 1, NOT_ENOUGH_DATA: 2 };
  const rows: DiskForecast[] = [];
  for (const s of sums) {
    const host = names.get(s.hostId);
    if (host === undefined) continue;
    const f = forecastMount(s, atX);
    rows.push({ host, mount: s.mount, days: s.n, sizeBytes: s.sizeBytes, ...f, fullAt: f.daysUntilFull === null ? null : new Date(window.toMs + Math.round(f.daysUntilFull * DAY_MS)) });
  }
  return rows.sort((a, b) => order[a.trend] - order[b.trend] || (a.daysUntilFull ?? 0) - (b.daysUntilFull ?? 0) || compareText(a.host, b.host) || compareText(a.mount, b.mount)).slice(0, limit);
}

/** The trend window: the last {@link TREND_DAYS} UTC days of the range (whole days from the range's first day). */
export function trendWindow(daysFromMs: number, toMs: number): { fromMs: number; toMs: number } {
  const lastDayEnd = Math.ceil(toMs / DAY_MS) * DAY_MS;
  return { fromMs: Math.max(daysFromMs, lastDayEnd - TREND_DAYS * DAY_MS), toMs };
}
