import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** One run of a cron entry on a host. */
export class CronRunRecord {
  id!: number;
  hostId!: number;
  name!: string;
  startedAt!: Date;
  finishedAt?: Date | null;
  exitCode?: number | null;
  /** SUCCEEDED, FAILED, TIMED_OUT or SKIPPED (the previous run was still going). */
  status!: string;
  output?: string | null;
}

export const CronRunSchema = new EntitySchema<CronRunRecord>({
  class: CronRunRecord,
  tableName: 'cron_runs',
  // (startedAt): the reports read the runs of a range's partial edge days by time
  indexes: [{ properties: ['hostId', 'name', 'startedAt'] }, { properties: ['startedAt'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    hostId: { type: 'integer' },
    name: { type: 'string', length: 128 },
    startedAt: { type: 'datetime', length: 3 },
    finishedAt: { type: 'datetime', length: 3, nullable: true },
    exitCode: { type: 'integer', nullable: true },
    status: { type: 'string', length: 16 },
    output: { type: 'text', nullable: true },
  },
});
