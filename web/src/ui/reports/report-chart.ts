/**
 * What a report's chart plots, from its rows: pure, so the page only draws. One row per group
 * (period ALL) becomes bars, worst first; rows per day, week or month become one line per group
 * (the groups with the largest totals, so a fleet of thousands stays readable).
 */

/** How a cell is shown (the CSV keeps the raw figure). */
export type CellFormat = 'text' | 'mono' | 'int' | 'pct' | 'min' | 'ms' | 'date' | 'number' | 'bytes';

export interface ChartMetric {
  readonly field: string;
  /** Catalogue key. */
  readonly label: string;
  readonly format: CellFormat;
}

/** What a report kind's chart plots (see report-kinds.ts). */
export interface ReportChartDef {
  /** Table whose rows are plotted. */
  readonly table: string;
  /** Field naming a bar or a line (host or label group); absent: one series for the whole fleet. */
  readonly group?: string;
  /** Second part of the name (process, cron entry): "group · process". */
  readonly subgroup?: string;
  readonly metrics: readonly ChartMetric[];
}

export const CHART_COLORS = ['#1f5fbf', '#17784a', '#b42323', '#8a5a00', '#6b3fa0', '#0f7c8c', '#c2410c', '#4b5563'] as const;
export const MAX_BARS = 24;
export const MAX_LINES = CHART_COLORS.length;

type Row = Record<string, unknown>;

export type ChartData =
  /** `periods`: the categories are period starts (ISO), else group names. */
  | { readonly type: 'bars'; readonly categories: readonly string[]; readonly periods: boolean; readonly values: readonly (number | null)[]; readonly more: number }
  | { readonly type: 'lines'; readonly x: readonly number[]; readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[]; readonly more: number }
  | { readonly type: 'none' };

/** Metrics where a lower figure is the worse one (shown first). */
const LOW_IS_WORSE = new Set(['availabilityPercent', 'successPercent']);

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function nameOf(def: ReportChartDef, r: Row): string {
  const g = def.group ? String(r[def.group] ?? '') : '';
  const s = def.subgroup ? String(r[def.subgroup] ?? '') : '';
  return [g || (def.group ? '∅' : ''), s].filter(Boolean).join(' · ');
}

export function chartData(def: ReportChartDef, metric: ChartMetric, rows: readonly Row[], periodic: boolean): ChartData {
  if (rows.length === 0) return { type: 'none' };
  const lowWorse = LOW_IS_WORSE.has(metric.field);
  if (!periodic && def.group) {
    const ranked = rows.map((r) => ({ name: nameOf(def, r), v: num(r[metric.field]) })).sort((a, b) => rank(a.v, b.v, lowWorse));
    const shown = ranked.slice(0, MAX_BARS);
    return { type: 'bars', categories: shown.map((b) => b.name), periods: false, values: shown.map((b) => b.v), more: ranked.length - shown.length };
  }
  const xs = [...new Set(rows.map((r) => Date.parse(String(r.periodStart))).filter((t) => Number.isFinite(t)))].sort((a, b) => a - b);
  const byName = new Map<string, Map<number, number | null>>();
  for (const r of rows) {
    const name = nameOf(def, r);
    const m = byName.get(name) ?? new Map<number, number | null>();
    m.set(Date.parse(String(r.periodStart)), num(r[metric.field]));
    byName.set(name, m);
  }
  const total = (m: Map<number, number | null>) => [...m.values()].reduce<number>((s, v) => s + (v ?? 0), 0) / Math.max(1, m.size);
  const names = [...byName.entries()].sort((a, b) => rank(total(a[1]), total(b[1]), lowWorse)).map(([n]) => n);
  // One line of a few points reads badly: a single group (or the whole fleet) is bars per period.
  if (names.length === 1 && xs.length <= MAX_BARS) {
    const only = byName.get(names[0]!)!;
    return { type: 'bars', categories: xs.map((t) => new Date(t).toISOString()), periods: true, values: xs.map((t) => only.get(t) ?? null), more: 0 };
  }
  const shown = names.slice(0, MAX_LINES);
  return {
    type: 'lines',
    x: xs.map((t) => t / 1000),
    series: shown.map((n) => ({ name: n, values: xs.map((t) => byName.get(n)!.get(t) ?? null) })),
    more: names.length - shown.length,
  };
}

function rank(a: number | null, b: number | null, lowWorse: boolean): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return lowWorse ? a - b : b - a;
}
