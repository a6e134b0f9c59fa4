import { describe, expect, it } from 'vitest';
import { BoundedQueue } from '../../api/metrics/bounded-queue.js';
import { ConfigError } from '../../api/config.js';
import { loadMetricsConfig } from '../../api/metrics/metrics-config.js';
import { resolveMetricsRange, type MetricsRangeRequest } from '../../api/metrics/metrics-range.js';
import { bucketStart, planRollupWindow, type RollupWindowInput } from '../../api/metrics/rollup-window.js';
import { toSampleRow } from '../../api/metrics/sample-row.js';
import { sample, T0 } from './metrics-fixtures.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('toSampleRow', () => {
  const cases: { name: string; at: number; over?: Parameters<typeof sample>[1]; expect: { ok: false; missing: string[] } | { ok: true; atMs: number; skewed: boolean; disks: number } }[] = [
    { name: 'keeps the agent time when the clocks agree', at: T0 - 2000, expect: { ok: true, atMs: T0 - 2000, skewed: false, disks: 1 } },
    { name: 'keeps the agent time at exactly the skew limit', at: T0 - 5 * MIN, expect: { ok: true, atMs: T0 - 5 * MIN, skewed: false, disks: 1 } },
    { name: 'stamps the arrival time when the agent clock is behind', at: T0 - 5 * MIN - 1, expect: { ok: true, atMs: T0, skewed: true, disks: 1 } },
    { name: 'stamps the arrival time when the agent clock is ahead', at: T0 + HOUR, expect: { ok: true, atMs: T0, skewed: true, disks: 1 } },
    { name: 'stores missing disks as no disks', at: T0, over: { missing: ['disks'] }, expect: { ok: true, atMs: T0, skewed: false, disks: 0 } },
    { name: 'skips a sample whose cpu could not be measured', at: T0, over: { missing: ['cpu', 'disks'] }, expect: { ok: false, missing: ['cpu'] } },
    { name: 'skips a sample whose memory could not be measured', at: T0, over: { missing: ['memory'] }, expect: { ok: false, missing: ['memory'] } },
  ];
  it.each(cases)('$name', (c) => {
    const r = toSampleRow(7, sample(c.at, c.over), T0);
    if (!c.expect.ok) {
      expect(r).toEqual({ ok: false, reason: 'INCOMPLETE', missing: c.expect.missing });
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect({ atMs: r.row.atMs, skewed: r.clockSkewed, disks: r.row.disks.length, hostId: r.row.hostId }).toEqual({ atMs: c.expect.atMs, skewed: c.expect.skewed, disks: c.expect.disks, hostId: 7 });
  });

  it('maps every measurement to its column', () => {
    const r = toSampleRow(1, sample(T0, { cpuPercent: 42.5, load: [1, 2, 3], memory: { usedBytes: 5, totalBytes: 9 }, swap: { usedBytes: 2, totalBytes: 4 }, network: { rxBytesPerSec: 7, txBytesPerSec: 8 }, processCount: 99 }), T0);
    expect(r.ok && r.row).toEqual({ hostId: 1, atMs: T0, cpuPercent: 42.5, load1: 1, load5: 2, load15: 3, memUsedBytes: 5, memTotalBytes: 9, swapUsedBytes: 2, swapTotalBytes: 4, netRxBytesPerSec: 7, netTxBytesPerSec: 8, processCount: 99, disks: [{ mount: '/', usedBytes: 10, totalBytes: 100 }] });
  });
});

describe('BoundedQueue', () => {
  const cases: { name: string; capacity: number; run: (q: BoundedQueue<number>) => number[]; left: number[]; dropped: number }[] = [
    { name: 'takes oldest first', capacity: 5, run: (q) => ([1, 2, 3].forEach((n) => q.push(n)), q.take(2)), left: [3], dropped: 0 },
    { name: 'drops the oldest when full', capacity: 3, run: (q) => ([1, 2, 3, 4, 5].forEach((n) => q.push(n)), []), left: [3, 4, 5], dropped: 2 },
    { name: 'puts a failed batch back in front', capacity: 5, run: (q) => ([1, 2, 3].forEach((n) => q.push(n)), q.unshift(q.take(2)), []), left: [1, 2, 3], dropped: 0 },
    { name: 'drops a put-back batch first when new items filled the queue', capacity: 3, run: (q) => { [1, 2].forEach((n) => q.push(n)); const b = q.take(2); [3, 4].forEach((n) => q.push(n)); q.unshift(b); return []; }, left: [2, 3, 4], dropped: 1 },
  ];
  it.each(cases)('$name', (c) => {
    const q = new BoundedQueue<number>(c.capacity);
    c.run(q);
    expect({ left: q.take(100), dropped: q.dropped }).toEqual({ left: c.left, dropped: c.dropped });
  });

  it('stays correct across compactions', () => {
    const q = new BoundedQueue<number>(10_000);
    for (let i = 0; i < 5000; i++) q.push(i);
    const taken = [...q.take(3000), ...q.take(1000)];
    expect(taken).toEqual(Array.from({ length: 4000 }, (_, i) => i));
    expect(q.size).toBe(1000);
    expect(q.take(5)).toEqual([4000, 4001, 4002, 4003, 4004]);
  });
});

describe('planRollupWindow (5-minute step, 2 min grace, 10 min lookback, 72 buckets)', () => {
  const STEP = 5 * MIN;
  const base: Omit<RollupWindowInput, 'nowMs' | 'lastRolledMs' | 'nextSourceMs'> = { stepMs: STEP, graceMs: 2 * MIN, lookbackMs: 10 * MIN, maxBuckets: 72 };
  const cases: { name: string; nowMs: number; lastRolledMs: number | null; nextSourceMs: number | null; expect: { fromMs: number; toMs: number } | undefined }[] = [
    { name: 'nothing yet: only the lookback', nowMs: T0 + 12 * MIN, lastRolledMs: null, nextSourceMs: null, expect: { fromMs: T0, toMs: T0 + 10 * MIN } },
    { name: 'a bucket is not complete within the grace', nowMs: T0 + 11 * MIN, lastRolledMs: T0 - 5 * MIN, nextSourceMs: T0 + 10 * MIN, expect: { fromMs: T0 - 5 * MIN, toMs: T0 + 5 * MIN } },
    { name: 'steady state redoes the last two buckets', nowMs: T0 + 62 * MIN, lastRolledMs: T0 + 55 * MIN, nextSourceMs: T0 + 60 * MIN, expect: { fromMs: T0 + 50 * MIN, toMs: T0 + 60 * MIN } },
    { name: 'catches up from the first unrolled sample', nowMs: T0 + DAY, lastRolledMs: T0, nextSourceMs: T0 + 7 * MIN, expect: { fromMs: T0 + 5 * MIN, toMs: T0 + 5 * MIN + 72 * STEP } },
    { name: 'skips an empty stretch without samples', nowMs: T0 + 30 * DAY, lastRolledMs: T0, nextSourceMs: T0 + 29 * DAY, expect: { fromMs: T0 + 29 * DAY, toMs: T0 + 29 * DAY + 72 * STEP } },
  ];
  it.each(cases)('$name', (c) => {
    expect(planRollupWindow({ ...base, nowMs: c.nowMs, lastRolledMs: c.lastRolledMs, nextSourceMs: c.nextSourceMs })).toEqual(c.expect);
  });

  it('bucketStart floors to the step', () => {
    expect([bucketStart(T0, STEP), bucketStart(T0 + STEP - 1, STEP), bucketStart(T0 + 61 * MIN, HOUR)]).toEqual([T0, T0, T0 + HOUR]);
  });
});

describe('resolveMetricsRange (now = T0)', () => {
  const at = (ms: number) => new Date(ms);
  const cases: { name: string; req: MetricsRangeRequest; expect: { fromMs: number; toMs: number; step: number } | string }[] = [
    { name: 'defaults to the last hour of raw samples', req: {}, expect: { fromMs: T0 - HOUR, toMs: T0, step: 0 } },
    { name: '6 hours is still raw', req: { from: at(T0 - 6 * HOUR) }, expect: { fromMs: T0 - 6 * HOUR, toMs: T0, step: 0 } },
    { name: 'past 6 hours uses 5-minute rollups', req: { from: at(T0 - 6 * HOUR - 1) }, expect: { fromMs: T0 - 6 * HOUR - 1, toMs: T0, step: 300 } },
    { name: '14 days uses 5-minute rollups', req: { from: at(T0 - 14 * DAY) }, expect: { fromMs: T0 - 14 * DAY, toMs: T0, step: 300 } },
    { name: 'past 14 days uses 1-hour rollups', req: { from: at(T0 - 30 * DAY), to: at(T0 - DAY) }, expect: { fromMs: T0 - 30 * DAY, toMs: T0 - DAY, step: 3600 } },
    { name: 'step 60 means raw', req: { from: at(T0 - 30 * DAY), step: 60 }, expect: { fromMs: T0 - 30 * DAY, toMs: T0, step: 0 } },
    { name: 'an asked step wins over the range', req: { step: 3600 }, expect: { fromMs: T0 - HOUR, toMs: T0, step: 3600 } },
    { name: 'an unknown step is refused', req: { step: 120 }, expect: 'step must be' },
    { name: 'from after to is refused', req: { from: at(T0 + 1) }, expect: 'must be before' },
    { name: 'an empty range is refused', req: { from: at(T0), to: at(T0) }, expect: 'must be before' },
  ];
  it.each(cases)('$name', (c) => {
    const r = resolveMetricsRange(c.req, T0);
    if (typeof c.expect === 'string') expect(!r.ok && r.message).toContain(c.expect);
    else expect(r).toEqual({ ok: true, range: c.expect });
  });
});

describe('loadMetricsConfig', () => {
  const cases: { name: string; env: Record<string, string>; expect: { rawRetentionDays: number; rollupRetentionDays: number } | 'error' }[] = [
    { name: 'defaults to 7 and 400 days', env: {}, expect: { rawRetentionDays: 7, rollupRetentionDays: 400 } },
    { name: 'empty means default', env: { IOMS_METRICS_RAW_RETENTION_DAYS: '' }, expect: { rawRetentionDays: 7, rollupRetentionDays: 400 } },
    { name: 'reads both', env: { IOMS_METRICS_RAW_RETENTION_DAYS: '3', IOMS_METRICS_ROLLUP_RETENTION_DAYS: '90' }, expect: { rawRetentionDays: 3, rollupRetentionDays: 90 } },
    { name: 'refuses zero', env: { IOMS_METRICS_RAW_RETENTION_DAYS: '0' }, expect: 'error' },
    { name: 'refuses fractions', env: { IOMS_METRICS_ROLLUP_RETENTION_DAYS: '1.5' }, expect: 'error' },
    { name: 'refuses words', env: { IOMS_METRICS_ROLLUP_RETENTION_DAYS: 'forever' }, expect: 'error' },
  ];
  it.each(cases)('$name', (c) => {
    if (c.expect === 'error') expect(() => loadMetricsConfig(c.env)).toThrow(ConfigError);
    else expect(loadMetricsConfig(c.env)).toEqual(c.expect);
  });
});
