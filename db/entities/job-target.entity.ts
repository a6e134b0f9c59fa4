import { BigIntType, EntitySchema, type Opt } from '@mikro-orm/core';

/**
 * One host of a job:
 *
 *   QUEUED ──dispatch──▶ SENT ──agent started it──▶ RUNNING ──▶ SUCCEEDED | FAILED | TIMED_OUT
 *     │                   │ (link lost: stays SENT/RUNNING, redelivered on reconnect; the agent's
 *     │                   │  spool returns the stored result instead of running twice)
 *     ├──not connected within queue-for──▶ UNREACHABLE
 *     └──job cancelled before dispatch──▶ CANCELLED
 */
export const TARGET_STATUSES = ['QUEUED', 'SENT', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'UNREACHABLE', 'CANCELLED'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const FINAL_TARGET_STATUSES: readonly TargetStatus[] = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'UNREACHABLE', 'CANCELLED'];

/** Persistence only. `id` doubles as the agent's idempotency key (`t<id>`). */
export class JobTargetRecord {
  id!: number;
  jobId!: number;
  hostId!: number;
  hostName!: string;
  status!: TargetStatus;
  /** Delivery attempts (at least once: a redelivery returns the stored result). */
  attempts = 0;
  /**
   * The attempt the command was last dispatched as (0 before the first). Redelivery and re-ask
   * send the same attempt again; only a result or start report naming it is accepted.
   */
  attempt: Opt<number> = 0;
  /** Times a RUNNING target past its deadline was re-asked for its result (see api/jobs/target-reask.ts). */
  reasks: Opt<number> = 0;
  /** When it was last re-asked. */
  reaskedAt?: Date | null;
  /** Past this instant a target never dispatched ends UNREACHABLE. */
  queueDeadline!: Date;
  sentAt?: Date | null;
  startedAt?: Date | null;
  finishedAt?: Date | null;
  exitCode?: number | null;
  signal?: string | null;
  stdout?: string | null;
  stderr?: string | null;
  stdoutTruncated = false;
  stderrTruncated = false;
  durationMs?: number | null;
  error?: string | null;
}

export const JobTargetSchema = new EntitySchema<JobTargetRecord>({
  class: JobTargetRecord,
  tableName: 'job_targets',
  uniques: [{ properties: ['jobId', 'hostId'] }],
  // (jobId, status, hostId, durationMs), last as a later migration adds it: also covers the commands
  // report's counts per host and status and its slowest targets
  indexes: [{ properties: ['hostId', 'status'] }, { properties: ['hostId', 'id'] }, { properties: ['jobId', 'status', 'hostId', 'durationMs'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    jobId: { type: new BigIntType('number') },
    hostId: { type: 'integer' },
    hostName: { type: 'string', length: 253 },
    status: { type: 'string', length: 16 },
    attempts: { type: 'integer', default: 0 },
    queueDeadline: { type: 'datetime', length: 3 },
    sentAt: { type: 'datetime', length: 3, nullable: true },
    startedAt: { type: 'datetime', length: 3, nullable: true },
    finishedAt: { type: 'datetime', length: 3, nullable: true },
    exitCode: { type: 'integer', nullable: true },
    signal: { type: 'string', length: 16, nullable: true },
    // Up to 1 MiB each: MEDIUMTEXT on MySQL (TEXT stops at 64 KiB); SQLite takes any length.
    stdout: { type: 'text', columnType: 'mediumtext', nullable: true },
    stderr: { type: 'text', columnType: 'mediumtext', nullable: true },
    stdoutTruncated: { type: 'boolean', default: false },
    stderrTruncated: { type: 'boolean', default: false },
    durationMs: { type: 'integer', nullable: true },
    error: { type: 'string', length: 1024, nullable: true },
    // Added by a later migration: last, where ALTER TABLE ADD puts them (test/db/migrations.test.ts).
    attempt: { type: 'integer', default: 0 },
    reasks: { type: 'integer', default: 0 },
    reaskedAt: { type: 'datetime', length: 3, nullable: true },
  },
});
