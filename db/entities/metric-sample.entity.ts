import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { JsonColumnType } from '../json-column.type.js';

/**
 * One raw metrics sample of a host. Times are epoch milliseconds (not DATETIME) so that bucket
 * arithmetic for rollups (`at - at % 300000`) is the same SQL on SQLite and MySQL.
 * Inserted in batches: one multi-row INSERT per flush.
 */
export class MetricSampleRecord {
  id!: number;
  hostId!: number;
  atMs!: number;
  cpuPercent!: number;
  load1!: number;
  load5!: number;
  load15!: number;
  memUsedBytes!: number;
  memTotalBytes!: number;
  swapUsedBytes!: number;
  swapTotalBytes!: number;
  netRxBytesPerSec!: number;
  netTxBytesPerSec!: number;
  processCount!: number;
  /** [{ mount, usedBytes, totalBytes }] */
  disks: { mount: string; usedBytes: number; totalBytes: number }[] = [];
}

const double = { type: 'double' } as const;

export const MetricSampleSchema = new EntitySchema<MetricSampleRecord>({
  class: MetricSampleRecord,
  tableName: 'metric_samples',
  indexes: [{ properties: ['hostId', 'atMs'] }, { properties: ['atMs'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    hostId: { type: 'integer' },
    atMs: { type: new BigIntType('number') },
    cpuPercent: double,
    load1: double,
    load5: double,
    load15: double,
    memUsedBytes: { type: new BigIntType('number') },
    memTotalBytes: { type: new BigIntType('number') },
    swapUsedBytes: { type: new BigIntType('number') },
    swapTotalBytes: { type: new BigIntType('number') },
    netRxBytesPerSec: double,
    netTxBytesPerSec: double,
    processCount: { type: 'integer' },
    disks: { type: JsonColumnType },
  },
});
