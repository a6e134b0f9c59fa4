import type { MetricSampleRecord } from '../../db/entities/index.js';
import type { MetricGroup, MetricsSample } from '../../protocol/index.js';

/** A `metric_samples` row before it has an id. */
export type SampleRow = Omit<MetricSampleRecord, 'id'>;

/**
 * Groups whose columns are NOT NULL in `metric_samples`. When the agent could not measure one
 * of them, the protocol says "store it as absent, never as a real zero"; until those columns
 * are nullable the only honest choice is to skip the sample. A missing `disks` group is
 * stored as the empty list, which already means "no disks known".
 */
const REQUIRED_GROUPS: ReadonlySet<MetricGroup> = new Set(['cpu', 'load', 'memory', 'swap', 'network', 'processes']);

/**
 * How far an agent's clock may be from the server's before its `at` is replaced by the time
 * the sample arrived. @default 300000 (5 minutes)
 */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5 * 60_000;

export type SampleRowResult =
  | { readonly ok: true; readonly row: SampleRow; readonly clockSkewed: boolean }
  | { readonly ok: false; readonly reason: 'INCOMPLETE'; readonly missing: readonly MetricGroup[] };

/**
 * Maps one validated sample to a row. Pure: `receivedAtMs` is the server's clock.
 *
 * The agent's `at` is kept when it is within `maxClockSkewMs` of `receivedAtMs`; otherwise the
 * sample is stamped with `receivedAtMs`, so a host with a wrong clock cannot write into
 * buckets that were already rolled up, nor into the future.
 */
export function toSampleRow(hostId: number, sample: MetricsSample, receivedAtMs: number, maxClockSkewMs = DEFAULT_MAX_CLOCK_SKEW_MS): SampleRowResult {
  const missing = (sample.missing ?? []).filter((g) => REQUIRED_GROUPS.has(g));
  if (missing.length > 0) return { ok: false, reason: 'INCOMPLETE', missing };
  const claimed = Date.parse(sample.at);
  const clockSkewed = !Number.isFinite(claimed) || Math.abs(claimed - receivedAtMs) > maxClockSkewMs;
  const disksMissing = sample.missing?.includes('disks') ?? false;
  return {
    ok: true,
    clockSkewed,
    row: {
      hostId,
      atMs: clockSkewed ? receivedAtMs : claimed,
      cpuPercent: sample.cpuPercent,
      load1: sample.load[0],
      load5: sample.load[1],
      load15: sample.load[2],
      memUsedBytes: sample.memory.usedBytes,
      memTotalBytes: sample.memory.totalBytes,
      swapUsedBytes: sample.swap.usedBytes,
      swapTotalBytes: sample.swap.totalBytes,
      netRxBytesPerSec: sample.network.rxBytesPerSec,
      netTxBytesPerSec: sample.network.txBytesPerSec,
      processCount: sample.processCount,
      disks: disksMissing ? [] : sample.disks.map((d) => ({ mount: d.mount, usedBytes: d.usedBytes, totalBytes: d.totalBytes })),
    },
  };
}
