import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { JsonColumnType } from '../json-column.type.js';

/**
 * The progress log of a job, numbered per job (`seq` 1, 2, 3 …), so a subscriber that reconnects
 * resumes after its last `seq` with no gap and no duplicate.
 */
export class JobEventRecord {
  id!: number;
  jobId!: number;
  seq!: number;
  at!: Date;
  /** TARGET (a host's status changed) or JOB (the job's status changed). */
  type!: 'TARGET' | 'JOB';
  hostName?: string | null;
  status!: string;
  data: Record<string, unknown> = {};
}

export const JobEventSchema = new EntitySchema<JobEventRecord>({
  class: JobEventRecord,
  tableName: 'job_events',
  uniques: [{ properties: ['jobId', 'seq'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    jobId: { type: new BigIntType('number') },
    seq: { type: 'integer' },
    at: { type: 'datetime', length: 3 },
    type: { type: 'string', length: 8 },
    hostName: { type: 'string', length: 253, nullable: true },
    status: { type: 'string', length: 16 },
    data: { type: JsonColumnType },
  },
});
