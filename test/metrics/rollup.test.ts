import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetricRollupRecord } from '../../db/entities/index.js';
import { RollupService } from '../../api/metrics/rollup.service.js';
import { databaseKinds } from '../helpers/databases.js';
import { insertRows, openMetricsDb, rawRow, T0, type MetricsDb } from './metrics-fixtures.js';

const MIN = 60_000;

describe.each(databaseKinds())('RollupService on $name', (kind) => {
  let db: MetricsDb;
  let a: number;
  let b: number;
  const rollups = async (step: number) => {
    const rows = await db.orm.em.fork().find(MetricRollupRecord, { stepSeconds: step }, { orderBy: { hostId: 'asc', bucketStartMs: 'asc' } });
    return rows.map(({ id: _id, ...rest }) => ({ ...rest }));
  };

  beforeEach(async () => {
    db = await openMetricsDb(kind);
    a = await db.addHost('a');
    b = await db.addHost('b');
    await insertRows(db.orm, [
      // host a, bucket T0: three samples
      rawRow(a, T0, { cpuPercent: 10, memUsedBytes: 100, load1: 1, netRxBytesPerSec: 10, netTxBytesPerSec: 1, processCount: 5 }),
      rawRow(a, T0 + 1 * MIN, { cpuPercent: 30, memUsedBytes: 300, load1: 2, netRxBytesPerSec: 20, netTxBytesPerSec: 1, processCount: 7 }),
      rawRow(a, T0 + 2 * MIN, { cpuPercent: 20, memUsedBytes: 200, load1: 3, netRxBytesPerSec: 30, netTxBytesPerSec: 1, processCount: 9, memTotalBytes: 2000 }),
      // host a, bucket T0+5m: one sample
      rawRow(a, T0 + 5 * MIN, { cpuPercent: 50, memUsedBytes: 500, load1: 4, netRxBytesPerSec: 40, netTxBytesPerSec: 5, processCount: 11 }),
      // host b: the last millisecond of bucket T0, then the first of T0+5m
      rawRow(b, T0 + 5 * MIN - 1, { cpuPercent: 80 }),
      rawRow(b, T0 + 5 * MIN, { cpuPercent: 90 }),
      // bucket T0+10m is not complete at the times used below
      rawRow(a, T0 + 10 * MIN, { cpuPercent: 99 }),
    ]);
  });
  afterEach(() => db.close());

  const five = (hostId: number, bucketStartMs: number, m: Partial<MetricRollupRecord>) => ({ hostId, stepSeconds: 300, bucketStartMs, ...m });
  const defaults = { memTotalBytes: 1000, memUsedMin: 100, memUsedAvg: 100, memUsedMax: 100, load1Avg: 1, load1Max: 1, netRxAvg: 10, netRxMax: 10, netTxAvg: 1, netTxMax: 1, processCountAvg: 5, processCountMax: 5 };
  const expected5m = () => [
    five(a, T0, { samples: 3, cpuMin: 10, cpuAvg: 20, cpuMax: 30, memUsedMin: 100, memUsedAvg: 200, memUsedMax: 300, memTotalBytes: 2000, load1Avg: 2, load1Max: 3, netRxAvg: 20, netRxMax: 30, netTxAvg: 1, netTxMax: 1, processCountAvg: 7, processCountMax: 9 }),
    five(a, T0 + 5 * MIN, { samples: 1, cpuMin: 50, cpuAvg: 50, cpuMax: 50, memUsedMin: 500, memUsedAvg: 500, memUsedMax: 500, memTotalBytes: 1000, load1Avg: 4, load1Max: 4, netRxAvg: 40, netRxMax: 40, netTxAvg: 5, netTxMax: 5, processCountAvg: 11, processCountMax: 11 }),
    five(b, T0, { ...defaults, samples: 1, cpuMin: 80, cpuAvg: 80, cpuMax: 80 }),
    five(b, T0 + 5 * MIN, { ...defaults, samples: 1, cpuMin: 90, cpuAvg: 90, cpuMax: 90 }),
  ];

  it('computes min/avg/max per host and 5-minute bucket', async () => {
    const svc = new RollupService({ orm: db.orm });
    expect(await svc.rollUpRange(300, T0, T0 + 10 * MIN)).toBe(4);
    expect(await rollups(300)).toEqual(expected5m());
  });

  it('replaces a bucket when re-run: same rows, no duplicates, late samples taken in', async () => {
    const svc = new RollupService({ orm: db.orm });
    await svc.rollUpRange(300, T0, T0 + 10 * MIN);
    await svc.rollUpRange(300, T0, T0 + 10 * MIN);
    expect(await rollups(300)).toEqual(expected5m());
    await insertRows(db.orm, [rawRow(b, T0 + 6 * MIN, { cpuPercent: 70 })]);
    await svc.rollUpRange(300, T0, T0 + 10 * MIN);
    const late = (await rollups(300)).find((r) => r.hostId === b && r.bucketStartMs === T0 + 5 * MIN);
    expect(late).toMatchObject({ samples: 2, cpuMin: 70, cpuAvg: 80, cpuMax: 90 });
    expect((await rollups(300)).length).toBe(4);
  });

  it('builds hours from 5-minute rows with averages weighted by sample count', async () => {
    const svc = new RollupService({ orm: db.orm });
    await svc.rollUpRange(300, T0, T0 + 15 * MIN);
    expect(await svc.rollUpRange(3600, T0, T0 + 60 * MIN)).toBe(2);
    const [hourA, hourB] = await rollups(3600);
    // host a: raw cpu 10, 30, 20, 50, 99 → avg 41.8, not the mean of bucket averages
    expect(hourA).toMatchObject({ hostId: a, bucketStartMs: T0, samples: 5, cpuMin: 10, cpuMax: 99, memTotalBytes: 2000, processCountMax: 11 });
    expect(hourA?.cpuAvg).toBeCloseTo((10 + 30 + 20 + 50 + 99) / 5, 9);
    expect(hourB).toMatchObject({ hostId: b, samples: 2, cpuMin: 80, cpuMax: 90 });
    expect(hourB?.cpuAvg).toBeCloseTo(85, 9);
  });

  it('rolls up only completed buckets, as of now', async () => {
    const svc = new RollupService({ orm: db.orm, graceMs: 2 * MIN });
    // T0+10m bucket ends at T0+15m; with 2 min grace it is not complete at T0+16m
    const runs = await svc.rollUp(T0 + 16 * MIN);
    // the hour step only recomputes its (empty) lookback hour before T0
    expect(runs).toEqual([
      { step: 300, fromMs: T0, toMs: T0 + 10 * MIN, rows: 4 },
      { step: 3600, fromMs: T0 - 60 * MIN, toMs: T0, rows: 0 },
    ]);
    expect(await rollups(300)).toEqual(expected5m());
    await svc.rollUp(T0 + 17 * MIN);
    expect((await rollups(300)).filter((r) => r.bucketStartMs === T0 + 10 * MIN).map((r) => r.cpuAvg)).toEqual([99]);
    expect(await rollups(3600)).toEqual([]);
    await svc.rollUp(T0 + 62 * MIN);
    expect((await rollups(3600)).map((r) => [r.hostId, r.samples])).toEqual([[a, 5], [b, 2]]);
  });

  it('catches up after downtime in bounded runs', async () => {
    await insertRows(db.orm, [rawRow(a, T0 + 42 * MIN)]);
    const svc = new RollupService({ orm: db.orm, maxBucketsPerRun: 1, lookbackMs: 0 });
    const now = T0 + 60 * MIN;
    const windows: number[] = [];
    for (let i = 0; i < 5; i++) {
      const run = await svc.rollUpStep(300, now);
      if (run) windows.push((run.fromMs - T0) / MIN);
    }
    // one bucket per run, skipping the empty stretch; the T0+55m bucket is not complete yet
    expect(windows).toEqual([0, 5, 10, 40]);
    expect((await rollups(300)).length).toBe(6);
  });
});
