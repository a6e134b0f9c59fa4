import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { DiskRollupRecord, MetricDailyRecord, MetricRollupRecord, MetricSampleRecord } from '../../db/entities/index.js';
import { MetricsError } from './metrics-error.js';
import type { RollupRun } from './rollup.service.js';
import { sqlNames, type SqlNames } from './sql-columns.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Most older days one chore run fills in (see {@link DailyRollupService.follow}). @default 7 */
export const BACKFILL_DAYS = 7;

/** The UTC days [fromMs, toMs) touches, as a day-aligned range. */
export function daysTouched(fromMs: number, toMs: number): { fromMs: number; toMs: number } {
  return { fromMs: fromMs - (((fromMs % DAY_MS) + DAY_MS) % DAY_MS), toMs: Math.ceil(toMs / DAY_MS) * DAY_MS };
}

/**
 * The rollups the reports read, kept in step with the 1-hour metric rollups:
 *
 * - `disk_rollups` hours: each mount's samples, average and highest bytes used and size, from the
 *   raw samples' `disks` (JSON_TABLE on MySQL/MariaDB, json_each on SQLite);
 * - `disk_rollups` days and `metric_daily` (per host, UTC day and metric: hours, highest sample,
 *   histogram of the hourly averages in whole percent), from the hours.
 *
 * `follow` takes the windows the 1-hour metric rollup just rewrote and rewrites the same hours and
 * the whole days around them, each window replaced whole in one transaction (DELETE, then one
 * INSERT … SELECT … GROUP BY), so re-running is idempotent and a late sample is taken in as the
 * hour rollup takes it in. `prune` drops rows past the rollup retention.
 */
export class DailyRollupService {
  private readonly s: SqlNames<MetricSampleRecord>;
  private readonly r: SqlNames<MetricRollupRecord>;
  private readonly d: SqlNames<MetricDailyRecord>;
  private readonly k: SqlNames<DiskRollupRecord>;
  private readonly sqlite: boolean;

  constructor(private readonly orm: MikroORM) {
    this.s = sqlNames(orm, MetricSampleRecord);
    this.r = sqlNames(orm, MetricRollupRecord);
    this.d = sqlNames(orm, MetricDailyRecord);
    this.k = sqlNames(orm, DiskRollupRecord);
    this.sqlite = orm.em.getPlatform().constructor.name.toLowerCase().includes('sqlite');
  }

  /**
   * Rewrites what the runs' 1-hour windows feed, then fills in up to {@link BACKFILL_DAYS} older
   * days that have hour rollups but no daily rows yet (the hours kept from before this table
   * existed), newest first, so a server upgraded in place reports its history too.
   * @returns rows written
   */
  async follow(runs: readonly RollupRun[]): Promise<number> {
    let rows = 0;
    for (const run of runs) if (run.step === 3600) rows += await this.rollUpRange(run.fromMs, run.toMs);
    return rows + (await this.backfill());
  }

  private async backfill(): Promise<number> {
    const { r, d } = this;
    const conn = this.orm.em.getConnection() as AbstractSqlConnection;
    const [hours] = await conn.execute<{ first: number | string | null; last: number | string | null }[]>(`SELECT MIN(${r.col('bucketStartMs')}) AS first, MAX(${r.col('bucketStartMs')}) AS last FROM ${r.table} WHERE ${r.col('stepSeconds')} = 3600`);
    if (hours?.first === null || hours?.first === undefined || hours.last === null) return 0;
    const [days] = await conn.execute<{ first: number | string | null }[]>(`SELECT MIN(${d.col('dayStartMs')}) AS first FROM ${d.table}`);
    const end = days?.first === null || days?.first === undefined ? daysTouched(Number(hours.last), Number(hours.last) + HOUR_MS).toMs : Number(days.first);
    const start = Math.max(daysTouched(Number(hours.first), Number(hours.first) + 1).fromMs, end - BACKFILL_DAYS * DAY_MS);
    return start < end ? this.rollUpRange(start, end) : 0;
  }

  /**
   * Disk hours for [fromMs, toMs) (hour-aligned), then the days they touch, whole.
   * @throws MetricsError `METRICS_ROLLUP_FAILED`
   */
  async rollUpRange(fromMs: number, toMs: number): Promise<number> {
    if (fromMs % HOUR_MS !== 0 || toMs % HOUR_MS !== 0) throw new RangeError(`DailyRollupService: ${fromMs}..${toMs} is not aligned to hours`);
    const days = daysTouched(fromMs, toMs);
    const conn = this.orm.em.getConnection() as AbstractSqlConnection;
    const { k, d } = this;
    try {
      return await conn.transactional(async (trx) => {
        const run = async (sql: string, params: unknown[]) => (await conn.execute<{ affectedRows: number }>(sql, params, 'run', trx)).affectedRows;
        await run(`DELETE FROM ${k.table} WHERE ${k.col('stepSeconds')} = 3600 AND ${k.col('bucketStartMs')} >= ? AND ${k.col('bucketStartMs')} < ?`, [fromMs, toMs]);
        let rows = await run(this.diskHours(), [fromMs, toMs]);
        await run(`DELETE FROM ${k.table} WHERE ${k.col('stepSeconds')} = 86400 AND ${k.col('bucketStartMs')} >= ? AND ${k.col('bucketStartMs')} < ?`, [days.fromMs, days.toMs]);
        rows += await run(this.diskDays(), [days.fromMs, days.toMs]);
        await run(`DELETE FROM ${d.table} WHERE ${d.col('dayStartMs')} >= ? AND ${d.col('dayStartMs')} < ?`, [days.fromMs, days.toMs]);
        rows += await run(this.metricDays('cpu'), [days.fromMs, days.toMs]);
        rows += await run(this.metricDays('mem'), [days.fromMs, days.toMs]);
        return rows;
      });
    } catch (cause) {
      throw new MetricsError('METRICS_ROLLUP_FAILED', `roll up disks and days ${new Date(fromMs).toISOString()}..${new Date(toMs).toISOString()}`, { cause });
    }
  }

  /**
   * Deletes disk hours that start before `beforeMs`, and the days before the day of `beforeMs`
   * (a day is kept while any of its hours is). @returns rows deleted
   */
  async prune(beforeMs: number): Promise<number> {
    const conn = this.orm.em.getConnection() as AbstractSqlConnection;
    const { k, d } = this;
    const day = daysTouched(beforeMs, beforeMs + 1).fromMs;
    const a = await conn.execute<{ affectedRows: number }>(`DELETE FROM ${k.table} WHERE (${k.col('stepSeconds')} = 3600 AND ${k.col('bucketStartMs')} < ?) OR (${k.col('stepSeconds')} = 86400 AND ${k.col('bucketStartMs')} < ?)`, [beforeMs, day], 'run');
    const b = await conn.execute<{ affectedRows: number }>(`DELETE FROM ${d.table} WHERE ${d.col('dayStartMs')} < ?`, [day], 'run');
    return a.affectedRows + b.affectedRows;
  }

  /** Each sample's disks as rows (mount, used, total), the one place the two dialects differ. */
  private disksOf(): { from: string; mount: string; used: string; total: string } {
    const { s } = this;
    if (this.sqlite) return { from: `${s.table} s, json_each(s.${s.col('disks')}) j`, mount: "substr(json_extract(j.value, '$.mount'), 1, 512)", used: "json_extract(j.value, '$.usedBytes')", total: "json_extract(j.value, '$.totalBytes')" };
    return {
      from: `${s.table} s, JSON_TABLE(s.${s.col('disks')}, '$[*]' COLUMNS (mount VARCHAR(512) PATH '$.mount', used DOUBLE PATH '$.usedBytes', total DOUBLE PATH '$.totalBytes')) j`,
      mount: 'j.mount',
      used: 'j.used',
      total: 'j.total',
    };
  }

  private diskHours(): string {
    const { s, k } = this;
    const j = this.disksOf();
    const bucket = `s.${s.col('atMs')} - (s.${s.col('atMs')} % ${HOUR_MS})`;
    return `INSERT INTO ${k.table} (${k.col('hostId')}, ${k.col('stepSeconds')}, ${k.col('bucketStartMs')}, ${k.col('mount')}, ${k.col('samples')}, ${k.col('usedAvg')}, ${k.col('usedMax')}, ${k.col('totalMax')})
      SELECT s.${s.col('hostId')}, 3600, ${bucket}, ${j.mount}, COUNT(*), AVG(${j.used}), MAX(${j.used}), MAX(${j.total})
      FROM ${j.from} WHERE s.${s.col('atMs')} >= ? AND s.${s.col('atMs')} < ? AND ${j.mount} IS NOT NULL
      GROUP BY s.${s.col('hostId')}, ${bucket}, ${j.mount}`;
  }

  private diskDays(): string {
    const { k } = this;
    const day = `${k.col('bucketStartMs')} - (${k.col('bucketStartMs')} % ${DAY_MS})`;
    return `INSERT INTO ${k.table} (${k.col('hostId')}, ${k.col('stepSeconds')}, ${k.col('bucketStartMs')}, ${k.col('mount')}, ${k.col('samples')}, ${k.col('usedAvg')}, ${k.col('usedMax')}, ${k.col('totalMax')})
      SELECT ${k.col('hostId')}, 86400, ${day}, ${k.col('mount')}, SUM(${k.col('samples')}), SUM(${k.col('usedAvg')} * ${k.col('samples')}) / SUM(${k.col('samples')}), MAX(${k.col('usedMax')}), MAX(${k.col('totalMax')})
      FROM ${k.table} WHERE ${k.col('stepSeconds')} = 3600 AND ${k.col('bucketStartMs')} >= ? AND ${k.col('bucketStartMs')} < ?
      GROUP BY ${k.col('hostId')}, ${day}, ${k.col('mount')}`;
  }

  /** Per host and day: hours, the highest sample, and the histogram of hourly averages (inner query: per whole percent). */
  private metricDays(metric: 'cpu' | 'mem'): string {
    const { r, d } = this;
    const floor = (e: string) => (this.sqlite ? `CAST(${e} AS INTEGER)` : `FLOOR(${e})`);
    const value = metric === 'cpu' ? r.col('cpuAvg') : `100.0 * ${r.col('memUsedAvg')} / ${r.col('memTotalBytes')}`;
    const max = metric === 'cpu' ? r.col('cpuMax') : `100.0 * ${r.col('memUsedMax')} / ${r.col('memTotalBytes')}`;
    const only = metric === 'mem' ? ` AND ${r.col('memTotalBytes')} > 0` : '';
    const day = `${r.col('bucketStartMs')} - (${r.col('bucketStartMs')} % ${DAY_MS})`;
    const bin = `GREATEST(0, LEAST(100, ${floor(value)}))`.replace(/GREATEST|LEAST/g, (f) => (this.sqlite ? (f === 'GREATEST' ? 'MAX' : 'MIN') : f));
    return `INSERT INTO ${d.table} (${d.col('hostId')}, ${d.col('dayStartMs')}, ${d.col('metric')}, ${d.col('hours')}, ${d.col('maxPercent')}, ${d.col('hist')})
      SELECT host_id, day, '${metric}', SUM(n), MAX(mx), GROUP_CONCAT(CONCAT(bin, ':', n))
      FROM (SELECT ${r.col('hostId')} AS host_id, ${day} AS day, ${bin} AS bin, COUNT(*) AS n, MAX(${max}) AS mx
            FROM ${r.table} WHERE ${r.col('stepSeconds')} = 3600 AND ${r.col('bucketStartMs')} >= ? AND ${r.col('bucketStartMs')} < ?${only}
            GROUP BY ${r.col('hostId')}, ${day}, ${bin}) b
      GROUP BY host_id, day`;
  }
}
