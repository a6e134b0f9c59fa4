import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daysTouched, DailyRollupService } from '../../api/metrics/daily-rollup.service.js';
import { RollupService } from '../../api/metrics/rollup.service.js';
import { DiskRollupRecord, MetricDailyRecord } from '../../db/entities/index.js';
import { databaseKinds } from '../helpers/databases.js';
import { insertRows, openMetricsDb, rawRow, T0, type MetricsDb } from './metrics-fixtures.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const GB = 1e9;

describe('daysTouched', () => {
  it.each([
    { name: 'inside one day', from: T0 + HOUR, to: T0 + 2 * HOUR, want: [T0, T0 + DAY] },
    { name: 'across midnight', from: T0 + 23 * HOUR, to: T0 + DAY + HOUR, want: [T0, T0 + 2 * DAY] },
    { name: 'whole days', from: T0, to: T0 + DAY, want: [T0, T0 + DAY] },
  ])('$name', ({ from, to, want }) => {
    expect(daysTouched(from, to)).toEqual({ fromMs: want[0], toMs: want[1] });
  });
});

describe.each(databaseKinds())('DailyRollupService on $name', (kind) => {
  let db: MetricsDb;
  let a: number;

  beforeEach(async () => {
    db = await openMetricsDb(kind);
    a = await db.addHost('a');
    const rows = [];
    // two days, a sample every 10 minutes: CPU 10 % in the first 20 hours of each day, 90 % after;
    // memory 25 % of 1000; "/" grows 1 GB a day from 10 GB of 100 GB, "/data" stays at 50 of 200 GB
    for (let t = T0; t < T0 + 2 * DAY; t += 10 * MIN) {
      const hour = Math.floor((t - T0) / HOUR) % 24;
      const usedRoot = 10 * GB + ((t - T0) / DAY) * GB;
      rows.push(rawRow(a, t, { cpuPercent: hour < 20 ? 10 : 90, memUsedBytes: 250, memTotalBytes: 1000, disks: [{ mount: '/', usedBytes: usedRoot, totalBytes: 100 * GB }, { mount: '/data', usedBytes: 50 * GB, totalBytes: 200 * GB }] }));
    }
    await insertRows(db.orm, rows);
    const hours = new RollupService({ orm: db.orm });
    for (let d = 0; d < 2; d++) {
      await hours.rollUpRange(300, T0 + d * DAY, T0 + (d + 1) * DAY);
      await hours.rollUpRange(3600, T0 + d * DAY, T0 + (d + 1) * DAY);
    }
  });
  afterEach(() => db.close());

  it('writes disk hours and days and the daily histograms, the same on a re-run', async () => {
    const svc = new DailyRollupService(db.orm);
    await svc.follow([{ step: 300, fromMs: T0, toMs: T0 + HOUR, rows: 0 }, { step: 3600, fromMs: T0, toMs: T0 + 2 * DAY, rows: 0 }]);
    await svc.rollUpRange(T0 + 5 * HOUR, T0 + 6 * HOUR);
    const em = db.orm.em.fork();
    expect(await em.count(DiskRollupRecord, { stepSeconds: 3600 })).toBe(2 * 48);
    const days = await em.find(DiskRollupRecord, { stepSeconds: 86400 }, { orderBy: { mount: 'asc', bucketStartMs: 'asc' } });
    expect(days.map((r) => [r.mount, r.bucketStartMs, r.samples, r.totalMax])).toEqual([
      ['/', T0, 144, 100 * GB],
      ['/', T0 + DAY, 144, 100 * GB],
      ['/data', T0, 144, 200 * GB],
      ['/data', T0 + DAY, 144, 200 * GB],
    ]);
    // "/" averages the middle of its day (10.5 GB minus half a sample step) and peaks at its end
    expect(days[0]!.usedAvg / GB).toBeCloseTo(10 + (0.5 * (143 * 10)) / 1440, 6);
    expect(days[1]!.usedMax / GB).toBeCloseTo(11 + (143 * 10) / 1440, 6);
    const hist = await em.find(MetricDailyRecord, {}, { orderBy: { metric: 'asc', dayStartMs: 'asc' } });
    const bins = (h: string) => Object.fromEntries(h.split(',').map((p) => p.split(':').map(Number)));
    expect(hist.map((r) => [r.metric, r.dayStartMs, r.hours, r.maxPercent, bins(r.hist)])).toEqual([
      ['cpu', T0, 24, 90, { 10: 20, 90: 4 }],
      ['cpu', T0 + DAY, 24, 90, { 10: 20, 90: 4 }],
      ['mem', T0, 24, 25, { 25: 24 }],
      ['mem', T0 + DAY, 24, 25, { 25: 24 }],
    ]);
  });

  it('prunes what is past the retention: hours before the cut, days before its day', async () => {
    const svc = new DailyRollupService(db.orm);
    await svc.rollUpRange(T0, T0 + 2 * DAY);
    expect(await svc.prune(T0 + DAY + HOUR)).toBe(2 * 25 + 2 + 2);
    expect(await db.orm.em.fork().count(MetricDailyRecord, {})).toBe(2);
  });

  it('fills in days that have hour rollups but no daily rows (an upgraded server), newest first', async () => {
    const svc = new DailyRollupService(db.orm);
    await svc.follow([{ step: 3600, fromMs: T0 + DAY + 23 * HOUR, toMs: T0 + 2 * DAY, rows: 0 }]);
    const em = db.orm.em.fork();
    expect((await em.find(MetricDailyRecord, { metric: 'cpu' })).map((r) => r.dayStartMs).sort()).toEqual([T0, T0 + DAY]);
    expect(await svc.follow([])).toBe(0);
  });
});
