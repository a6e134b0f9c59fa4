import type { EntityManager } from '@mikro-orm/core';
import { DiskRollupRecord } from '../../db/entities/index.js';
import { trendWindow, type MountHistogram, type MountRange, type MountTrendSums } from './disks.js';
import { num, reportSql } from './report-sql.js';
import type { ReportRange } from './report-scope.js';

const DAY_MS = 86_400_000;

type DiskRow = { host_id: number | string; mkey: Buffer | string | number; bin: number | string; days: number | string; max_pct: number | string; size: number | string; n: number | string; sx: number | string | null; sy: number | string | null; sxy: number | string | null; sxx: number | string | null; tsize: number | string | null };

/**
 * The disk input of the resources report, from the daily disk rollups (days whose start is from the
 * range's first UTC day to its end), in one grouped read per host, mount and whole percent of
 * daily average use: the days, highest use and size, and over the trend window the least-squares
 * sums (x: days from the window's start to each day's midpoint, y: bytes used). Added up here per
 * mount, they give its range, its histogram and its trend.
 *
 * On MySQL/MariaDB the mount is grouped by a number, not its text: MariaDB's in-memory temporary
 * tables hold a VARCHAR(512) at full width and move to disk past `tmp_table_size`, which made
 * this read many times slower. The number is the mount's CRC32, or its MD5 should two mounts of
 * the range share a CRC32; a first read (one row per distinct mount of the fleet) names them and
 * finds out which.
 */
export async function loadDiskInput(em: EntityManager, range: ReportRange, hostIds: readonly number[] | null): Promise<{ ranges: MountRange[]; hists: MountHistogram[]; sums: MountTrendSums[]; window: { fromMs: number; toMs: number } }> {
  const sql = reportSql(em);
  const k = sql.names(DiskRollupRecord);
  const firstDay = range.fromMs - (range.fromMs % DAY_MS);
  const window = trendWindow(firstDay, range.toMs);
  const hosts = hostIds === null ? '' : hostIds.length === 0 ? ' AND 1 = 0' : ` AND ${k.col('hostId')} IN (${hostIds.map(() => '?').join(',')})`;
  const where = `${k.col('stepSeconds')} = 86400 AND ${k.col('bucketStartMs')} >= ? AND ${k.col('bucketStartMs')} < ? AND ${k.col('totalMax')} > 0${hosts}`;
  const params = [firstDay, range.toMs, ...(hostIds ?? [])];
  const bin = sql.floor(`100.0 * ${k.col('usedAvg')} / ${k.col('totalMax')}`);
  // the window's bounds and day length are numbers, inlined (the same expression in SELECT and SUM)
  const inWindow = (expr: string) => `CASE WHEN ${k.col('bucketStartMs')} >= ${window.fromMs} THEN ${expr} END`;
  const x = `((${k.col('bucketStartMs')} - ${window.fromMs}) / ${DAY_MS}.0 + 0.5)`;
  const y = k.col('usedAvg');
  const keyText = (v: Buffer | string | number) => (typeof v === 'object' ? v.toString('hex') : String(v));
  // MySQL: the mount as a number (CRC32) when no two mounts of the range share one, else its MD5;
  // named by one read of the distinct mounts, from the unique (step, day, host, mount) index alone
  // (the size filter is left out: naming a few more keys does no harm)
  let mkey = k.col('mount');
  let names: Map<string, string> | null = null;
  if (!sql.sqlite) {
    const naming = (key: string) => sql.rows<{ mkey: Buffer | string | number; first: string; last: string }>(`SELECT ${key} AS mkey, MIN(${k.col('mount')}) AS first, MAX(${k.col('mount')}) AS last FROM ${k.table} WHERE ${where.replace(` AND ${k.col('totalMax')} > 0`, '')} GROUP BY ${key}${sql.unordered}`, params);
    mkey = `CRC32(${k.col('mount')})`;
    let named = await naming(mkey);
    if (named.some((r) => r.first !== r.last)) named = await naming((mkey = `UNHEX(MD5(${k.col('mount')}))`));
    names = new Map(named.map((r) => [keyText(r.mkey), r.first]));
  }
  const rows = await sql.rows<DiskRow>(
    `SELECT ${k.col('hostId')} AS host_id, ${mkey} AS mkey, ${bin} AS bin, COUNT(*) AS days, MAX(100.0 * ${k.col('usedMax')} / ${k.col('totalMax')}) AS max_pct, MAX(${k.col('totalMax')}) AS size,
       SUM(${inWindow('1')}) AS n, SUM(${inWindow(x)}) AS sx, SUM(${inWindow(y)}) AS sy, SUM(${inWindow(`${x} * ${y}`)}) AS sxy, SUM(${inWindow(`${x} * ${x}`)}) AS sxx, MAX(${inWindow(k.col('totalMax'))}) AS tsize
     FROM ${k.table} WHERE ${where} GROUP BY ${k.col('hostId')}, ${mkey}, ${bin}${sql.unordered}`,
    params,
  );

  type Acc = { hostId: number; mount: string; range: MountRange & { days: number; maxPercent: number; sizeBytes: number }; bins: Map<number, number>; sums: MountTrendSums & { n: number; sx: number; sy: number; sxy: number; sxx: number; sizeBytes: number } };
  const mounts = new Map<string, Acc>();
  for (const r of rows) {
    const hostId = Number(r.host_id);
    const mount = names ? (names.get(keyText(r.mkey)) ?? '') : String(r.mkey);
    const id = `${hostId}\u0000${mount}`;
    let a = mounts.get(id);
    if (!a) mounts.set(id, (a = { hostId, mount, range: { hostId, mount, days: 0, maxPercent: 0, sizeBytes: 0 }, bins: new Map(), sums: { hostId, mount, n: 0, sx: 0, sy: 0, sxy: 0, sxx: 0, sizeBytes: 0 } }));
    a.range.days += num(r.days);
    a.range.maxPercent = Math.max(a.range.maxPercent, num(r.max_pct));
    a.range.sizeBytes = Math.max(a.range.sizeBytes, num(r.size));
    const b = Math.max(0, Math.min(100, num(r.bin)));
    a.bins.set(b, (a.bins.get(b) ?? 0) + num(r.days));
    a.sums.n += num(r.n);
    a.sums.sx += num(r.sx);
    a.sums.sy += num(r.sy);
    a.sums.sxy += num(r.sxy);
    a.sums.sxx += num(r.sxx);
    a.sums.sizeBytes = Math.max(a.sums.sizeBytes, num(r.tsize));
  }
  const all = [...mounts.values()];
  return {
    ranges: all.map((a) => a.range),
    hists: all.map((a) => ({ hostId: a.hostId, mount: a.mount, bins: a.bins })),
    // a mount without days in the trend window has no trend at all
    sums: all.filter((a) => a.sums.n > 0).map((a) => a.sums),
    window,
  };
}
