'use client';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  /** One value per x (null = gap). */
  readonly values: readonly (number | null)[];
  /** Shaded band down to this series index (min/max of rollups). */
  readonly fill?: boolean;
}

/** Half the window drawn around a chart's only instant (uPlot would otherwise spread it over years). */
const SINGLE_INSTANT_HALF_WINDOW_S = 30 * 60;

/** The data's own extent, except that one instant gets an hour around it. */
function singleInstantRange(_u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  return min === max ? [min - SINGLE_INSTANT_HALF_WINDOW_S, max + SINGLE_INSTANT_HALF_WINDOW_S] : [min, max];
}

/**
 * A time series chart on uPlot: canvas, tens of thousands of points without effort. `x` is in
 * seconds since the epoch; the axis shows the browser's zone or UTC.
 */
export function TimeChart({ x, series, height = 180, format, utc, label }: { x: readonly number[]; series: readonly ChartSeries[]; height?: number; format: (v: number) => string; utc: boolean; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      tzDate: utc ? (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC') : undefined,
      legend: { show: true },
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true, range: singleInstantRange }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
      axes: [{ stroke: '#5b6577', grid: { stroke: '#e6e9ef' } }, { stroke: '#5b6577', grid: { stroke: '#e6e9ef' }, size: 70, values: (_u, vals) => vals.map((v) => format(v)) }],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, fill: s.fill ? `${s.color}22` : undefined, value: (_u: uPlot, v: number | null) => (v === null ? '—' : format(v)), spanGaps: false }))],
    };
    const data = [x as number[], ...series.map((s) => s.values as (number | null)[])] as uPlot.AlignedData;
    const plot = new uPlot(opts, data, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [x, series, height, format, utc]);
  return <div ref={ref} className="chart" role="img" aria-label={label} />;
}
