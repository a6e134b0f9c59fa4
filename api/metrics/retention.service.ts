import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { MetricRollupRecord, MetricSampleRecord } from '../../db/entities/index.js';
import type { MetricsConfig } from './metrics-config.js';
import { MetricsError } from './metrics-error.js';
import { sqlNames } from './sql-columns.js';

const DAY_MS = 86_400_000;

export interface RetentionServiceOptions {
  readonly orm: MikroORM;
  readonly config: MetricsConfig;
  /** Rows per DELETE, so no statement holds locks for long. @default 5000 */
  readonly chunkRows?: number;
  /** Most DELETEs per table per run; the rest waits for the next run. @default 100 */
  readonly maxChunksPerRun?: number;
}

export interface RetentionRun {
  readonly samplesDeleted: number;
  readonly rollupsDeleted: number;
}

/**
 * Deletes raw samples older than `rawRetentionDays` and rollups older than
 * `rollupRetentionDays`, in chunks of `chunkRows`. Each chunk is one statement that works on
 * SQLite and MySQL alike (MySQL refuses LIMIT in an IN subquery, hence the derived table).
 */
export class RetentionService {
  private readonly orm: MikroORM;
  private readonly config: MetricsConfig;
  private readonly chunkRows: number;
  private readonly maxChunksPerRun: number;

  constructor(opts: RetentionServiceOptions) {
    this.orm = opts.orm;
    this.config = opts.config;
    this.chunkRows = wholeAtLeastOne('chunkRows', opts.chunkRows ?? 5000);
    this.maxChunksPerRun = wholeAtLeastOne('maxChunksPerRun', opts.maxChunksPerRun ?? 100);
  }

  /**
   * @param keepSamplesFromMs raw samples at or after this are kept even when past retention
   *   (the maintenance loop passes the end of the rolled-up range, so no sample is deleted
   *   before it has reached a rollup). @default no limit
   * @throws MetricsError `METRICS_RETENTION_FAILED`
   */
  async apply(nowMs: number, keepSamplesFromMs = Number.POSITIVE_INFINITY): Promise<RetentionRun> {
    const s = sqlNames(this.orm, MetricSampleRecord);
    const r = sqlNames(this.orm, MetricRollupRecord);
    return {
      samplesDeleted: await this.deleteOlderThan(s.table, s.col('id'), s.col('atMs'), Math.min(nowMs - this.config.rawRetentionDays * DAY_MS, keepSamplesFromMs)),
      rollupsDeleted: await this.deleteOlderThan(r.table, r.col('id'), r.col('bucketStartMs'), nowMs - this.config.rollupRetentionDays * DAY_MS),
    };
  }

  private async deleteOlderThan(table: string, id: string, at: string, cutoffMs: number): Promise<number> {
    const conn = this.orm.em.getConnection() as AbstractSqlConnection;
    // chunkRows is a validated integer, inlined because not every driver binds LIMIT.
    const sql = `DELETE FROM ${table} WHERE ${id} IN (SELECT ${id} FROM (SELECT ${id} FROM ${table} WHERE ${at} < ? ORDER BY ${at} LIMIT ${this.chunkRows}) AS doomed)`;
    let deleted = 0;
    try {
      for (let chunk = 0; chunk < this.maxChunksPerRun; chunk++) {
        const res = await conn.execute<{ affectedRows: number }>(sql, [cutoffMs], 'run');
        deleted += res.affectedRows;
        if (res.affectedRows < this.chunkRows) break;
      }
    } catch (cause) {
      throw new MetricsError('METRICS_RETENTION_FAILED', `delete rows of ${table} older than ${new Date(cutoffMs).toISOString()} (${deleted} deleted before the failure)`, { cause });
    }
    return deleted;
  }
}

function wholeAtLeastOne(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`RetentionService: ${name} must be a whole number ≥ 1, got ${value}`);
  return value;
}
