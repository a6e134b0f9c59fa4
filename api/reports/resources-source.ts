import type { EntityManager } from '@mikro-orm/core';
import { MetricRollupRecord } from '../../db/entities/index.js';
import { bucketStart } from '../metrics/rollup-window.js';
import type { HostResourceInput, PercentHistogram } from './resources.js';
import { num, reportSql } from './report-sql.js';
import type { ReportRange } from './report-scope.js';

const HOUR_MS = 3_600_000;

/**
 * Two grouped reads of the 1-hour rollups in the range: per host the histogram of hourly CPU
 * averages in whole percent (with the host's hours and maxima), and that of memory used. Hours are those whose bucket starts in the range (the first one partly before
 * `from` when `from` is not on the hour).
 */
export async function loadResourceInput(em: EntityManager, range: ReportRange, hostIds: readonly number[] | null): Promise<{ maxima: HostResourceInput[]; cpu: PercentHistogram[]; mem: PercentHistogram[] }> {
  const sql = reportSql(em);
  const r = sql.names(MetricRollupRecord);
  const where = `${r.col('stepSeconds')} = 3600 AND ${r.col('bucketStartMs')} >= ? AND ${r.col('bucketStartMs')} < ?${hostIds === null ? '' : hostIds.length === 0 ? ' AND 1 = 0' : ` AND ${r.col('hostId')} IN (${hostIds.map(() => '?').join(',')})`}`;
  const params = [bucketStart(range.fromMs, HOUR_MS), range.toMs, ...(hostIds ?? [])];
  const memPct = `(100.0 * ${r.col('memUsedAvg')} / ${r.col('memTotalBytes')})`;
  const histogram = async (expr: string, withMaxima: boolean): Promise<{ hists: PercentHistogram[]; maxima: HostResourceInput[] }> => {
    const bin = sql.floor(expr);
    // the maxima ride along with the CPU histogram: one pass over the rollups instead of two
    const extra = withMaxima ? `, MAX(${r.col('cpuMax')}) AS cpu_max, MAX(CASE WHEN ${r.col('memTotalBytes')} > 0 THEN 100.0 * ${r.col('memUsedMax')} / ${r.col('memTotalBytes')} END) AS mem_max` : '';
    const rows = await sql.rows<{ host_id: number | string; bin: number | string | null; n: number | string; cpu_max?: number | string; mem_max?: number | string | null }>(`SELECT ${r.col('hostId')} AS host_id, ${bin} AS bin, COUNT(*) AS n${extra} FROM ${r.table} WHERE ${where} GROUP BY ${r.col('hostId')}, ${bin}`, params);
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
  const cpu = await histogram(r.col('cpuAvg'), true);
  const mem = await histogram(`CASE WHEN ${r.col('memTotalBytes')} > 0 THEN ${memPct} END`, false);
  return { maxima: cpu.maxima, cpu: cpu.hists, mem: mem.hists };
}
