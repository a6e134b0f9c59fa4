import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MetricSampleRecord } from '../../db/entities/index.js';
import { MetricsWriter, type MetricsWriterOptions } from '../../api/metrics/metrics-writer.service.js';
import { databaseKinds } from '../helpers/databases.js';
import { insertsInto, openMetricsDb, quietLogger, sample, T0, type MetricsDb } from './metrics-fixtures.js';

/** Value tuples in one INSERT statement's SQL. */
const tuples = (sql: string): number => sql.split(/\)\s*,\s*\(/).length;
const NEVER = 3_600_000;

describe.each(databaseKinds())('MetricsWriter on $name', (kind) => {
  let db: MetricsDb;
  let hostId: number;
  let writer: MetricsWriter | undefined;
  const make = (opts: Partial<MetricsWriterOptions> = {}): MetricsWriter => (writer = new MetricsWriter({ orm: db.orm, logger: quietLogger, now: () => new Date(T0), flushIntervalMs: NEVER, ...opts }));
  const stored = () => db.orm.em.fork().find(MetricSampleRecord, {}, { orderBy: { atMs: 'asc' } });

  beforeEach(async () => {
    db = await openMetricsDb(kind);
    hostId = await db.addHost('web-01');
    db.statements.length = 0;
  });
  afterEach(async () => {
    await writer?.close();
    writer = undefined;
    await db.close();
  });

  it('writes a flush of 300 samples as one INSERT, every row intact', async () => {
    const w = make();
    for (let i = 0; i < 300; i++) w.enqueue(hostId, sample(T0 - 300_000 + i * 1000, { cpuPercent: i / 4, processCount: i }));
    expect(await w.flush()).toBe(300);
    const inserts = insertsInto(db.statements, 'metric_samples');
    expect(inserts.map(tuples)).toEqual([300]);
    const rows = await stored();
    expect(rows.length).toBe(300);
    expect(rows.map((r) => r.processCount)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(rows[299]).toMatchObject({ hostId, atMs: T0 - 1000, cpuPercent: 299 / 4, memUsedBytes: 1000, memTotalBytes: 8000, load1: 0.5, disks: [{ mount: '/', usedBytes: 10, totalBytes: 100 }] });
  });

  it('splits a large buffer into INSERTs of maxBatchRows', async () => {
    const w = make({ maxBatchRows: 500 });
    for (let i = 0; i < 1200; i++) w.enqueue(hostId, sample(T0 - i));
    await w.flush();
    expect(insertsInto(db.statements, 'metric_samples').map(tuples)).toEqual([500, 500, 200]);
    expect((await stored()).length).toBe(1200);
    expect(w.stats()).toMatchObject({ enqueued: 1200, written: 1200, buffered: 0, dropped: 0 });
  });

  it('flushes by itself when a full batch is waiting', async () => {
    const w = make({ maxBatchRows: 50 });
    for (let i = 0; i < 50; i++) w.enqueue(hostId, sample(T0 - i));
    await vi.waitFor(() => expect(w.stats().written).toBe(50), { timeout: 5000, interval: 10 });
    expect(insertsInto(db.statements, 'metric_samples').map(tuples)).toEqual([50]);
  });

  it('flushes by itself every flushIntervalMs', async () => {
    const w = make({ flushIntervalMs: 20 });
    w.enqueue(hostId, sample(T0));
    w.enqueue(hostId, sample(T0 - 1));
    await vi.waitFor(() => expect(w.stats().written).toBe(2), { timeout: 5000, interval: 10 });
    expect(insertsInto(db.statements, 'metric_samples').map(tuples)).toEqual([2]);
  });

  it('writes what is buffered on close and refuses samples afterwards', async () => {
    const w = make();
    for (let i = 0; i < 7; i++) w.enqueue(hostId, sample(T0 - i));
    await w.close();
    w.enqueue(hostId, sample(T0));
    expect((await stored()).length).toBe(7);
    expect(w.stats()).toMatchObject({ written: 7, dropped: 1, buffered: 0 });
  });

  it('skips incomplete samples and re-stamps skewed ones', async () => {
    const w = make();
    w.enqueue(hostId, sample(T0, { missing: ['memory'] }));
    w.enqueue(hostId, sample(T0 - 86_400_000));
    await w.flush();
    expect((await stored()).map((r) => r.atMs)).toEqual([T0]);
    expect(w.stats()).toMatchObject({ incomplete: 1, clockSkewed: 1, written: 1 });
  });

  it('keeps only the newest maxBufferedRows while the database is down, and writes them when it is back', async () => {
    const w = make({ maxBufferedRows: 100, maxBatchRows: 40 });
    await db.orm.close(true);
    for (let i = 0; i < 250; i++) w.enqueue(hostId, sample(T0 - 250_000 + i * 1000, { processCount: i }));
    await expect(w.flush()).rejects.toMatchObject({ code: 'METRICS_WRITE_FAILED' });
    expect(w.stats()).toMatchObject({ buffered: 100, dropped: 150, written: 0 });
    expect(w.stats().failedFlushes).toBeGreaterThanOrEqual(1);
    await db.orm.connect();
    await w.flush();
    const rows = await stored();
    expect(rows.map((r) => r.processCount)).toEqual(Array.from({ length: 100 }, (_, i) => 150 + i));
    expect(w.stats()).toMatchObject({ buffered: 0, dropped: 150, written: 100 });
  });
});
