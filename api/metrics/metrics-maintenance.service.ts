import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from '../logger.js';
import { maintenanceLockFor, type MaintenanceLock } from './maintenance-lock.js';
import type { MetricsConfig } from './metrics-config.js';
import { MetricsError } from './metrics-error.js';
import { DailyRollupService } from './daily-rollup.service.js';
import { EventCountRollupService } from './event-count-rollup.service.js';
import { RetentionService, type RetentionRun } from './retention.service.js';
import { RollupService, type RollupRun } from './rollup.service.js';
import { ROLLUP_STEPS } from './rollup-window.js';

export interface MetricsMaintenanceOptions {
  readonly orm: MikroORM;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'debug'>;
  readonly config: MetricsConfig;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** Pause between the end of one run and the start of the next. @default 60000 */
  readonly intervalMs?: number;
  /** Wait before the first run after `start()`, so it does not compete with startup. @default 5000 */
  readonly firstRunDelayMs?: number;
  /** @default GET_LOCK on MySQL, none on SQLite — see {@link maintenanceLockFor} */
  readonly lock?: MaintenanceLock;
  /** @default new RollupService({ orm }) */
  readonly rollups?: RollupService;
  /** @default new RetentionService({ orm, config }) */
  readonly retention?: RetentionService;
  /** The reports' disk and daily rollups, kept in step with the 1-hour rollups. @default new DailyRollupService(orm) */
  readonly daily?: DailyRollupService;
  /** The reports' per-day event counts (restarts, cron runs, changes). @default new EventCountRollupService(orm) */
  readonly counts?: EventCountRollupService;
}

export type MaintenanceRun =
  | { readonly ran: false; readonly reason: 'LOCKED_ELSEWHERE' }
  | { readonly ran: true; readonly rollups: readonly RollupRun[]; readonly retention: RetentionRun };

/**
 * Runs rollups (metrics, then the reports' daily rollups and event counts) and then retention
 * every `intervalMs`, one replica at a time. Retention never
 * deletes raw samples newer than the rolled-up range, so after downtime nothing is lost while
 * the rollups catch up.
 *
 *   stopped ──start()──▶ waiting ──timer──▶ running ──done/failed──▶ waiting
 *      ▲                    │                  │
 *      └──── stop() ────────┴──── stop() waits for the run to end
 *
 * Timers are unref'd: the loop never keeps a process alive. A failed run is logged and the
 * next one starts on schedule; both chores are idempotent, so nothing is lost by retrying.
 */
export class MetricsMaintenance {
  private readonly logger: Pick<Logger, 'info' | 'warn' | 'debug'>;
  private readonly now: () => Date;
  private readonly intervalMs: number;
  private readonly firstRunDelayMs: number;
  private readonly lock: MaintenanceLock;
  private readonly rollups: RollupService;
  private readonly retention: RetentionService;
  private readonly daily: DailyRollupService;
  private readonly counts: EventCountRollupService;
  private readonly rollupRetentionMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private started = false;

  constructor(opts: MetricsMaintenanceOptions) {
    this.logger = opts.logger;
    this.now = opts.now ?? (() => new Date());
    this.intervalMs = opts.intervalMs ?? 60_000;
    this.firstRunDelayMs = opts.firstRunDelayMs ?? 5000;
    this.lock = opts.lock ?? maintenanceLockFor(opts.orm);
    this.rollups = opts.rollups ?? new RollupService({ orm: opts.orm });
    this.retention = opts.retention ?? new RetentionService({ orm: opts.orm, config: opts.config });
    this.daily = opts.daily ?? new DailyRollupService(opts.orm);
    this.counts = opts.counts ?? new EventCountRollupService(opts.orm);
    this.rollupRetentionMs = opts.config.rollupRetentionDays * 86_400_000;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(this.firstRunDelayMs);
  }

  /** Stops the loop; resolves once a run in progress has finished. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /**
   * One pass: take the lock, roll up, apply retention, release. Runs never overlap.
   * @throws MetricsError from the chores (the loop logs it; a direct caller sees it)
   */
  async runOnce(): Promise<MaintenanceRun> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.pass();
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  private async pass(): Promise<MaintenanceRun> {
    let release;
    try {
      release = await this.lock.tryAcquire();
    } catch (cause) {
      throw new MetricsError('METRICS_MAINTENANCE_FAILED', 'take the metrics maintenance lock', { cause });
    }
    if (!release) return { ran: false, reason: 'LOCKED_ELSEWHERE' };
    try {
      const nowMs = this.now().getTime();
      const rollups = await this.rollups.rollUp(nowMs);
      await this.daily.follow(rollups);
      await this.counts.follow();
      // never delete a raw sample that no rollup has counted yet (e.g. while catching up)
      const retention = await this.retention.apply(nowMs, (await this.rollups.rolledUntil(ROLLUP_STEPS[0])) ?? 0);
      await this.daily.prune(nowMs - this.rollupRetentionMs);
      return { ran: true, rollups, retention };
    } finally {
      await release();
    }
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const result = await this.runOnce();
      if (!result.ran) this.logger.debug('metrics maintenance: another replica holds the lock');
      else if (result.retention.samplesDeleted + result.retention.rollupsDeleted > 0 || result.rollups.some((r) => r.rows > 0)) this.logger.debug({ rollups: result.rollups, retention: result.retention }, 'metrics maintenance done');
    } catch (err) {
      this.logger.warn({ err }, 'metrics maintenance failed; retrying next interval');
    } finally {
      this.schedule(this.intervalMs);
    }
  }
}
