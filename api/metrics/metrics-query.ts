import type { EntityManager } from '@mikro-orm/core';
import { MetricRollupRecord, MetricSampleRecord } from '../../db/entities/index.js';
import { MetricsPointType } from './host-metrics.type.js';
import { MAX_POINTS, type MetricsRange } from './metrics-range.js';
import { bucketStart } from './rollup-window.js';

export interface HostMetricsPoints {
  /** Oldest first. */
  readonly points: MetricsPointType[];
  /** More than `maxPoints` matched; the newest `maxPoints` are returned. */
  readonly truncated: boolean;
}

/**
 * A host's points for a resolved range: raw samples in [from, to) for step 0, else the rollup
 * buckets of that step that overlap the range. Reads through the (host, time) indexes, newest
 * first with a LIMIT, so a long range costs no more than `maxPoints` rows.
 */
export async function readHostMetrics(em: EntityManager, hostId: number, range: MetricsRange, maxPoints = MAX_POINTS): Promise<HostMetricsPoints> {
  const opts = { limit: maxPoints + 1, disableIdentityMap: true } as const;
  let points: MetricsPointType[];
  if (range.step === 0) {
    const rows = await em.find(MetricSampleRecord, { hostId, atMs: { $gte: range.fromMs, $lt: range.toMs } }, { ...opts, orderBy: { atMs: 'desc' } });
    points = rows.map(pointFromSample);
  } else {
    const firstBucket = bucketStart(range.fromMs, range.step * 1000);
    const rows = await em.find(MetricRollupRecord, { hostId, stepSeconds: range.step, bucketStartMs: { $gte: firstBucket, $lt: range.toMs } }, { ...opts, orderBy: { bucketStartMs: 'desc' } });
    points = rows.map(pointFromRollup);
  }
  const truncated = points.length > maxPoints;
  return { points: points.slice(0, maxPoints).reverse(), truncated };
}

/** The host's newest raw sample, for the host view; null when it has none. */
export async function latestMetrics(em: EntityManager, hostId: number): Promise<MetricsPointType | null> {
  const row = await em.findOne(MetricSampleRecord, { hostId }, { orderBy: { atMs: 'desc' }, disableIdentityMap: true });
  return row ? pointFromSample(row) : null;
}

export function pointFromSample(r: MetricSampleRecord): MetricsPointType {
  return Object.assign(new MetricsPointType(), {
    at: new Date(r.atMs),
    cpuPercent: r.cpuPercent,
    cpuMin: null,
    cpuMax: null,
    memUsedBytes: r.memUsedBytes,
    memUsedMin: null,
    memUsedMax: null,
    memTotalBytes: r.memTotalBytes,
    load1: r.load1,
    load1Max: null,
    netRxBytesPerSec: r.netRxBytesPerSec,
    netRxMax: null,
    netTxBytesPerSec: r.netTxBytesPerSec,
    netTxMax: null,
    processCount: r.processCount,
    processCountMax: null,
    samples: null,
    disks: r.disks.map((d) => ({ mount: d.mount, usedBytes: d.usedBytes, totalBytes: d.totalBytes })),
  } satisfies MetricsPointType);
}

export function pointFromRollup(r: MetricRollupRecord): MetricsPointType {
  return Object.assign(new MetricsPointType(), {
    at: new Date(r.bucketStartMs),
    cpuPercent: r.cpuAvg,
    cpuMin: r.cpuMin,
    cpuMax: r.cpuMax,
    memUsedBytes: r.memUsedAvg,
    memUsedMin: r.memUsedMin,
    memUsedMax: r.memUsedMax,
    memTotalBytes: r.memTotalBytes,
    load1: r.load1Avg,
    load1Max: r.load1Max,
    netRxBytesPerSec: r.netRxAvg,
    netRxMax: r.netRxMax,
    netTxBytesPerSec: r.netTxAvg,
    netTxMax: r.netTxMax,
    processCount: r.processCountAvg,
    processCountMax: r.processCountMax,
    samples: r.samples,
    disks: null,
  } satisfies MetricsPointType);
}
