'use client';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

/**
 * Bars for named categories (hosts, label groups), drawn by uPlot like the time charts: one
 * canvas, the same axes and colours. Category names are data and reach the canvas only as text.
 */
export function BarChart({ categories, values, color, height = 220, format, label, seriesLabel }: { categories: readonly string[]; values: readonly (number | null)[]; color: string; height?: number; format: (v: number) => string; label: string; seriesLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const short = (s: string) => (s.length > 16 ? `${s.slice(0, 15)}…` : s);
    const bars = uPlot.paths.bars!({ size: [0.6, 56] });
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false, auto: false, range: () => [-0.5, Math.max(categories.length, 1) - 0.5] }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
      axes: [
        { stroke: '#5b6577', grid: { show: false }, splits: () => categories.map((_, i) => i), values: (_u, vals) => vals.map((v) => short(categories[v] ?? '')), rotate: categories.length > 8 ? -35 : 0, size: categories.length > 8 ? 80 : 40 },
        { stroke: '#5b6577', grid: { stroke: '#e6e9ef' }, size: 70, values: (_u, vals) => vals.map((v) => format(v)) },
      ],
      series: [{ label: '', value: (_u, v) => (v === null || v === undefined ? '' : (categories[v] ?? '')) }, { label: seriesLabel, stroke: color, fill: `${color}cc`, width: 0, paths: bars, points: { show: false }, value: (_u: uPlot, v: number | null) => (v === null ? '—' : format(v)) }],
    };
    const data = [categories.map((_, i) => i), values as (number | null)[]] as uPlot.AlignedData;
    const plot = new uPlot(opts, data, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [categories, values, color, height, format, seriesLabel]);
  return <div ref={ref} className="chart" role="img" aria-label={label} />;
}
