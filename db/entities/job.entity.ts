import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { JsonColumnType } from '../json-column.type.js';

export const JOB_KINDS = ['SHELL', 'RESTART_PROCESS', 'COLLECT_INVENTORY', 'SET_PASSWORD', 'DOWNLOAD', 'UPGRADE_AGENT'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/**
 * A job's own lifecycle (its targets have theirs):
 *
 *   RUNNING ──pause──▶ PAUSED ──resume──▶ RUNNING
 *      │                 │
 *      ├──failures past the budget──▶ STOPPED (no new dispatch; running targets finish)
 *      ├──cancel──▶ CANCELLED
 *      └──every target final──▶ COMPLETED
 */
export const JOB_STATUSES = ['RUNNING', 'PAUSED', 'STOPPED', 'CANCELLED', 'COMPLETED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** One command sent to a set of hosts. Persistence only. */
export class JobRecord {
  id!: number;
  kind!: JobKind;
  /** The shell command, or a description of the built-in action. Never holds a secret. */
  command!: string;
  interpreter?: string | null;
  cwd?: string | null;
  /** Environment for the command (secret-looking names are refused at submission). */
  env: Record<string, string> = {};
  /** Action arguments of built-ins (e.g. the process name), secrets excluded. */
  args: Record<string, unknown> = {};
  timeoutSeconds!: number;
  /** The target as given: selector text and host names/globs. */
  selector?: string | null;
  hostPatterns: string[] = [];
  /** Rolling window: at most this many targets in flight (0 = all at once). */
  batchSize!: number;
  /** Stop dispatching once more than this many targets failed (null = no budget). */
  maxFailures?: number | null;
  /** Offline hosts get the command if they connect within this many seconds. */
  queueForSeconds!: number;
  status!: JobStatus;
  createdBy!: string;
  createdAt!: Date;
  finishedAt?: Date | null;
  /** Last sequence number handed to a progress event of this job. */
  lastSeq = 0;
}

export const JobSchema = new EntitySchema<JobRecord>({
  class: JobRecord,
  tableName: 'jobs',
  indexes: [{ properties: ['status'] }, { properties: ['createdAt'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    kind: { type: 'string', length: 24 },
    command: { type: 'text' },
    interpreter: { type: 'string', length: 16, nullable: true },
    cwd: { type: 'string', length: 1024, nullable: true },
    env: { type: JsonColumnType },
    args: { type: JsonColumnType },
    timeoutSeconds: { type: 'integer' },
    selector: { type: 'string', length: 4096, nullable: true },
    hostPatterns: { type: JsonColumnType },
    batchSize: { type: 'integer' },
    maxFailures: { type: 'integer', nullable: true },
    queueForSeconds: { type: 'integer' },
    status: { type: 'string', length: 16 },
    createdBy: { type: 'string', length: 64 },
    createdAt: { type: 'datetime', length: 3 },
    finishedAt: { type: 'datetime', length: 3, nullable: true },
    lastSeq: { type: 'integer', default: 0 },
  },
});
