import type { EntityManager } from '@mikro-orm/core';
import { JobEventRecord } from '../../db/entities/index.js';
import { insertRows } from './insert-rows.js';
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

/**
 * Events after `afterSeq`, in order (the catch-up part of a resumed subscription). Read-only rows
 * outside the identity map: a progress stream keeps one fork for its whole life, and a 10,000-
 * target job would otherwise leave every event it ever read managed in it.
 */
export function eventsAfter(em: EntityManager, jobId: number, afterSeq: number, limit = 10_000): Promise<JobEventRecord[]> {
  return em.find(JobEventRecord, { jobId, seq: { $gt: afterSeq } }, { orderBy: { seq: 'asc' }, limit, disableIdentityMap: true });
}


/** The columns {@link insertJobEvents} writes, in the order of its values. */
const EVENT_COLUMNS = ['job_id', 'seq', 'at', 'type', 'host_name', 'status', 'data'] as const;

/** One event of a batch: everything but the job (one batch is one job's) and the sequence number. */
export type NewJobEvent = Omit<JobEventRecord, 'id' | 'seq' | 'jobId'>;

/**
 * Writes `events` of one job inside the caller's transaction `tx`: one `last_seq` bump for all,
 * one multi-row INSERT per chunk. Returns the views to publish once the transaction commits.
 */
export async function insertJobEvents(tx: EntityManager, jobId: number, events: readonly NewJobEvent[]): Promise<JobEventType[]> {
  if (events.length === 0) return [];
  const conn = tx.getConnection();
  const ctx = tx.getTransactionContext();
  await conn.execute('update jobs set last_seq = last_seq + ? where id = ?', [events.length, jobId], 'run', ctx);
  const [row] = await conn.execute<{ last_seq: number }[]>('select last_seq from jobs where id = ?', [jobId], 'all', ctx);
  const first = Number(row!.last_seq) - events.length + 1;
  const rows = events.map((e, i) => ({ ...e, jobId, seq: first + i }));
  await insertRows(tx, 'job_events', EVENT_COLUMNS, rows.map((r) => [r.jobId, r.seq, r.at, r.type, r.hostName ?? null, r.status, r.data ?? {}]));
  return rows.map((r) => ({ seq: r.seq, at: r.at, type: r.type, host: r.hostName ?? null, status: r.status, data: r.data, jobId: String(jobId) }));
}

/** Publishes committed events of one job as one pub/sub message. */
export function publishJobEvents(pubsub: PubSub, jobId: number, views: readonly JobEventType[]): void {
  if (views.length) pubsub.publishMany(jobProgressTopic(jobId), views);
}

/** {@link insertJobEvents} in a transaction of its own, then published. */
export async function appendJobEvents(em: EntityManager, pubsub: PubSub, jobId: number, events: readonly NewJobEvent[]): Promise<void> {
  if (events.length === 0) return;
  const views = await em.transactional((tx) => insertJobEvents(tx, jobId, events));
  publishJobEvents(pubsub, jobId, views);
}
