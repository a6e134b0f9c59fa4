import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { MetricRollupRecord, MetricSampleRecord } from '../../db/entities/index.js';
import { MetricsError } from './metrics-error.js';
import { planRollupWindow, resumeFrom, ROLLUP_STEPS, type RollupStep } from './rollup-window.js';
import { sqlNames, type SqlNames } from './sql-columns.js';

/** The aggregate columns of a rollup row. */
type Measure = Exclude<keyof MetricRollupRecord, 'id' | 'hostId' | 'stepSeconds' | 'bucketStartMs'>;
type Sample = SqlNames<MetricSampleRecord>['col'];
type Rollup = SqlNames<MetricRollupRecord>['col'];

/** 5-minute rows from raw samples. A Record, so a new rollup column fails to compile until handled here. */
const FROM_SAMPLES: Record<Measure, (s: Sample) => string> = {
  samples: () => 'COUNT(*)',
  cpuMin: (s) => `MIN(${s('cpuPercent')})`,
  cpuAvg: (s) => `AVG(${s('cpuPercent')})`,
  cpuMax: (s) => `MAX(${s('cpuPercent')})`,
  memUsedMin: (s) => `MIN(${s('memUsedBytes')})`,
  memUsedAvg: (s) => `AVG(${s('memUsedBytes')})`,
  memUsedMax: (s) => `MAX(${s('memUsedBytes')})`,
  memTotalBytes: (s) => `MAX(${s('memTotalBytes')})`,
  load1Avg: (s) => `AVG(${s('load1')})`,
  load1Max: (s) => `MAX(${s('load1')})`,
  netRxAvg: (s) => `AVG(${s('netRxBytesPerSec')})`,
  netRxMax: (s) => `MAX(${s('netRxBytesPerSec')})`,
  netTxAvg: (s) => `AVG(${s('netTxBytesPerSec')})`,
  netTxMax: (s) => `MAX(${s('netTxBytesPerSec')})`,
  processCountAvg: (s) => `AVG(${s('processCount')})`,
  processCountMax: (s) => `MAX(${s('processCount')})`,
};

/** Averages of finer rollups, weighted by their sample counts so the result equals the raw average. */
const weighted = (r: Rollup, avg: Measure): string => `SUM(${r(avg)} * ${r('samples')}) / SUM(${r('samples')})`;

/** 1-hour rows from 5-minute rows (twelve times fewer rows to read than the raw samples). */
const FROM_ROLLUPS: Record<Measure, (r: Rollup) => string> = {
  samples: (r) => `SUM(${r('samples')})`,
  cpuMin: (r) => `MIN(${r('cpuMin')})`,
  cpuAvg: (r) => weighted(r, 'cpuAvg'),
  cpuMax: (r) => `MAX(${r('cpuMax')})`,
  memUsedMin: (r) => `MIN(${r('memUsedMin')})`,
  memUsedAvg: (r) => weighted(r, 'memUsedAvg'),
  memUsedMax: (r) => `MAX(${r('memUsedMax')})`,
  memTotalBytes: (r) => `MAX(${r('memTotalBytes')})`,
  load1Avg: (r) => weighted(r, 'load1Avg'),
  load1Max: (r) => `MAX(${r('load1Max')})`,
  netRxAvg: (r) => weighted(r, 'netRxAvg'),
  netRxMax: (r) => `MAX(${r('netRxMax')})`,
  netTxAvg: (r) => weighted(r, 'netTxAvg'),
  netTxMax: (r) => `MAX(${r('netTxMax')})`,
  processCountAvg: (r) => weighted(r, 'processCountAvg'),
  processCountMax: (r) => `MAX(${r('processCountMax')})`,
};
const MEASURES = Object.keys(FROM_SAMPLES) as Measure[];

export interface RollupServiceOptions {
  readonly orm: MikroORM;
  /** How long after a bucket ends before it is rolled up. @default 120000 */
  readonly graceMs?: number;
  /**
   * Completed buckets this recent are recomputed on every run, taking in late samples. Keep it
   * above the writer's clock-skew allowance. @default 600000 (two 5-minute buckets, one hour bucket)
   */
  readonly lookbackMs?: number;
  /** Most buckets of one step per run; catching up after downtime takes several runs. @default 72 */
  readonly maxBucketsPerRun?: number;
}

export interface RollupRun {
  readonly step: RollupStep;
  readonly fromMs: number;
  readonly toMs: number;
  /** Rollup rows written for the window. */
  readonly rows: number;
}

/**
 * Computes min/avg/max rollups into `metric_rollups`: 5-minute buckets from raw samples, then
 * 1-hour buckets from the 5-minute rows. Each window is replaced whole (DELETE then one
 * INSERT … SELECT … GROUP BY, in one transaction), so re-running a bucket is idempotent.
 * The same SQL runs on SQLite and MySQL/MariaDB.
 */
export class RollupService {
  private readonly orm: MikroORM;
  private readonly graceMs: number;
  private readonly lookbackMs: number;
  private readonly maxBucketsPerRun: number;
  private readonly s: SqlNames<MetricSampleRecord>;
  private readonly r: SqlNames<MetricRollupRecord>;

  constructor(opts: RollupServiceOptions) {
    this.orm = opts.orm;
    this.graceMs = opts.graceMs ?? 120_000;
    this.lookbackMs = opts.lookbackMs ?? 600_000;
    this.maxBucketsPerRun = opts.maxBucketsPerRun ?? 72;
    this.s = sqlNames(opts.orm, MetricSampleRecord);
    this.r = sqlNames(opts.orm, MetricRollupRecord);
  }

  /** Rolls up every step (5-minute first: the hour step reads it) for completed buckets as of `nowMs`. */
  async rollUp(nowMs: number): Promise<RollupRun[]> {
    const runs: RollupRun[] = [];
    for (const step of ROLLUP_STEPS) {
      const run = await this.rollUpStep(step, nowMs);
      if (run) runs.push(run);
    }
    return runs;
  }

  /**
   * End of the newest rolled-up bucket of `step` (its start + step), or null when nothing is
   * rolled up yet. Source rows before it have been counted in a rollup.
   */
  async rolledUntil(step: RollupStep): Promise<number | null> {
    const last = await this.lastRolledMs(step);
    return last === null ? null : last + step * 1000;
  }

  /** One step: plans the window from what is already rolled up, then replaces it. */
  async rollUpStep(step: RollupStep, nowMs: number): Promise<RollupRun | undefined> {
    const stepMs = step * 1000;
    const lastRolledMs = await this.lastRolledMs(step);
    const nextSourceMs = await this.nextSourceMs(step, resumeFrom(lastRolledMs, stepMs));
    const window = planRollupWindow({ stepMs, nowMs, graceMs: this.graceMs, lookbackMs: this.lookbackMs, maxBuckets: this.maxBucketsPerRun, lastRolledMs, nextSourceMs });
    if (!window) return undefined;
    const rows = await this.rollUpRange(step, window.fromMs, window.toMs);
    return { step, ...window, rows };
  }

  /**
   * Replaces the rollups of `step` for buckets starting in [fromMs, toMs) with ones computed
   * from the source rows in that range. Both bounds must be multiples of the step.
   * @returns rollup rows written
   * @throws MetricsError `METRICS_ROLLUP_FAILED`
   */
  async rollUpRange(step: RollupStep, fromMs: number, toMs: number): Promise<number> {
    const stepMs = step * 1000;
    if (fromMs % stepMs !== 0 || toMs % stepMs !== 0) throw new RangeError(`rollUpRange: ${fromMs}..${toMs} is not aligned to ${step} s buckets`);
    const { r } = this;
    const conn = this.conn();
    try {
      return await conn.transactional(async (trx) => {
        await conn.execute(`DELETE FROM ${r.table} WHERE ${r.col('stepSeconds')} = ? AND ${r.col('bucketStartMs')} >= ? AND ${r.col('bucketStartMs')} < ?`, [step, fromMs, toMs], 'run', trx);
        const res = await conn.execute<{ affectedRows: number }>(this.insertSelect(step), [fromMs, toMs], 'run', trx);
        return res.affectedRows;
      });
    } catch (cause) {
      throw new MetricsError('METRICS_ROLLUP_FAILED', `roll up ${step} s buckets ${new Date(fromMs).toISOString()}..${new Date(toMs).toISOString()}`, { cause });
    }
  }

  /** INSERT … SELECT … GROUP BY for one step. The step is a literal so MySQL's ONLY_FULL_GROUP_BY sees equal expressions. */
  private insertSelect(step: RollupStep): string {
    const { s, r } = this;
    const stepMs = step * 1000;
    const target = `INSERT INTO ${r.table} (${[r.col('hostId'), r.col('stepSeconds'), r.col('bucketStartMs'), ...MEASURES.map((m) => r.col(m))].join(', ')})`;
    if (step === 300) {
      const bucket = `${s.col('atMs')} - (${s.col('atMs')} % ${stepMs})`;
      return `${target} SELECT ${s.col('hostId')}, ${step}, ${bucket}, ${MEASURES.map((m) => FROM_SAMPLES[m](s.col)).join(', ')} FROM ${s.table} WHERE ${s.col('atMs')} >= ? AND ${s.col('atMs')} < ? GROUP BY ${s.col('hostId')}, ${bucket}`;
    }
    const bucket = `${r.col('bucketStartMs')} - (${r.col('bucketStartMs')} % ${stepMs})`;
    return `${target} SELECT ${r.col('hostId')}, ${step}, ${bucket}, ${MEASURES.map((m) => FROM_ROLLUPS[m](r.col)).join(', ')} FROM ${r.table} WHERE ${r.col('stepSeconds')} = ${finerStep(step)} AND ${r.col('bucketStartMs')} >= ? AND ${r.col('bucketStartMs')} < ? GROUP BY ${r.col('hostId')}, ${bucket}`;
  }

  private async lastRolledMs(step: RollupStep): Promise<number | null> {
    const { r } = this;
    const [row] = await this.conn().execute<{ last: number | string | null }[]>(`SELECT MAX(${r.col('bucketStartMs')}) AS last FROM ${r.table} WHERE ${r.col('stepSeconds')} = ?`, [step]);
    return toNumber(row?.last);
  }

  /** Earliest source time at or after `fromMs` (raw samples for 5 min, 5-minute rows for 1 h). */
  private async nextSourceMs(step: RollupStep, fromMs: number): Promise<number | null> {
    const { s, r } = this;
    const sql =
      step === 300
        ? `SELECT MIN(${s.col('atMs')}) AS next FROM ${s.table} WHERE ${s.col('atMs')} >= ?`
        : `SELECT MIN(${r.col('bucketStartMs')}) AS next FROM ${r.table} WHERE ${r.col('stepSeconds')} = ${finerStep(step)} AND ${r.col('bucketStartMs')} >= ?`;
    const [row] = await this.conn().execute<{ next: number | string | null }[]>(sql, [fromMs]);
    return toNumber(row?.next);
  }

  private conn(): AbstractSqlConnection {
    return this.orm.em.getConnection() as AbstractSqlConnection;
  }
}

function finerStep(step: RollupStep): number {
  const i = ROLLUP_STEPS.indexOf(step);
  const finer = ROLLUP_STEPS[i - 1];
  if (finer === undefined) throw new Error(`no finer step than ${step}`);
  return finer;
}

/** MySQL returns BIGINT aggregates as strings; SQLite as numbers. */
function toNumber(v: number | string | null | undefined): number | null {
  return v === null || v === undefined ? null : Number(v);
}
