import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventCountRollupService } from '../../api/metrics/event-count-rollup.service.js';
import { loadDailyCounts } from '../../api/reports/daily-counts-source.js';
import type { DailyCount } from '../../api/reports/daily-counts.js';
import { AgentChangeRecord, CronRunRecord, EventDayCountRecord, EventItemRecord, ProcessRestartRecord, type EventCountSource } from '../../db/entities/index.js';
import { databaseKinds } from '../helpers/databases.js';
import { openMetricsDb, type MetricsDb } from './metrics-fixtures.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 2026-11-02 00:00Z */
const T0 = Date.UTC(2026, 10, 2);

interface Event {
  readonly host: 'a' | 'b';
  readonly item: string;
  readonly atMs: number;
  readonly status: string;
}

/** Cron runs over three days, with some right at and just before midnight. */
const RUNS: Event[] = [
  { host: 'a', item: 'nightly', atMs: T0 + 4 * HOUR, status: 'SUCCEEDED' },
  { host: 'a', item: 'nightly', atMs: T0 + DAY - 1, status: 'FAILED' },
  { host: 'a', item: 'nightly', atMs: T0 + DAY, status: 'FAILED' },
  { host: 'a', item: 'hourly', atMs: T0 + DAY + 30 * MIN, status: 'SUCCEEDED' },
  { host: 'b', item: 'nightly', atMs: T0 + DAY + 12 * HOUR, status: 'SKIPPED' },
  { host: 'b', item: 'nightly', atMs: T0 + 2 * DAY + HOUR, status: 'SUCCEEDED' },
  { host: 'b', item: 'nightly', atMs: T0 + 3 * DAY - 1, status: 'TIMED_OUT' },
  { host: 'a', item: 'hourly', atMs: T0 + 2 * DAY + 23 * HOUR, status: 'SUCCEEDED' },
];

/** What the counts must be, straight from the events. */
function expected(events: readonly Event[], ids: Record<string, number>, range: { fromMs: number; toMs: number }, byDay: boolean): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const e of events) {
    if (e.atMs < range.fromMs || e.atMs >= range.toMs) continue;
    const key = [ids[e.host], e.item, byDay ? e.atMs - (e.atMs % DAY) : range.fromMs, e.status].join(' ');
    const [n, last] = out[key] ?? [0, 0];
    out[key] = [n + 1, Math.max(last, e.atMs)];
  }
  return out;
}

/** The loaded counts with their parts (counted days, newest rows, edge days) added up. */
function summed(counts: readonly DailyCount[]): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const c of counts) {
    const key = [c.hostId, c.item, c.dayMs, c.status].join(' ');
    const [n, last] = out[key] ?? [0, 0];
    out[key] = [n + c.count, Math.max(last, c.lastMs)];
  }
  return out;
}

const RANGES = [
  { name: 'whole days', fromMs: T0, toMs: T0 + 3 * DAY },
  { name: 'from mid-day to mid-day', fromMs: T0 + 5 * HOUR, toMs: T0 + 2 * DAY + 2 * HOUR },
  { name: 'one partial day', fromMs: T0 + DAY + HOUR, toMs: T0 + DAY + 13 * HOUR },
  { name: 'from a minute before midnight', fromMs: T0 + DAY - MIN, toMs: T0 + 3 * DAY },
  { name: 'to midnight exactly', fromMs: T0 + 12 * HOUR, toMs: T0 + DAY },
];

describe.each(databaseKinds())('EventCountRollupService on $name', (kind) => {
  let db: MetricsDb;
  const ids: Record<string, number> = {};

  beforeEach(async () => {
    db = await openMetricsDb(kind);
    ids.a = await db.addHost('a');
    ids.b = await db.addHost('b');
  });
  afterEach(() => db.close());

  const addRuns = async (events: readonly Event[]) => {
    const em = db.orm.em.fork();
    for (const e of events) em.create(CronRunRecord, { hostId: ids[e.host]!, name: e.item, startedAt: new Date(e.atMs), finishedAt: null, status: e.status });
    await em.flush();
  };
  const itemNames = async () => new Map((await db.orm.em.fork().find(EventItemRecord, {})).map((i) => [i.id, i.item]));
  const counts = async () => {
    const items = await itemNames();
    return (await db.orm.em.fork().find(EventDayCountRecord, {})).sort((x, y) => x.dayStartMs - y.dayStartMs || x.hostId - y.hostId || (items.get(x.itemId)! < items.get(y.itemId)! ? -1 : items.get(x.itemId)! > items.get(y.itemId)! ? 1 : 0) || (x.status < y.status ? -1 : 1));
  };
  const load = (range: { fromMs: number; toMs: number }, byDay: boolean, source: EventCountSource = 'cron') => loadDailyCounts(db.orm.em.fork(), source, range, null, byDay);

  it('counts per UTC day: a run a millisecond before midnight and one at midnight fall on their own days', async () => {
    await addRuns(RUNS);
    const svc = new EventCountRollupService(db.orm);
    expect(await svc.follow()).toEqual([]); // the first pass only notes the highest id
    expect((await svc.follow()).map((r) => [r.source, r.fromId, r.toId])).toEqual([['cron', 0, 8]]);
    const items = await itemNames();
    const rows = (await counts()).map((c) => [c.source, (c.dayStartMs - T0) / DAY, c.hostId === ids.a ? 'a' : 'b', items.get(c.itemId), c.status, c.count, c.lastMs - c.dayStartMs]);
    expect(rows).toEqual([
      ['cron', 0, 'a', 'nightly', 'FAILED', 1, DAY - 1],
      ['cron', 0, 'a', 'nightly', 'SUCCEEDED', 1, 4 * HOUR],
      ['cron', 1, 'a', 'hourly', 'SUCCEEDED', 1, 30 * MIN],
      ['cron', 1, 'a', 'nightly', 'FAILED', 1, 0],
      ['cron', 1, 'b', 'nightly', 'SKIPPED', 1, 12 * HOUR],
      ['cron', 2, 'a', 'hourly', 'SUCCEEDED', 1, 23 * HOUR],
      ['cron', 2, 'b', 'nightly', 'SUCCEEDED', 1, HOUR],
      ['cron', 2, 'b', 'nightly', 'TIMED_OUT', 1, DAY - 1],
    ]);
  });

  it('re-running adds nothing; later rows are added to the counts already there', async () => {
    await addRuns(RUNS.slice(0, 4));
    const svc = new EventCountRollupService(db.orm);
    await svc.follow();
    await svc.follow();
    const once = await counts();
    expect(await svc.follow()).toEqual([]);
    expect(await svc.follow()).toEqual([]);
    expect(await counts()).toEqual(once);
    // another failure of the same entry on the same day: its count goes up and its newest time moves
    await addRuns([{ host: 'a', item: 'nightly', atMs: T0 + 10 * HOUR, status: 'FAILED' }]);
    await svc.follow();
    await svc.follow();
    const failed = (await counts()).find((c) => c.dayStartMs === T0 && c.status === 'FAILED');
    expect([failed?.count, failed?.lastMs]).toEqual([2, T0 + DAY - 1]);
  });

  it('a late event (an agent back after days) lands on its own day, and reports show it before the chore counts it', async () => {
    await addRuns(RUNS);
    const svc = new EventCountRollupService(db.orm);
    await svc.follow();
    await svc.follow();
    const late: Event = { host: 'b', item: 'nightly', atMs: T0 + 2 * HOUR, status: 'FAILED' };
    await addRuns([late]);
    const whole = { fromMs: T0, toMs: T0 + 3 * DAY };
    expect(summed(await load(whole, true))).toEqual(expected([...RUNS, late], ids, whole, true));
    await svc.follow();
    await svc.follow();
    expect((await counts()).filter((c) => c.hostId === ids.b && c.dayStartMs === T0).map((c) => [c.status, c.count])).toEqual([['FAILED', 1]]);
    expect(summed(await load(whole, true))).toEqual(expected([...RUNS, late], ids, whole, true));
  });

  it('counts a long history over several passes, bounded per pass', async () => {
    await addRuns(RUNS);
    const svc = new EventCountRollupService(db.orm, 3);
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(...(await svc.follow()).map((r) => [r.fromId, r.toId]));
    expect(runs).toEqual([[0, 3], [3, 6], [6, 8]]);
  });

  describe.each([
    { name: 'nothing counted yet', passes: 0, maxIds: 100 },
    { name: 'partly counted', passes: 2, maxIds: 3 },
    { name: 'all counted', passes: 3, maxIds: 100 },
  ])('reports read the same counts with $name', ({ passes, maxIds }) => {
    it.each(RANGES.flatMap((r) => [true, false].map((byDay) => ({ ...r, byDay }))))('$name, by day: $byDay', async ({ fromMs, toMs, byDay }) => {
      await addRuns(RUNS);
      const svc = new EventCountRollupService(db.orm, maxIds);
      for (let i = 0; i < passes; i++) await svc.follow();
      expect(summed(await load({ fromMs, toMs }, byDay))).toEqual(expected(RUNS, ids, { fromMs, toMs }, byDay));
    });
  });

  it('counts restarts by outcome and changes by kind and outcome', async () => {
    const em = db.orm.em.fork();
    em.create(ProcessRestartRecord, { hostId: ids.a!, process: 'game', at: new Date(T0 + HOUR), count: 1, outcome: 'RESTART' });
    em.create(ProcessRestartRecord, { hostId: ids.a!, process: 'game', at: new Date(T0 + 2 * HOUR), count: 5, outcome: 'FATAL' });
    em.create(AgentChangeRecord, { hostId: ids.b!, changeId: 'c1', at: new Date(T0 + HOUR), resource: 'file:/etc/x', action: 'PutFile', reason: 'CHECKSUM_MISMATCH', kind: 'CORRECTIVE', outcome: 'DONE', hash: 'h' });
    em.create(AgentChangeRecord, { hostId: ids.b!, changeId: 'c2', at: new Date(T0 + 3 * HOUR), resource: 'file:/etc/x', action: 'PutFile', reason: 'SPEC_CHANGED', kind: 'INTENDED', outcome: 'FAILED', hash: 'h' });
    await em.flush();
    const svc = new EventCountRollupService(db.orm);
    await svc.follow();
    await svc.follow();
    const items = await itemNames();
    expect((await counts()).map((c) => [c.source, items.get(c.itemId), c.status, c.count]).sort()).toEqual([
      ['change', 'file:/etc/x', 'CORRECTIVE|DONE', 1],
      ['change', 'file:/etc/x', 'INTENDED|FAILED', 1],
      ['restart', 'game', 'FATAL', 1],
      ['restart', 'game', 'RESTART', 1],
    ]);
    const day = { fromMs: T0, toMs: T0 + DAY };
    expect((await load(day, false, 'change')).map((c) => [c.status, c.count]).sort()).toEqual([['CORRECTIVE|DONE', 1], ['INTENDED|FAILED', 1]]);
  });
});
