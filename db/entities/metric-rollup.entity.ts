import { BigIntType, EntitySchema } from '@mikro-orm/core';

/**
 * min/avg/max of a host's samples over one bucket (`stepSeconds` = 300 or 3600). Buckets start at
 * `bucketStartMs` (epoch ms, a multiple of the step); one row per host, step and bucket.
 */
export class MetricRollupRecord {
  id!: number;
  hostId!: number;
  stepSeconds!: number;
  bucketStartMs!: number;
  samples!: number;
  cpuMin!: number;
  cpuAvg!: number;
  cpuMax!: number;
  memUsedMin!: number;
  memUsedAvg!: number;
  memUsedMax!: number;
  memTotalBytes!: number;
  load1Avg!: number;
  load1Max!: number;
  netRxAvg!: number;
  netRxMax!: number;
  netTxAvg!: number;
  netTxMax!: number;
  processCountAvg!: number;
  processCountMax!: number;
}

const double = { type: 'double' } as const;

export const MetricRollupSchema = new EntitySchema<MetricRollupRecord>({
  class: MetricRollupRecord,
  tableName: 'metric_rollups',
  uniques: [{ properties: ['hostId', 'stepSeconds', 'bucketStartMs'] }],
  indexes: [{ properties: ['stepSeconds', 'bucketStartMs'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    hostId: { type: 'integer' },
    stepSeconds: { type: 'integer' },
    bucketStartMs: { type: new BigIntType('number') },
    samples: { type: 'integer' },
    cpuMin: double,
    cpuAvg: double,
    cpuMax: double,
    memUsedMin: double,
    memUsedAvg: double,
    memUsedMax: double,
    memTotalBytes: double,
    load1Avg: double,
    load1Max: double,
    netRxAvg: double,
    netRxMax: double,
    netTxAvg: double,
    netTxMax: double,
    processCountAvg: double,
    processCountMax: double,
  },
});
