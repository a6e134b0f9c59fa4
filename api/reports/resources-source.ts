import type { EntityManager } from '@mikro-orm/core';
import { MetricDailyRecord, MetricRollupRecord } from '../../db/entities/index.js';
import { bucketStart } from '../metrics/rollup-window.js';
import { addHistogram, HISTOGRAM_BINS, histogramMap, mergeResourceInputs, splitResourceRange, type HostResourceInput, type PercentHistogram, type ResourceInput } from './resources.js';
import { num, reportSql, type ReportSql } from './report-sql.js';
import type { ReportRange } from './report-scope.js';

const HOUR_MS = 3_600_000;

const hostFilter = (col: string, hostIds: readonly number[] | null) => (hostIds === null ? '' : hostIds.length === 0 ? ' AND 1 = 0' : ` AND ${col} IN (${hostIds.map(() => '?').join(',')})`);

/**
 * The CPU and memory input of the resources report: the whole UTC days of the range from the daily
 * histograms (`metric_daily`, one row per host, day and metric), the hours before the first and
 * after the last whole day from the 1-hour rollups (two grouped reads each). Histograms add up,
 * so the figures are those of the hours themselves. Hours are those whose bucket starts in the
 * range (the first one partly before `from` when `from` is not on the hour).
 */
export async function loadResourceInput(em: EntityManager, range: ReportRange, hostIds: readonly number[] | null): Promise<ResourceInput> {
  const sql = reportSql(em);
  const split = splitResourceRange(bucketStart(range.fromMs, HOUR_MS), range.toMs);
  // The reads are independent: each takes its own pooled connection, so the database runs them
  // side by side (outside a transaction; inside one they queue on its connection).
  const parts = await Promise.all([split.days ? loadDays(sql, split.days, hostIds) : undefined, split.hours.length > 0 ? loadHours(sql, split.hours, hostIds) : undefined]);
  return mergeResourceInputs(parts.filter((p): p is ResourceInput => p !== undefined));
}

async function loadDays(sql: ReportSql, days: { fromMs: number; toMs: number }, hostIds: readonly number[] | null): Promise<ResourceInput> {
  const d = sql.names(MetricDailyRecord);
  const rows = await sql.rows<{ host_id: number | string; metric: string; hours: number | string; max_percent: number | string; hist: string }>(
    `SELECT ${d.col('hostId')} AS host_id, ${d.col('metric')} AS metric, ${d.col('hours')} AS hours, ${d.col('maxPercent')} AS max_percent, ${d.col('hist')} AS hist FROM ${d.table} WHERE ${d.col('dayStartMs')} >= ? AND ${d.col('dayStartMs')} < ?${hostFilter(d.col('hostId'), hostIds)}`,
    [days.fromMs, days.toMs, ...(hostIds ?? [])],
  );
  // each host's days added up in place (one array per host and metric), made maps once at the end
  const maxima = new Map<number, { hostId: number; hours: number; cpuMax: number; memMaxPercent: number }>();
  const cpu = new Map<number, Float64Array>();
  const mem = new Map<number, Float64Array>();
  const into = (by: Map<number, Float64Array>, hostId: number) => {
    let counts = by.get(hostId);
    if (!counts) by.set(hostId, (counts = new Float64Array(HISTOGRAM_BINS)));
    return counts;
  };
  for (const row of rows) {
    const hostId = Number(row.host_id);
    let m = maxima.get(hostId);
    if (!m) maxima.set(hostId, (m = { hostId, hours: 0, cpuMax: 0, memMaxPercent: 0 }));
    if (row.metric === 'cpu') {
      m.hours += num(row.hours);
      m.cpuMax = Math.max(m.cpuMax, num(row.max_percent));
      addHistogram(row.hist, into(cpu, hostId));
    } else {
      m.memMaxPercent = Math.max(m.memMaxPercent, num(row.max_percent));
      addHistogram(row.hist, into(mem, hostId));
    }
  }
  const hists = (by: Map<number, Float64Array>): PercentHistogram[] => [...by].map(([hostId, counts]) => ({ hostId, bins: histogramMap(counts) }));
  return { maxima: [...maxima.values()], cpu: hists(cpu), mem: hists(mem) };
}

/** Per host the histogram of hourly CPU averages in whole percent (with the host's hours and maxima), and that of memory used. */
async function loadHours(sql: ReportSql, windows: readonly { fromMs: number; toMs: number }[], hostIds: readonly number[] | null): Promise<ResourceInput> {
  const r = sql.names(MetricRollupRecord);
  const inWindows = windows.map(() => `(${r.col('bucketStartMs')} >= ? AND ${r.col('bucketStartMs')} < ?)`).join(' OR ');
  const where = `${r.col('stepSeconds')} = 3600 AND (${inWindows})${hostFilter(r.col('hostId'), hostIds)}`;
  const params = [...windows.flatMap((w) => [w.fromMs, w.toMs]), ...(hostIds ?? [])];
  const memPct = `(100.0 * ${r.col('memUsedAvg')} / ${r.col('memTotalBytes')})`;
  const histogram = async (expr: string, withMaxima: boolean): Promise<{ hists: PercentHistogram[]; maxima: HostResourceInput[] }> => {
    const bin = sql.floor(expr);
    // the maxima ride along with the CPU histogram: one pass over the rollups instead of two
    const extra = withMaxima ? `, MAX(${r.col('cpuMax')}) AS cpu_max, MAX(CASE WHEN ${r.col('memTotalBytes')} > 0 THEN 100.0 * ${r.col('memUsedMax')} / ${r.col('memTotalBytes')} END) AS mem_max` : '';
    const rows = await sql.rows<{ host_id: number | string; bin: number | string | null; n: number | string; cpu_max?: number | string; mem_max?: number | string | null }>(`SELECT ${r.col('hostId')} AS host_id, ${bin} AS bin, COUNT(*) AS n${extra} FROM ${r.table} WHERE ${where} GROUP BY ${r.col('hostId')}, ${bin}${sql.unordered}`, params);
    const by = new Map<number, Map<number, number>>();
    const max = new Map<number, { hostId: number; hours: number; cpuMax: number; memMaxPercent: number }>();
    for (const row of rows) {
      const id = Number(row.host_id);
      if (withMaxima) {
        const m = max.get(id) ?? { hostId: id, hours: 0, cpuMax: 0, memMaxPercent: 0 };
        m.hours += num(row.n);
        m.cpuMax = Math.max(m.cpuMax, num(row.cpu_max));
        m.memMaxPercent = Math.max(m.memMaxPercent, num(row.mem_max));
        max.set(id, m);
      }
      if (row.bin === null) continue;
      let bins = by.get(id);
      if (!bins) by.set(id, (bins = new Map()));
      const b = Math.max(0, Math.min(100, num(row.bin)));
      bins.set(b, (bins.get(b) ?? 0) + num(row.n));
    }
    return { hists: [...by.entries()].map(([hostId, bins]) => ({ hostId, bins })), maxima: [...max.values()] };
  };
  const [cpu, mem] = await Promise.all([histogram(r.col('cpuAvg'), true), histogram(`CASE WHEN ${r.col('memTotalBytes')} > 0 THEN ${memPct} END`, false)]);
  return { maxima: cpu.maxima, cpu: cpu.hists, mem: mem.hists };
}
