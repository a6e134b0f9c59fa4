import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { MetricSampleRecord } from '../../db/entities/index.js';
import type { Logger } from '../logger.js';
import type { MetricsSample } from '../../protocol/index.js';
import { BoundedQueue } from './bounded-queue.js';
import { MetricsError } from './metrics-error.js';
import { buildSampleInsert } from './sample-insert.js';
import { DEFAULT_MAX_CLOCK_SKEW_MS, toSampleRow, type SampleRow } from './sample-row.js';
import { sqlNames, type SqlNames } from './sql-columns.js';

export interface MetricsWriterOptions {
  readonly orm: MikroORM;
  readonly logger: Pick<Logger, 'warn' | 'error'>;
  /** The server's clock, used when an agent's clock is off. @default () => new Date() */
  readonly now?: () => Date;
  /** Buffered samples are written at least this often. @default 1000 */
  readonly flushIntervalMs?: number;
  /** Rows per INSERT; a flush starts as soon as this many are buffered. @default 500 */
  readonly maxBatchRows?: number;
  /**
   * Most rows held in memory while the database is slow or down; past it the oldest are
   * dropped and counted in `stats().dropped`. @default 50000 (about 10 minutes of 5,000 hosts)
   */
  readonly maxBufferedRows?: number;
  /** @default 300000 — see {@link toSampleRow}. */
  readonly maxClockSkewMs?: number;
}

export interface MetricsWriterStats {
  /** Samples accepted into the buffer. */
  readonly enqueued: number;
  /** Rows committed to `metric_samples`. */
  readonly written: number;
  /** Rows lost: pushed out of a full buffer, offered after `close()`, or unwritten at close. */
  readonly dropped: number;
  /** Samples skipped because a group with a NOT NULL column was missing (see sample-row.ts). */
  readonly incomplete: number;
  /** Samples stamped with the server's time because the agent's clock was off. */
  readonly clockSkewed: number;
  /** INSERTs that failed (their rows went back into the buffer). */
  readonly failedFlushes: number;
  /** Rows waiting now. */
  readonly buffered: number;
}

/**
 * Buffers metrics samples in memory and writes them as one multi-row INSERT per batch, never
 * a row per round trip.
 *
 *   enqueue ──▶ buffer (bounded, drops oldest) ──▶ flush: take ≤ maxBatchRows ──▶ INSERT … VALUES (…),(…)
 *                     ▲                                                   │ fails
 *                     └──────────────── rows go back to the front ◀───────┘
 *
 * Flushes run one at a time: every `flushIntervalMs`, when `maxBatchRows` are waiting, on
 * `flush()` and on `close()`. The timer is unref'd, so a writer never keeps a process alive.
 */
export class MetricsWriter {
  private readonly orm: MikroORM;
  private readonly logger: Pick<Logger, 'warn' | 'error'>;
  private readonly now: () => Date;
  private readonly maxBatchRows: number;
  private readonly maxClockSkewMs: number;
  private readonly buffer: BoundedQueue<SampleRow>;
  private readonly names: SqlNames<SampleRow>;
  private readonly timer: NodeJS.Timeout;
  /** The flush in progress; the next one chains onto it. */
  private flushing: Promise<number> = Promise.resolve(0);
  private flushQueued = false;
  private closed = false;
  private counts = { enqueued: 0, written: 0, lostAfterClose: 0, incomplete: 0, clockSkewed: 0, failedFlushes: 0 };

  constructor(opts: MetricsWriterOptions) {
    this.orm = opts.orm;
    this.logger = opts.logger;
    this.now = opts.now ?? (() => new Date());
    this.names = sqlNames<SampleRow>(opts.orm, MetricSampleRecord);
    this.maxBatchRows = positive('maxBatchRows', opts.maxBatchRows ?? 500);
    this.maxClockSkewMs = opts.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
    this.buffer = new BoundedQueue(positive('maxBufferedRows', opts.maxBufferedRows ?? 50_000));
    this.timer = setInterval(() => this.flushInBackground(), positive('flushIntervalMs', opts.flushIntervalMs ?? 1000));
    this.timer.unref();
  }

  /**
   * Accepts one sample of host `hostId`, already validated against the protocol schema. Never
   * blocks and never throws for a database problem; see `stats()` for what became of it.
   */
  enqueue(hostId: number, sample: MetricsSample): void {
    if (this.closed) {
      this.counts.lostAfterClose++;
      return;
    }
    const result = toSampleRow(hostId, sample, this.now().getTime(), this.maxClockSkewMs);
    if (!result.ok) {
      this.counts.incomplete++;
      return;
    }
    if (result.clockSkewed) this.counts.clockSkewed++;
    this.counts.enqueued++;
    this.buffer.push(result.row);
    if (this.buffer.size >= this.maxBatchRows) this.flushInBackground();
  }

  /**
   * Writes the rows buffered when the flush starts (full batches may take a few more), in
   * INSERTs of at most `maxBatchRows` rows; so a flush ends even while samples keep coming.
   * Resolves with the rows written.
   * @throws MetricsError `METRICS_WRITE_FAILED` when an INSERT fails; unwritten rows stay buffered.
   */
  flush(): Promise<number> {
    const run = this.flushing.catch(() => 0).then(() => this.drain());
    this.flushing = run;
    return run;
  }

  /** Stops the timer and writes what is buffered. Never rejects: a failure is logged and counted as dropped. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    try {
      await this.flush();
    } catch (err) {
      this.logger.error({ err, unwritten: this.buffer.size }, 'metrics writer closed with samples it could not write');
      this.counts.lostAfterClose += this.buffer.take(this.buffer.size).length;
    }
  }

  stats(): MetricsWriterStats {
    const c = this.counts;
    return {
      enqueued: c.enqueued,
      written: c.written,
      dropped: this.buffer.dropped + c.lostAfterClose,
      incomplete: c.incomplete,
      clockSkewed: c.clockSkewed,
      failedFlushes: c.failedFlushes,
      buffered: this.buffer.size,
    };
  }

  /** A flush nobody awaits (timer, full batch): at most one queued behind the running one. */
  private flushInBackground(): void {
    if (this.flushQueued || this.buffer.size === 0) return;
    this.flushQueued = true;
    this.flush()
      .catch((err: unknown) => this.logger.warn({ err, buffered: this.buffer.size, dropped: this.buffer.dropped }, 'metrics flush failed; samples kept for the next try'))
      .finally(() => (this.flushQueued = false));
  }

  private async drain(): Promise<number> {
    let written = 0;
    const target = this.buffer.size;
    while (written < target && this.buffer.size > 0) {
      const rows = this.buffer.take(this.maxBatchRows);
      try {
        const { sql, bindings } = buildSampleInsert(this.names, rows);
        await (this.orm.em.getConnection() as AbstractSqlConnection).getKnex().raw(sql, bindings);
      } catch (cause) {
        this.buffer.unshift(rows);
        this.counts.failedFlushes++;
        throw new MetricsError('METRICS_WRITE_FAILED', `insert ${rows.length} metrics samples`, { cause });
      }
      written += rows.length;
      this.counts.written += rows.length;
    }
    return written;
  }
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 1) throw new RangeError(`MetricsWriter: ${name} must be ≥ 1, got ${value}`);
  return value;
}
