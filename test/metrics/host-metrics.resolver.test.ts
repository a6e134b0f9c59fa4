import 'reflect-metadata';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessGuard } from '../../api/auth/access.js';
import type { AuthResult } from '../../api/auth/principal.js';
import { DateTimeScalar } from '../../api/graphql/scalars.js';
import { HostMetricsResolver } from '../../api/metrics/host-metrics.resolver.js';
import { latestMetrics, readHostMetrics } from '../../api/metrics/metrics-query.js';
import { RollupService } from '../../api/metrics/rollup.service.js';
import { databaseKinds } from '../helpers/databases.js';
import { insertRows, openMetricsDb, rawRow, T0, type MetricsDb } from './metrics-fixtures.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = T0 + 40 * DAY;

const QUERY = `query($name: String!, $from: DateTime, $to: DateTime, $step: Int) {
  hostMetrics(name: $name, from: $from, to: $to, step: $step) { host step from to truncated points { at cpuPercent cpuMax samples disks { mount } } }
}`;
const viewer: AuthResult = { ok: true, principal: { kind: 'user', userId: 1, username: 'val', role: 'VIEWER', sessionHash: 'h' } };

interface Answer {
  step: number;
  truncated: boolean;
  points: { at: string; cpuPercent: number; cpuMax: number | null; samples: number | null; disks: { mount: string }[] | null }[];
}

describe.each(databaseKinds())('hostMetrics on $name', (kind) => {
  let db: MetricsDb;
  let schema: GraphQLSchema;
  let host: number;

  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [HostMetricsResolver], globalMiddlewares: [accessGuard], scalarsMap: [{ type: Date, scalar: DateTimeScalar }], validate: false });
    db = await openMetricsDb(kind);
    host = await db.addHost('web-01');
    await db.addHost('idle-01');
    // one sample a minute for the last 2 hours, then one every 30 minutes for the 39 days before
    const recent = Array.from({ length: 120 }, (_, i) => rawRow(host, NOW - 120 * MIN + i * MIN, { cpuPercent: 50, disks: [{ mount: '/', usedBytes: 1, totalBytes: 2 }] }));
    const older = Array.from({ length: 39 * 48 }, (_, i) => rawRow(host, NOW - 40 * DAY + i * 30 * MIN, { cpuPercent: i % 2 ? 20 : 40 }));
    await insertRows(db.orm, [...older, ...recent]);
    const rollups = new RollupService({ orm: db.orm });
    await rollups.rollUpRange(300, NOW - 41 * DAY, NOW);
    await rollups.rollUpRange(3600, NOW - 41 * DAY, NOW);
  });
  afterAll(() => db.close());

  const run = async (variables: Record<string, unknown>, auth: AuthResult = viewer) => {
    const result = await execute({ schema, document: parse(QUERY), variableValues: variables, contextValue: { em: db.orm.em.fork(), auth, services: { now: () => new Date(NOW) } } });
    return { data: (result.data?.hostMetrics ?? null) as Answer | null, codes: (result.errors ?? []).map((e) => e.extensions.code) };
  };
  const iso = (ms: number) => new Date(ms).toISOString();

  const sources = [
    { name: 'the last hour (default range) comes from raw samples', vars: {}, step: 0, points: 60 },
    { name: 'one day comes from 5-minute rollups (only the last 2 hours have data)', vars: { from: iso(NOW - DAY) }, step: 300, points: 24 },
    { name: 'thirty days come from 1-hour rollups (29 days of half-hourly data, then 2 hours)', vars: { from: iso(NOW - 30 * DAY) }, step: 3600, points: 29 * 24 + 2 },
    { name: 'step 60 asks for raw samples over a long range', vars: { from: iso(NOW - 3 * DAY), to: iso(NOW - 2 * DAY), step: 60 }, step: 0, points: 48 },
    { name: 'step 3600 asks for hours over a short range', vars: { from: iso(NOW - 2 * HOUR), step: 3600 }, step: 3600, points: 2 },
  ];
  it.each(sources)('$name', async (c) => {
    const { data, codes } = await run({ name: 'web-01', ...c.vars });
    expect(codes).toEqual([]);
    expect({ step: data?.step, points: data?.points.length, truncated: data?.truncated }).toEqual({ step: c.step, points: c.points, truncated: false });
    const times = data?.points.map((p) => Date.parse(p.at)) ?? [];
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('fills bucket fields for rollups and disks for raw samples', async () => {
    const raw = await run({ name: 'web-01' });
    expect(raw.data?.points[0]).toMatchObject({ cpuPercent: 50, cpuMax: null, samples: null, disks: [{ mount: '/' }] });
    const hourly = await run({ name: 'web-01', from: iso(NOW - 30 * DAY), to: iso(NOW - 29 * DAY), step: 3600 });
    expect(hourly.data?.points[0]).toMatchObject({ at: iso(NOW - 30 * DAY), cpuPercent: 30, cpuMax: 40, samples: 2, disks: null });
  });

  const refusals = [
    { name: 'an unknown host', vars: { name: 'nope' }, auth: viewer, code: 'NOT_FOUND' },
    { name: 'a step that is not 0, 60, 300 or 3600', vars: { name: 'web-01', step: 120 }, auth: viewer, code: 'BAD_USER_INPUT' },
    { name: 'from after to', vars: { name: 'web-01', from: iso(NOW), to: iso(NOW - 1) }, auth: viewer, code: 'BAD_USER_INPUT' },
    { name: 'no session', vars: { name: 'web-01' }, auth: { ok: false, failure: { code: 'NO_TOKEN' } } as AuthResult, code: 'UNAUTHENTICATED' },
  ];
  it.each(refusals)('refuses $name', async (c) => {
    const { data, codes } = await run(c.vars, c.auth);
    expect({ data, codes }).toEqual({ data: null, codes: [c.code] });
  });

  it('caps points, keeping the newest', async () => {
    const { points, truncated } = await readHostMetrics(db.orm.em.fork(), host, { fromMs: NOW - HOUR, toMs: NOW, step: 0 }, 10);
    expect(truncated).toBe(true);
    expect(points.map((p) => (p.at.getTime() - NOW) / MIN)).toEqual([-10, -9, -8, -7, -6, -5, -4, -3, -2, -1]);
  });

  it('latestMetrics gives the newest sample, or null for a host without any', async () => {
    const [idle] = await db.orm.em.getConnection().execute<{ id: number }[]>(`select id from hosts where name = 'idle-01'`);
    expect((await latestMetrics(db.orm.em.fork(), host))?.at.getTime()).toBe(NOW - MIN);
    expect(await latestMetrics(db.orm.em.fork(), Number(idle?.id))).toBeNull();
  });
});
