import { BigIntType, EntitySchema } from '@mikro-orm/core';

/**
 * One mount of one host over a bucket (`stepSeconds` 3600: an hour, from the raw samples; 86400: a
 * UTC day, from the hours): samples, average and highest bytes used, the size. The resources
 * report's disk table and the disk-full forecast read the daily rows. Written by the metrics
 * maintenance chore (api/metrics/daily-rollup.service.ts).
 */
export class DiskRollupRecord {
  id!: number;
  hostId!: number;
  stepSeconds!: number;
  bucketStartMs!: number;
  mount!: string;
  samples!: number;
  usedAvg!: number;
  usedMax!: number;
  totalMax!: number;
}

export const DiskRollupSchema = new EntitySchema<DiskRollupRecord>({
  class: DiskRollupRecord,
  tableName: 'disk_rollups',
  uniques: [{ properties: ['stepSeconds', 'bucketStartMs', 'hostId', 'mount'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    hostId: { type: 'integer' },
    stepSeconds: { type: 'integer' },
    bucketStartMs: { type: new BigIntType('number') },
    mount: { type: 'string', length: 512 },
    samples: { type: 'integer' },
    usedAvg: { type: 'double' },
    usedMax: { type: 'double' },
    totalMax: { type: 'double' },
  },
});
