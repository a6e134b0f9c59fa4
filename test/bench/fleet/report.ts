/** One benchmark figure beside its raw baseline, printed as a table row and kept for the JSON. */
export interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly ioms: number;
  readonly raw: number | null;
  /** ioms / raw (how many times the raw figure). */
  readonly ratio: number | null;
  readonly target?: string;
  /** Which of issue 9's numbered benchmarks (1–8) this figure is, for run-all's summary. */
  readonly item?: number;
}

/** The figure as one of issue 9's numbered benchmarks. */
export function item(n: number, f: Figure): Figure {
  return { ...f, item: n };
}

export function figure(name: string, unit: string, ioms: number, raw: number | null, target?: string): Figure {
  return { name, unit, ioms, raw, ratio: raw && Number.isFinite(ioms) ? ioms / raw : null, ...(target ? { target } : {}) };
}

function fmt(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '—';
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}

/** Prints the figures as a Markdown table and then one JSON line (`BENCH_JSON {...}`). */
export function printFigures(bench: string, meta: Record<string, unknown>, figures: readonly Figure[]): void {
  console.log(`| ${bench} | IOMS | raw baseline | ratio | target |`);
  console.log('|---|---|---|---|---|');
  for (const f of figures) console.log(`| ${f.name} (${f.unit}) | ${fmt(f.ioms)} | ${fmt(f.raw)} | ${f.ratio === null ? '—' : `${fmt(f.ratio)}×`} | ${f.target ?? ''} |`);
  console.log(`BENCH_JSON ${JSON.stringify({ bench, ...meta, figures })}`);
}
