/**
 * What every report shares: its range, how rows are grouped (`by`), and the periods a range is cut
 * into. Pure: the clock comes in as `nowMs`.
 *
 * Periods are UTC: a day starts at 00:00Z, a week on Monday 00:00Z (ISO weeks), a month on the 1st.
 * The first and last period are clipped to the range, so their figures cover only the part inside.
 */

export const REPORT_PERIODS = ['ALL', 'DAY', 'WEEK', 'MONTH'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const DAY_MS = 86_400_000;
/** Longest range a report accepts. @default 400 days (the rollup retention) */
export const MAX_REPORT_RANGE_MS = 400 * DAY_MS;
/** Default range when `from` is not given: the 30 days before `to`. */
export const DEFAULT_REPORT_RANGE_MS = 30 * DAY_MS;

/** How rows are grouped: one per host, or one per value of a label (hosts without it form `""`). */
export type ReportGrouping = { readonly kind: 'host' } | { readonly kind: 'label'; readonly key: string };

export interface ReportRange {
  readonly fromMs: number;
  readonly toMs: number;
}

export type RangeResult = { readonly ok: true; readonly range: ReportRange } | { readonly ok: false; readonly message: string };

/**
 * The range asked for, with defaults: `to` = now, `from` = 30 days before `to`. A range that ends
 * in the future is cut at now (nothing is known about it yet).
 */
export function resolveReportRange(input: { readonly from?: Date | null; readonly to?: Date | null }, nowMs: number): RangeResult {
  const toMs = Math.min(input.to?.getTime() ?? nowMs, nowMs);
  const fromMs = input.from?.getTime() ?? toMs - DEFAULT_REPORT_RANGE_MS;
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return { ok: false, message: 'from and to must be valid dates' };
  if (fromMs >= toMs) return { ok: false, message: `from (${iso(fromMs)}) must be before to (${iso(toMs)}, and to is never later than now)` };
  if (toMs - fromMs > MAX_REPORT_RANGE_MS) return { ok: false, message: `a report covers at most ${MAX_REPORT_RANGE_MS / DAY_MS} days` };
  return { ok: true, range: { fromMs, toMs } };
}

/** `host`, `label:KEY` (e.g. `label:role`). */
export function parseGrouping(text: string | null | undefined): ReportGrouping | { readonly error: string } {
  const t = (text ?? 'host').trim();
  if (t === 'host') return { kind: 'host' };
  const m = /^label:([A-Za-z0-9][A-Za-z0-9._/-]{0,62})$/.exec(t);
  if (m?.[1]) return { kind: 'label', key: m[1] };
  return { error: `--by must be "host" or "label:KEY" (e.g. label:role), got "${t}"` };
}

export function groupingText(g: ReportGrouping): string {
  return g.kind === 'host' ? 'host' : `label:${g.key}`;
}

/** The group a host falls in. */
export function groupOf(g: ReportGrouping, host: { readonly name: string; readonly labels: Readonly<Record<string, string>> }): string {
  return g.kind === 'host' ? host.name : (host.labels[g.key] ?? '');
}

/** Start of the period holding `atMs`. */
export function periodStart(period: Exclude<ReportPeriod, 'ALL'>, atMs: number): number {
  const d = new Date(atMs);
  if (period === 'DAY') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (period === 'WEEK') {
    const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return day - ((d.getUTCDay() + 6) % 7) * DAY_MS;
  }
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextPeriodStart(period: Exclude<ReportPeriod, 'ALL'>, startMs: number): number {
  if (period === 'DAY') return startMs + DAY_MS;
  if (period === 'WEEK') return startMs + 7 * DAY_MS;
  const d = new Date(startMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** The range cut into periods, each clipped to the range; `ALL` is the range itself. */
export function periodsOf(range: ReportRange, period: ReportPeriod): ReportRange[] {
  if (period === 'ALL') return [range];
  const out: ReportRange[] = [];
  for (let start = periodStart(period, range.fromMs); start < range.toMs; start = nextPeriodStart(period, start)) {
    out.push({ fromMs: Math.max(start, range.fromMs), toMs: Math.min(nextPeriodStart(period, start), range.toMs) });
  }
  return out;
}

/**
 * The whole UTC days inside [fromMs, toMs) — what daily rollups answer — and the partial days
 * before and after them, which are read from finer rows.
 */
export function splitWholeDays(fromMs: number, toMs: number): { days: ReportRange | null; edges: ReportRange[] } {
  const d0 = Math.ceil(fromMs / DAY_MS) * DAY_MS;
  const d1 = Math.floor(toMs / DAY_MS) * DAY_MS;
  if (d0 >= d1) return { days: null, edges: fromMs < toMs ? [{ fromMs, toMs }] : [] };
  return { days: { fromMs: d0, toMs: d1 }, edges: [...(fromMs < d0 ? [{ fromMs, toMs: d0 }] : []), ...(d1 < toMs ? [{ fromMs: d1, toMs }] : [])] };
}

/** Index of the period holding `atMs`, or -1 outside them (periods are sorted and contiguous). */
export function periodIndex(periods: readonly ReportRange[], atMs: number): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid]!;
    if (atMs < p.fromMs) hi = mid - 1;
    else if (atMs >= p.toMs) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function iso(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}
