import type { EntityManager } from '@mikro-orm/core';
import { MetricRollupRecord } from '../../db/entities/index.js';
import { bucketStart } from '../metrics/rollup-window.js';
import type { HostResourceInput, PercentHistogram } from './resources.js';
import { num, reportSql } from './report-sql.js';
import type { ReportRange } from './report-scope.js';

const HOUR_MS = 3_600_000;

/**
 * Three grouped reads of the 1-hour rollups in the range (through the (step, bucket) index): per
 * host its hours and maxima, and per host the histograms of hourly CPU and memory averages in
 * whole percent. Hours are those whose bucket starts in the range (the first one partly before
 * `from` when `from` is not on the hour).
 */
export async function loadResourceInput(em: EntityManager, range: ReportRange, hostIds: readonly number[] | null): Promise<{ maxima: HostResourceInput[]; cpu: PercentHistogram[]; mem: PercentHistogram[] }> {
  const sql = reportSql(em);
  const r = sql.names(MetricRollupRecord);
  const where = `${r.col('stepSeconds')} = 3600 AND ${r.col('bucketStartMs')} >= ? AND ${r.col('bucketStartMs')} < ?${hostIds === null ? '' : hostIds.length === 0 ? ' AND 1 = 0' : ` AND ${r.col('hostId')} IN (${hostIds.map(() => '?').join(',')})`}`;
  const params = [bucketStart(range.fromMs, HOUR_MS), range.toMs, ...(hostIds ?? [])];
  const memPct = `(100.0 * ${r.col('memUsedAvg')} / ${r.col('memTotalBytes')})`;
  const maxima = await sql.rows<{ host_id: number | string; hours: number | string; cpu_max: number | string; mem_max: number | string | null }>(
    `SELECT ${r.col('hostId')} AS host_id, COUNT(*) AS hours, MAX(${r.col('cpuMax')}) AS cpu_max, MAX(CASE WHEN ${r.col('memTotalBytes')} > 0 THEN 100.0 * ${r.col('memUsedMax')} / ${r.col('memTotalBytes')} END) AS mem_max FROM ${r.table} WHERE ${where} GROUP BY ${r.col('hostId')}`,
    params,
  );
  const histogram = async (expr: string): Promise<PercentHistogram[]> => {
    const bin = sql.floor(expr);
    const rows = await sql.rows<{ host_id: number | string; bin: number | string; n: number | string }>(`SELECT ${r.col('hostId')} AS host_id, ${bin} AS bin, COUNT(*) AS n FROM ${r.table} WHERE ${where} AND ${expr} IS NOT NULL GROUP BY ${r.col('hostId')}, ${bin}`, params);
    const by = new Map<number, Map<number, number>>();
    for (const row of rows) {
      const id = Number(row.host_id);
      let bins = by.get(id);
      if (!bins) by.set(id, (bins = new Map()));
      const b = Math.max(0, Math.min(100, num(row.bin)));
      bins.set(b, (bins.get(b) ?? 0) + num(row.n));
    }
    return [...by.entries()].map(([hostId, bins]) => ({ hostId, bins }));
  };
  return {
    maxima: maxima.map((m) => ({ hostId: Number(m.host_id), hours: num(m.hours), cpuMax: num(m.cpu_max), memMaxPercent: num(m.mem_max) })),
    cpu: await histogram(r.col('cpuAvg')),
    mem: await histogram(`CASE WHEN ${r.col('memTotalBytes')} > 0 THEN ${memPct} END`),
  };
}
