import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MetricRollupRecord, MetricSampleRecord } from '../../db/entities/index.js';
import { openDatabase } from '../../db/orm.js';
import { lockNameFor, maintenanceLockFor, MySqlNamedLock } from '../../api/metrics/maintenance-lock.js';
import { MetricsMaintenance } from '../../api/metrics/metrics-maintenance.service.js';
import { RetentionService } from '../../api/metrics/retention.service.js';
import { databaseKinds } from '../helpers/databases.js';
import { insertRows, openMetricsDb, quietLogger, rawRow, T0, type MetricsDb } from './metrics-fixtures.js';

const DAY = 86_400_000;
const config = { rawRetentionDays: 7, rollupRetentionDays: 400 };

describe.each(databaseKinds())('retention and maintenance on $name', (kind) => {
  let db: MetricsDb;
  let host: number;
  const sampleTimes = async () => (await db.orm.em.fork().find(MetricSampleRecord, {}, { orderBy: { atMs: 'asc' } })).map((r) => r.atMs - T0);
  const rollupTimes = async () => (await db.orm.em.fork().find(MetricRollupRecord, {}, { orderBy: { bucketStartMs: 'asc' } })).map((r) => r.bucketStartMs - T0);
  const addRollup = async (bucketStartMs: number) => {
    const em = db.orm.em.fork();
    em.create(MetricRollupRecord, { hostId: host, stepSeconds: 3600, bucketStartMs, samples: 1, cpuMin: 1, cpuAvg: 1, cpuMax: 1, memUsedMin: 1, memUsedAvg: 1, memUsedMax: 1, memTotalBytes: 1, load1Avg: 1, load1Max: 1, netRxAvg: 1, netRxMax: 1, netTxAvg: 1, netTxMax: 1, processCountAvg: 1, processCountMax: 1 });
    await em.flush();
  };

  beforeEach(async () => {
    db = await openMetricsDb(kind);
    host = await db.addHost('web-01');
    // five samples past the 7-day cutoff (one a millisecond past it), two within
    await insertRows(db.orm, [-9 * DAY, -8 * DAY - 2, -8 * DAY - 1, -8 * DAY, -7 * DAY - 1, -7 * DAY, 0].map((d) => rawRow(host, T0 + d)));
    for (const d of [-401 * DAY, -400 * DAY - 1, -400 * DAY, -DAY]) await addRollup(T0 + d);
  });
  afterEach(() => db.close());

  const cases = [
    { name: 'deletes only rows past retention, in chunks', chunkRows: 2, maxChunksPerRun: 100, samplesDeleted: 5, rollupsDeleted: 2, samplesLeft: [-7 * DAY, 0] },
    { name: 'stops after maxChunksPerRun, oldest first', chunkRows: 2, maxChunksPerRun: 1, samplesDeleted: 2, rollupsDeleted: 2, samplesLeft: [-8 * DAY - 1, -8 * DAY, -7 * DAY - 1, -7 * DAY, 0] },
  ];
  it.each(cases)('$name', async (c) => {
    const svc = new RetentionService({ orm: db.orm, config, chunkRows: c.chunkRows, maxChunksPerRun: c.maxChunksPerRun });
    expect(await svc.apply(T0)).toEqual({ samplesDeleted: c.samplesDeleted, rollupsDeleted: c.rollupsDeleted });
    expect(await sampleTimes()).toEqual(c.samplesLeft);
    expect(await rollupTimes()).toEqual([-400 * DAY, -DAY]);
  });

  it('deletes no raw sample before a rollup has counted it, while catching up', async () => {
    const maintenance = new MetricsMaintenance({ orm: db.orm, logger: quietLogger, config, now: () => new Date(T0 + 10 * 60_000) });
    const first = await maintenance.runOnce();
    expect(first.ran).toBe(true);
    if (!first.ran) return;
    // the first pass rolls up 72 buckets from the oldest sample, and may delete only that one
    expect(first.rollups.find((r) => r.step === 300)).toEqual({ step: 300, fromMs: T0 - 9 * DAY, toMs: T0 - 9 * DAY + 72 * 300_000, rows: 1 });
    expect(first.retention).toEqual({ samplesDeleted: 1, rollupsDeleted: 3 });
    for (let pass = 0; pass < 20; pass++) await maintenance.runOnce();
    // caught up: the cutoff is 7 days before now (T0 + 10 min), so the sample at exactly T0 - 7 d goes too
    expect(await sampleTimes()).toEqual([0]);
    const fiveMinute = await db.orm.em.fork().find(MetricRollupRecord, { stepSeconds: 300 }, { orderBy: { bucketStartMs: 'asc' } });
    expect(fiveMinute.map((r) => [(r.bucketStartMs - T0) / 60_000, r.samples])).toEqual([[-9 * 1440, 1], [-8 * 1440 - 5, 2], [-8 * 1440, 1], [-7 * 1440 - 5, 1], [-7 * 1440, 1], [0, 1]]);
  });

  it('loops on its own once started, and stop() ends it', async () => {
    const maintenance = new MetricsMaintenance({ orm: db.orm, logger: quietLogger, config, now: () => new Date(T0 + 10 * 60_000), firstRunDelayMs: 0, intervalMs: 10 });
    maintenance.start();
    try {
      await vi.waitFor(async () => expect(await sampleTimes()).toEqual([0]), { timeout: 10_000, interval: 20 });
    } finally {
      await maintenance.stop();
    }
    await insertRows(db.orm, [rawRow(host, T0 - 30 * DAY)]);
    await new Promise((r) => setTimeout(r, 50));
    expect(await sampleTimes()).toEqual([-30 * DAY, 0]);
  });

  if (kind.name === 'sqlite') {
    it('needs no lock on SQLite: every acquire succeeds', async () => {
      const lock = maintenanceLockFor(db.orm);
      const first = await lock.tryAcquire();
      const second = await lock.tryAcquire();
      expect([typeof first, typeof second]).toEqual(['function', 'function']);
    });
  } else {
    it('lets one replica at a time run, by GET_LOCK', async () => {
      const other = await openDatabase(db.url);
      try {
        const name = `ioms:test-${Math.random()}`;
        const held = await new MySqlNamedLock(other, name).tryAcquire();
        expect(held).toBeTypeOf('function');
        const maintenance = new MetricsMaintenance({ orm: db.orm, logger: quietLogger, config, now: () => new Date(T0), lock: new MySqlNamedLock(db.orm, name) });
        expect(await maintenance.runOnce()).toEqual({ ran: false, reason: 'LOCKED_ELSEWHERE' });
        expect((await sampleTimes()).length).toBe(7);
        await held?.();
        expect((await maintenance.runOnce()).ran).toBe(true);
        expect((await sampleTimes()).length).toBeLessThan(7);
        expect(maintenanceLockFor(db.orm)).toBeInstanceOf(MySqlNamedLock);
      } finally {
        await other.close(true);
      }
    });

    it('does not share a chore lock with another database on the same MySQL server', async () => {
      const elsewhere = await kind.create();
      const other = await openDatabase(elsewhere.url);
      try {
        const held = await maintenanceLockFor(other).tryAcquire();
        expect(held).toBeTypeOf('function');
        const release = await maintenanceLockFor(db.orm).tryAcquire();
        expect(release).toBeTypeOf('function');
        expect(await maintenanceLockFor(other).tryAcquire()).toBeUndefined();
        await release?.();
        await held?.();
      } finally {
        await other.close(true);
        await elsewhere.drop();
      }
    });
  }

  it.each([
    { name: 'a short database name, kept readable', chore: 'ioms:job-tick', database: 'ioms', expected: 'ioms:job-tick@ioms' },
    { name: 'a long database name, a digest within 64', chore: 'ioms:metrics-maintenance', database: 'x'.repeat(64), expected: /^ioms:metrics-maintenance@[0-9a-f]{39}$/ },
  ])('names the lock of a chore after its database: $name', ({ chore, database, expected }) => {
    const name = lockNameFor(chore, database);
    expect(name.length).toBeLessThanOrEqual(64);
    if (typeof expected === 'string') expect(name).toBe(expected);
    else expect(name).toMatch(expected);
  });
});
