import { describe, expect, it } from 'vitest';
import { metricsSampleSchema } from '../../protocol/index.js';
import { createMetricsCollector, networkRates } from '../../agent/observe/metrics.js';
import { type MetricsProbes, type NetworkStatsFacts } from '../../agent/observe/probes.js';
import { failingMetricsProbes, fakeOs } from './stubs.js';

/** Probes that report fixed values and network counters from a script, one entry per sample. */
function scriptedProbes(counters: NetworkStatsFacts[][]): MetricsProbes & { calls: number } {
  const probes = {
    calls: 0,
    currentLoad: async () => ({ currentLoad: 42.5 }),
    mem: async () => ({ total: 8000, active: 3000, swaptotal: 2000, swapused: 100 }),
    fsSize: async () => [
      { fs: '/dev/sda1', type: 'ext4', size: 1000, used: 400, mount: '/' },
      { fs: '/dev/sdb1', type: 'xfs', size: 5000, used: 10, mount: '/data' },
    ],
    networkStats: async () => counters[Math.min(probes.calls++, counters.length - 1)] ?? [],
    processes: async () => ({ all: 211 }),
  };
  return probes;
}

const stat = (iface: string, rx: number, tx: number): NetworkStatsFacts => ({ iface, rx_bytes: rx, tx_bytes: tx });

/** A clock that advances by `stepMs` on every read, starting at `startMs`. */
function steppingClock(startMs: number, stepMs: number) {
  let t = startMs - stepMs;
  return () => (t += stepMs);
}

describe('createMetricsCollector', () => {
  it('samples this machine quickly and validly', async () => {
    const collector = createMetricsCollector();
    const first = await collector.sample();
    const started = performance.now();
    const second = await collector.sample();
    expect(performance.now() - started).toBeLessThan(1_500);
    for (const sample of [first, second]) expect(metricsSampleSchema.safeParse(sample).success).toBe(true);
    expect(first.network).toEqual({ rxBytesPerSec: 0, txBytesPerSec: 0 });
    expect(second.memory.totalBytes).toBeGreaterThan(0);
    expect(second.processCount).toBeGreaterThan(0);
    expect(second.missing).toBeUndefined();
  });

  it('computes network rates from the previous sample, ignoring loopback', async () => {
    const si = scriptedProbes([
      [stat('eth0', 1_000, 500), stat('lo', 0, 0)],
      [stat('eth0', 21_000, 2_500), stat('lo', 9e9, 9e9)],
    ]);
    const collector = createMetricsCollector({ si, os: fakeOs(), now: steppingClock(Date.parse('2026-02-01T00:00:00Z'), 10_000) });
    const first = await collector.sample();
    const second = await collector.sample();
    expect(first).toEqual({
      at: '2026-02-01T00:00:00.000Z',
      cpuPercent: 42.5,
      load: [0.5, 0.4, 0.3],
      memory: { usedBytes: 3000, totalBytes: 8000 },
      swap: { usedBytes: 100, totalBytes: 2000 },
      disks: [
        { mount: '/', usedBytes: 400, totalBytes: 1000 },
        { mount: '/data', usedBytes: 10, totalBytes: 5000 },
      ],
      network: { rxBytesPerSec: 0, txBytesPerSec: 0 },
      processCount: 211,
    });
    expect(second.at).toBe('2026-02-01T00:00:10.000Z');
    expect(second.network).toEqual({ rxBytesPerSec: 2_000, txBytesPerSec: 200 });
  });

  it('names failed groups in `missing` and still validates', async () => {
    const broken = () => {
      throw new Error('no loadavg');
    };
    const collector = createMetricsCollector({ si: failingMetricsProbes(), os: fakeOs({ loadavg: broken }), now: () => 0 });
    const sample = await collector.sample();
    expect(metricsSampleSchema.safeParse(sample).success).toBe(true);
    expect(new Set(sample.missing)).toEqual(new Set(['cpu', 'load', 'memory', 'swap', 'disks', 'network', 'processes']));
    expect(sample).toMatchObject({ cpuPercent: 0, load: [0, 0, 0], disks: [], processCount: 0 });
  });

  it('runs overlapping calls one after another', async () => {
    const si = scriptedProbes([[stat('eth0', 0, 0)], [stat('eth0', 1_000, 0)], [stat('eth0', 3_000, 0)]]);
    const collector = createMetricsCollector({ si, os: fakeOs(), now: steppingClock(0, 1_000) });
    const samples = await Promise.all([collector.sample(), collector.sample(), collector.sample()]);
    expect(samples.map((s) => s.network.rxBytesPerSec)).toEqual([0, 1_000, 2_000]);
  });
});

describe('networkRates', () => {
  const counters = (atMs: number, entries: Record<string, [number, number]>) => ({
    atMs,
    byInterface: new Map(Object.entries(entries).map(([name, [rx, tx]]) => [name, { rx, tx }])),
  });

  it.each([
    { name: 'first reading', previous: undefined, current: counters(1_000, { eth0: [5, 5] }), rates: [0, 0] },
    { name: 'steady traffic', previous: counters(0, { eth0: [0, 0] }), current: counters(2_000, { eth0: [4_000, 1_000] }), rates: [2_000, 500] },
    { name: 'sums interfaces', previous: counters(0, { eth0: [0, 0], eth1: [0, 0] }), current: counters(1_000, { eth0: [10, 1], eth1: [20, 2] }), rates: [30, 3] },
    { name: 'counter reset counts nothing', previous: counters(0, { eth0: [9_000, 9_000] }), current: counters(1_000, { eth0: [10, 10] }), rates: [0, 0] },
    { name: 'new interface counts nothing', previous: counters(0, {}), current: counters(1_000, { wg0: [1e6, 1e6] }), rates: [0, 0] },
    { name: 'clock went backwards', previous: counters(5_000, { eth0: [0, 0] }), current: counters(1_000, { eth0: [10, 10] }), rates: [0, 0] },
  ])('$name', ({ previous, current, rates }) => {
    const { rxBytesPerSec, txBytesPerSec } = networkRates(previous, current);
    expect([rxBytesPerSec, txBytesPerSec]).toEqual(rates);
  });
});
