import type { EntityManager } from '@mikro-orm/core';
import { DiskRollupRecord } from '../../db/entities/index.js';
import { trendWindow, type MountHistogram, type MountRange, type MountTrendSums } from './disks.js';
import { num, reportSql } from './report-sql.js';
import type { ReportRange } from './report-scope.js';

const DAY_MS = 86_400_000;

/**
 * The disk input of the resources report, three grouped reads of the daily disk rollups (days
 * whose start is from the range's first UTC day to its end): per mount the days, highest use and
 * size; the histogram of daily average use in whole percent; and over the trend window the
 * least-squares sums (x: days from the window's start to each day's midpoint, y: bytes used).
 */
export async function loadDiskInput(em: EntityManager, range: ReportRange, hostIds: readonly number[] | null): Promise<{ ranges: MountRange[]; hists: MountHistogram[]; sums: MountTrendSums[]; window: { fromMs: number; toMs: number } }> {
  const sql = reportSql(em);
  const k = sql.names(DiskRollupRecord);
  const firstDay = range.fromMs - (range.fromMs % DAY_MS);
  const window = trendWindow(firstDay, range.toMs);
  const hosts = hostIds === null ? '' : hostIds.length === 0 ? ' AND 1 = 0' : ` AND ${k.col('hostId')} IN (${hostIds.map(() => '?').join(',')})`;
  const where = `${k.col('stepSeconds')} = 86400 AND ${k.col('bucketStartMs')} >= ? AND ${k.col('bucketStartMs')} < ? AND ${k.col('totalMax')} > 0${hosts}`;
  const params = (from: number) => [from, range.toMs, ...(hostIds ?? [])];
  const group = `GROUP BY ${k.col('hostId')}, ${k.col('mount')}`;
  const pct = `100.0 * ${k.col('usedAvg')} / ${k.col('totalMax')}`;
  const bin = sql.floor(pct);

  const rangeRows = await sql.rows<{ host_id: number | string; mount: string; days: number | string; max_pct: number | string; size: number | string }>(
    `SELECT ${k.col('hostId')} AS host_id, ${k.col('mount')} AS mount, COUNT(*) AS days, MAX(100.0 * ${k.col('usedMax')} / ${k.col('totalMax')}) AS max_pct, MAX(${k.col('totalMax')}) AS size FROM ${k.table} WHERE ${where} ${group}`,
    params(firstDay),
  );
  const histRows = await sql.rows<{ host_id: number | string; mount: string; bin: number | string; n: number | string }>(
    `SELECT ${k.col('hostId')} AS host_id, ${k.col('mount')} AS mount, ${bin} AS bin, COUNT(*) AS n FROM ${k.table} WHERE ${where} ${group}, ${bin}`,
    params(firstDay),
  );
  const x = `((${k.col('bucketStartMs')} - ${window.fromMs}) / ${DAY_MS}.0 + 0.5)`;
  const y = k.col('usedAvg');
  const sumRows = await sql.rows<{ host_id: number | string; mount: string; n: number | string; sx: number | string; sy: number | string; sxy: number | string; sxx: number | string; size: number | string }>(
    `SELECT ${k.col('hostId')} AS host_id, ${k.col('mount')} AS mount, COUNT(*) AS n, SUM(${x}) AS sx, SUM(${y}) AS sy, SUM(${x} * ${y}) AS sxy, SUM(${x} * ${x}) AS sxx, MAX(${k.col('totalMax')}) AS size FROM ${k.table} WHERE ${where} ${group}`,
    params(window.fromMs),
  );

  const hists = new Map<string, { hostId: number; mount: string; bins: Map<number, number> }>();
  for (const r of histRows) {
    const id = `${r.host_id}\u0000${r.mount}`;
    const h = hists.get(id) ?? { hostId: Number(r.host_id), mount: r.mount, bins: new Map<number, number>() };
    const b = Math.max(0, Math.min(100, num(r.bin)));
    h.bins.set(b, (h.bins.get(b) ?? 0) + num(r.n));
    hists.set(id, h);
  }
  return {
    ranges: rangeRows.map((r) => ({ hostId: Number(r.host_id), mount: r.mount, days: num(r.days), maxPercent: num(r.max_pct), sizeBytes: num(r.size) })),
    hists: [...hists.values()],
    sums: sumRows.map((r) => ({ hostId: Number(r.host_id), mount: r.mount, n: num(r.n), sx: num(r.sx), sy: num(r.sy), sxy: num(r.sxy), sxx: num(r.sxx), sizeBytes: num(r.size) })),
    window,
  };
}
