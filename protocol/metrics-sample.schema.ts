import { z } from 'zod';
import { MAX_DISKS, MAX_PATH_LENGTH } from './limits.js';
import { byteCount, count, isoTimestamp, nonNegative, percent, requiredString } from './primitives.js';

/** The groups of a {@link MetricsSample} that a collector may fail to measure. */
export const METRIC_GROUPS = ['cpu', 'load', 'memory', 'swap', 'disks', 'network', 'processes'] as const;
export const metricGroupSchema = z.enum(METRIC_GROUPS);
export type MetricGroup = z.infer<typeof metricGroupSchema>;

const usageSchema = z.object({ usedBytes: byteCount, totalBytes: byteCount });

/**
 * One host measurement, sent every 60 s by default.
 *
 * Contract for consumers: a group named in `missing` could not be measured this time and holds
 * zeros (or an empty list); store it as absent, never as a real zero. `network` rates are
 * averaged since the collector's previous sample and are 0 on its first sample.
 */
export const metricsSampleSchema = z.object({
  at: isoTimestamp,
  /** Whole-host CPU busy time since the previous sample, in percent of all cores. */
  cpuPercent: percent,
  /** Load averages over 1, 5 and 15 minutes (always 0 on Windows). */
  load: z.tuple([nonNegative, nonNegative, nonNegative]),
  /** Memory in active use, excluding buffers and page cache. */
  memory: usageSchema,
  swap: usageSchema,
  disks: z
    .array(z.object({ mount: requiredString(MAX_PATH_LENGTH), usedBytes: byteCount, totalBytes: byteCount }))
    .max(MAX_DISKS),
  /** Bytes per second over all non-loopback interfaces. */
  network: z.object({ rxBytesPerSec: nonNegative, txBytesPerSec: nonNegative }),
  processCount: count,
  /** Groups that failed to measure this time; absent when everything was measured. */
  missing: z.array(metricGroupSchema).max(METRIC_GROUPS.length).optional(),
});

export type MetricsSample = z.infer<typeof metricsSampleSchema>;
