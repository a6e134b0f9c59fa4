import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** Metrics the daily rollups keep a histogram of. */
export const DAILY_METRICS = ['cpu', 'mem'] as const;
export type DailyMetric = (typeof DAILY_METRICS)[number];

/**
 * One host's UTC day of one metric, from its 1-hour rollups: the hours counted, the highest sample
 * and the hourly averages as a histogram of whole percent (`"12:3,13:5"`: 3 hours in [12, 13) %,
 * 5 in [13, 14) %). Histograms add up, so a report's p95 over 30 days reads 30 rows per host
 * instead of 720 and is the same figure. Written by the metrics maintenance chore
 * (api/metrics/daily-rollup.service.ts).
 */
export class MetricDailyRecord {
  id!: number;
  hostId!: number;
  dayStartMs!: number;
  metric!: DailyMetric;
  hours!: number;
  /** Percent: CPU of all cores, memory used of total. */
  maxPercent!: number;
  hist!: string;
}

export const MetricDailySchema = new EntitySchema<MetricDailyRecord>({
  class: MetricDailyRecord,
  tableName: 'metric_daily',
  uniques: [{ properties: ['dayStartMs', 'metric', 'hostId'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    hostId: { type: 'integer' },
    dayStartMs: { type: new BigIntType('number') },
    metric: { type: 'string', length: 8 },
    hours: { type: 'integer' },
    maxPercent: { type: 'double' },
    hist: { type: 'text' },
  },
});
