import type { MikroORM } from '@mikro-orm/core';
import { JobEventRecord, JobRecord, JobTargetRecord } from '../../db/entities/index.js';
import type { Logger } from '../logger.js';
import { maintenanceLockFor } from '../metrics/maintenance-lock.js';

/** Jobs finished longer ago than this are deleted with their targets and events. @default 90 days (IOMS_JOB_RETENTION_DAYS) */
export const DEFAULT_JOB_RETENTION_DAYS = 90;
/** Jobs removed per pass, so one pass never holds the database long. */
const CHUNK = 200;
/** @default hourly */
const INTERVAL_MS = 3_600_000;

export const JOB_RETENTION_LOCK = 'ioms:job-retention';

/** Deletes old finished jobs, in chunks, on a timer, on one replica at a time. */
export class JobRetention {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly retentionDays: number,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    // With several replicas on one database, one of them runs each pass (named lock, skip if held).
    const lock = maintenanceLockFor(this.orm, JOB_RETENTION_LOCK);
    const pass = async () => {
      const release = await lock.tryAcquire();
      if (!release) return;
      try {
        await this.runOnce();
      } finally {
        await release();
      }
    };
    this.timer = setInterval(() => void pass().catch((err: unknown) => this.logger.warn({ err }, 'job retention failed')), INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Returns how many jobs were deleted. */
  async runOnce(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - this.retentionDays * 86_400_000);
    let deleted = 0;
    for (;;) {
      const em = this.orm.em.fork();
      const old = await em.find(JobRecord, { finishedAt: { $lt: cutoff } }, { fields: ['id'], limit: CHUNK, orderBy: { id: 'asc' } });
      if (old.length === 0) return deleted;
      const ids = old.map((j) => j.id);
      await em.transactional(async (tx) => {
        await tx.nativeDelete(JobEventRecord, { jobId: { $in: ids } });
        await tx.nativeDelete(JobTargetRecord, { jobId: { $in: ids } });
        await tx.nativeDelete(JobRecord, { id: { $in: ids } });
      });
      deleted += ids.length;
      this.logger.info({ deleted: ids.length, before: cutoff.toISOString() }, 'deleted old jobs');
    }
  }
}
