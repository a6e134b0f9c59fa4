import type { EntityManager } from '@mikro-orm/core';
import { JobEventRecord } from '../../db/entities/index.js';
import type { PubSub } from '../pubsub/pubsub.js';
import type { JobEventType } from './job.type.js';

export function jobProgressTopic(jobId: number): string {
  return `JOB_PROGRESS:${jobId}`;
}

export function eventView(e: JobEventRecord): JobEventType {
  return { seq: e.seq, at: e.at, type: e.type, host: e.hostName ?? null, status: e.status, data: e.data, jobId: String(e.jobId) };
}

/**
 * Appends one progress event with the job's next sequence number and publishes it. The number
 * is taken by incrementing `jobs.last_seq` inside the caller's transaction: the row lock makes
 * numbers unique and gapless per job, on every replica.
 */
export async function appendJobEvent(em: EntityManager, pubsub: PubSub, event: Omit<JobEventRecord, 'id' | 'seq'>): Promise<JobEventRecord> {
  return em.transactional(async (tx) => {
    await tx.getConnection().execute('update jobs set last_seq = last_seq + 1 where id = ?', [event.jobId], 'run', tx.getTransactionContext());
    const [row] = await tx.getConnection().execute<{ last_seq: number }[]>('select last_seq from jobs where id = ?', [event.jobId], 'all', tx.getTransactionContext());
    const record = tx.create(JobEventRecord, { ...event, seq: Number(row!.last_seq) });
    await tx.flush();
    return record;
  }).then((record) => {
    pubsub.publish(jobProgressTopic(record.jobId), eventView(record));
    return record;
  });
}

/** Events after `afterSeq`, in order (the catch-up part of a resumed subscription). */
export function eventsAfter(em: EntityManager, jobId: number, afterSeq: number, limit = 10_000): Promise<JobEventRecord[]> {
  return em.find(JobEventRecord, { jobId, seq: { $gt: afterSeq } }, { orderBy: { seq: 'asc' }, limit });
}

