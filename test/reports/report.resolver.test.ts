import 'reflect-metadata';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessGuard } from '../../api/auth/access.js';
import type { AuthResult } from '../../api/auth/principal.js';
import { DateTimeScalar } from '../../api/graphql/scalars.js';
import { DailyRollupService } from '../../api/metrics/daily-rollup.service.js';
import { ReportResolver } from '../../api/reports/report.resolver.js';
import { CronRunRecord, DiskRollupRecord, HostRecord, MetricRollupRecord, HostStatusEventRecord, JobRecord, JobTargetRecord, ProcessRestartRecord, type HostStatusChange, type TargetStatus } from '../../db/entities/index.js';
import { migrateDatabase, openDatabase, type Orm } from '../../db/orm.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 2026-11-02 00:00Z; the server's clock reads two days later. */
const T0 = Date.UTC(2026, 10, 2);
const NOW = T0 + 2 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();

const viewer: AuthResult = { ok: true, principal: { kind: 'user', userId: 1, username: 'val', role: 'VIEWER', sessionHash: 'h' } };
const agent: AuthResult = { ok: true, principal: { kind: 'agent', hostId: 1, hostName: 'web-1' } };
const anonymous: AuthResult = { ok: false, failure: { code: 'NO_TOKEN' } } as AuthResult;

/**
 * The report queries through `execute` on each database: seeded status changes, restarts, cron
 * runs and jobs for three hosts, and the figures each report gives for them.
 */
describe.each(databaseKinds())('report queries on $name', (kind) => {
  let db: TestDatabase;
  let orm: Orm;
  let schema: GraphQLSchema;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [ReportResolver], globalMiddlewares: [accessGuard], scalarsMap: [{ type: Date, scalar: DateTimeScalar }], validate: false });
    db = await kind.create();
    orm = await openDatabase(db.url);
    await migrateDatabase(orm);
    const em = orm.em.fork();
    for (const [name, role] of [['web-1', 'web'], ['web-2', 'web'], ['db-1', 'db']] as const) {
      const h = em.create(HostRecord, { name, credentialHash: 'x'.repeat(64), enrolledAt: new Date(T0 - 10 * DAY), agentLabels: { role }, serverLabels: {}, online: true, alive: true });
      await em.flush();
      ids[name] = h.id;
    }
    const ev = (host: string, atMs: number, change: HostStatusChange) => em.create(HostStatusEventRecord, { hostId: ids[host]!, at: new Date(atMs), change });
    for (const h of ['web-1', 'web-2', 'db-1']) ev(h, T0 - 10 * DAY, 'ALIVE');
    // web-1: down 30 minutes on day one; web-2: down from 23:00 on day one until 01:00 on day two
    ev('web-1', T0 + 60 * MIN, 'DISCONNECTED');
    ev('web-1', T0 + 63 * MIN, 'DEAD');
    ev('web-1', T0 + 90 * MIN, 'ALIVE');
    ev('web-2', T0 + 23 * HOUR, 'DISCONNECTED');
    ev('web-2', T0 + 23 * HOUR + 3 * MIN, 'DEAD');
    ev('web-2', T0 + DAY + HOUR, 'ALIVE');
    const restart = (host: string, atMs: number, outcome: string, count: number) => em.create(ProcessRestartRecord, { hostId: ids[host]!, process: 'game', at: new Date(atMs), count, outcome, exitCode: 1, signal: null });
    restart('web-1', T0 + HOUR, 'RESTART', 1);
    restart('web-1', T0 + 2 * HOUR, 'RESTART', 2);
    restart('web-1', T0 + DAY + HOUR, 'FATAL', 3);
    restart('db-1', T0 + 3 * HOUR, 'EXIT', 0);
    const cron = (host: string, atMs: number, status: string) => em.create(CronRunRecord, { hostId: ids[host]!, name: 'nightly', startedAt: new Date(atMs), finishedAt: new Date(atMs + 1000), status, exitCode: status === 'SUCCEEDED' ? 0 : 1 });
    cron('web-1', T0 + 4 * HOUR, 'SUCCEEDED');
    cron('web-2', T0 + 4 * HOUR, 'FAILED');
    cron('web-1', T0 + DAY + 4 * HOUR, 'SUCCEEDED');
    cron('web-2', T0 + DAY + 4 * HOUR, 'SKIPPED');
    cron('db-1', T0 - 3 * DAY, 'FAILED');
    await em.flush();
    const job = async (user: string, atMs: number, command: string, targets: [string, TargetStatus, number | null][]) => {
      const j = em.create(JobRecord, { kind: 'SHELL', command, env: {}, args: {}, timeoutSeconds: 60, hostPatterns: [], batchSize: 0, queueForSeconds: 0, status: 'COMPLETED', createdBy: user, createdAt: new Date(atMs), lastSeq: 0 });
      await em.flush();
      for (const [host, status, durationMs] of targets) em.create(JobTargetRecord, { jobId: j.id, hostId: ids[host]!, hostName: host, status, attempts: 1, stdoutTruncated: false, stderrTruncated: false, queueDeadline: new Date(atMs), durationMs, finishedAt: new Date(atMs + (durationMs ?? 0)) });
      await em.flush();
    };
    // hourly rollups for the two days: web-1 busy (CPU 90 % for 3 hours, 10 % otherwise), db-1 memory-heavy
    for (let h = 0; h < 48; h++) {
      for (const [host, cpuAvg, memUsedAvg] of [['web-1', h < 3 ? 90.5 : 10.2, 2000], ['db-1', 30, 7000]] as const) {
        em.create(MetricRollupRecord, { hostId: ids[host]!, stepSeconds: 3600, bucketStartMs: T0 + h * HOUR, samples: 60, cpuMin: 0, cpuAvg, cpuMax: cpuAvg + 5, memUsedMin: 0, memUsedAvg, memUsedMax: memUsedAvg + 400, memTotalBytes: 8000, load1Avg: 0, load1Max: 0, netRxAvg: 0, netRxMax: 0, netTxAvg: 0, netTxMax: 0, processCountAvg: 0, processCountMax: 0 });
      }
    }
    await em.flush();
    // the chore's daily rollups from those hours (the report reads whole days from them)
    await new DailyRollupService(orm).rollUpRange(T0, T0 + 2 * DAY);
    // daily disk rows for 12 days: web-1 "/" grows 1 GB a day from 10 of 100 GB; db-1 "/data" stays at 50 of 200 GB
    for (let i = 0; i < 12; i++) {
      const day = T0 - 10 * DAY + i * DAY;
      em.create(DiskRollupRecord, { hostId: ids['web-1']!, stepSeconds: 86400, bucketStartMs: day, mount: '/', samples: 1440, usedAvg: (10 + i) * 1e9, usedMax: (10.5 + i) * 1e9, totalMax: 100e9 });
      em.create(DiskRollupRecord, { hostId: ids['db-1']!, stepSeconds: 86400, bucketStartMs: day, mount: '/data', samples: 1440, usedAvg: 50e9, usedMax: 50e9, totalMax: 200e9 });
    }
    await em.flush();
    await job('alice', T0 + HOUR, 'uptime', [['web-1', 'SUCCEEDED', 20], ['web-2', 'FAILED', 30], ['db-1', 'SUCCEEDED', 10]]);
    await job('bob', T0 + DAY + HOUR, 'sleep 5', [['web-1', 'SUCCEEDED', 5000], ['db-1', 'UNREACHABLE', null]]);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  const run = async <T>(query: string, variables: Record<string, unknown> = {}, auth: AuthResult = viewer) => {
    const result = await execute({ schema, document: parse(query), variableValues: variables, contextValue: { em: orm.em.fork(), auth, services: { now: () => new Date(NOW), config: { aliveWindowSeconds: 180 } } } });
    return { data: result.data as T | null, codes: (result.errors ?? []).map((e) => e.extensions.code ?? e.message) };
  };
  const input = (over: Record<string, unknown> = {}) => ({ i: { from: iso(T0), to: iso(T0 + 2 * DAY), ...over } });

  it('availability per label group and day, with its csv', async () => {
    const r = await run<{ reportAvailability: { scope: { by: string; period: string }; rows: Record<string, unknown>[]; csv: string } }>(
      'query($i: ReportInput) { reportAvailability(input: $i) { scope { by period } rows { group periodStart hosts availabilityPercent downtimeMinutes outages longestOutageMinutes } csv } }',
      input({ by: 'label:role', period: 'DAY' }),
    );
    expect(r.codes).toEqual([]);
    expect(r.data?.reportAvailability.scope).toEqual({ by: 'label:role', period: 'DAY' });
    expect(r.data?.reportAvailability.rows).toEqual([
      { group: 'db', periodStart: iso(T0), hosts: 1, availabilityPercent: 100, downtimeMinutes: 0, outages: 0, longestOutageMinutes: 0 },
      { group: 'db', periodStart: iso(T0 + DAY), hosts: 1, availabilityPercent: 100, downtimeMinutes: 0, outages: 0, longestOutageMinutes: 0 },
      { group: 'web', periodStart: iso(T0), hosts: 2, availabilityPercent: 96.875, downtimeMinutes: 90, outages: 2, longestOutageMinutes: 60 },
      { group: 'web', periodStart: iso(T0 + DAY), hosts: 2, availabilityPercent: 97.9167, downtimeMinutes: 60, outages: 1, longestOutageMinutes: 60 },
    ]);
    expect(r.data?.reportAvailability.csv.split('\r\n')).toEqual([
      'group,period_start,period_end,hosts,availability_pct,downtime_min,outages,longest_outage_min,monitored_min',
      `db,${iso(T0)},${iso(T0 + DAY)},1,100,0,0,0,1440`,
      `db,${iso(T0 + DAY)},${iso(T0 + 2 * DAY)},1,100,0,0,0,1440`,
      `web,${iso(T0)},${iso(T0 + DAY)},2,96.875,90,2,60,2880`,
      `web,${iso(T0 + DAY)},${iso(T0 + 2 * DAY)},2,97.9167,60,1,60,2880`,
      '',
    ]);
  });

  it('availability with a selector, and the default range (30 days to now)', async () => {
    const r = await run<{ reportAvailability: { scope: { from: string; to: string }; rows: { group: string; downtimeMinutes: number }[] } }>('query($i: ReportInput) { reportAvailability(input: $i) { scope { from to } rows { group downtimeMinutes } } }', { i: { selector: 'role=web' } });
    expect(r.data?.reportAvailability.scope).toEqual({ from: iso(NOW - 30 * DAY), to: iso(NOW) });
    expect(r.data?.reportAvailability.rows).toEqual([
      { group: 'web-1', downtimeMinutes: 30 },
      { group: 'web-2', downtimeMinutes: 120 },
    ]);
  });

  it('restarts per process and host, and the crash loop', async () => {
    const r = await run<{ reportRestarts: { rows: Record<string, unknown>[]; crashLoops: Record<string, unknown>[]; csv: string } }>(
      'query($i: ReportInput) { reportRestarts(input: $i) { rows { group process hosts restarts exits gaveUp lastAt } crashLoops { host process at restarts exitCode } csv(table: "crash-loops") } }',
      input(),
    );
    expect(r.codes).toEqual([]);
    expect(r.data?.reportRestarts.rows).toEqual([
      { group: 'db-1', process: 'game', hosts: 1, restarts: 0, exits: 1, gaveUp: 0, lastAt: iso(T0 + 3 * HOUR) },
      { group: 'web-1', process: 'game', hosts: 1, restarts: 2, exits: 0, gaveUp: 1, lastAt: iso(T0 + DAY + HOUR) },
    ]);
    expect(r.data?.reportRestarts.crashLoops).toEqual([{ host: 'web-1', process: 'game', at: iso(T0 + DAY + HOUR), restarts: 3, exitCode: 1 }]);
    expect(r.data?.reportRestarts.csv).toBe(`host,process,at,restarts,exit_code,signal\r\nweb-1,game,${iso(T0 + DAY + HOUR)},3,1,\r\n`);
  });

  it('cron per entry and label group, per day; a run before the range is left out', async () => {
    const r = await run<{ reportCron: { rows: Record<string, unknown>[] } }>('query($i: ReportInput) { reportCron(input: $i) { rows { group entry periodStart hosts runs succeeded failures skipped successPercent lastFailureAt } } }', input({ by: 'label:role', period: 'DAY' }));
    expect(r.codes).toEqual([]);
    expect(r.data?.reportCron.rows).toEqual([
      { group: 'web', entry: 'nightly', periodStart: iso(T0), hosts: 2, runs: 2, succeeded: 1, failures: 1, skipped: 0, successPercent: 50, lastFailureAt: iso(T0 + 4 * HOUR) },
      { group: 'web', entry: 'nightly', periodStart: iso(T0 + DAY), hosts: 2, runs: 1, succeeded: 1, failures: 0, skipped: 1, successPercent: 100, lastFailureAt: null },
    ]);
  });

  it('commands per day, per user, per host, and the slowest', async () => {
    const r = await run<{ reportCommands: { days: Record<string, unknown>[]; users: Record<string, unknown>[]; hosts: Record<string, unknown>[]; slowest: Record<string, unknown>[]; csv: string } }>(
      'query($i: ReportInput) { reportCommands(input: $i) { days { periodStart jobs targets succeeded failed unreachable successPercent } users { user jobs targets successPercent } hosts { group targets successPercent } slowest { command host durationMs } csv(table: "users") } }',
      input(),
    );
    expect(r.codes).toEqual([]);
    const c = r.data!.reportCommands;
    expect(c.days).toEqual([
      { periodStart: iso(T0), jobs: 1, targets: 3, succeeded: 2, failed: 1, unreachable: 0, successPercent: 66.67 },
      { periodStart: iso(T0 + DAY), jobs: 1, targets: 2, succeeded: 1, failed: 0, unreachable: 1, successPercent: 50 },
    ]);
    expect(c.users).toEqual([
      { user: 'alice', jobs: 1, targets: 3, successPercent: 66.67 },
      { user: 'bob', jobs: 1, targets: 2, successPercent: 50 },
    ]);
    expect(c.hosts).toEqual([
      { group: 'db-1', targets: 2, successPercent: 50 },
      { group: 'web-1', targets: 2, successPercent: 100 },
      { group: 'web-2', targets: 1, successPercent: 0 },
    ]);
    expect(c.slowest.map((s) => [s.command, s.host, s.durationMs])).toEqual([
      ['sleep 5', 'web-1', 5000],
      ['uptime', 'web-2', 30],
      ['uptime', 'web-1', 20],
      ['uptime', 'db-1', 10],
    ]);
    expect(c.csv).toBe('user,jobs,targets,succeeded,failed,unreachable,cancelled,pending,success_pct\r\nalice,1,3,2,1,0,0,0,66.67\r\nbob,1,2,1,0,1,0,0,50\r\n');
    const narrowed = await run<{ reportCommands: { days: { jobs: number; targets: number }[] } }>('query($i: ReportInput) { reportCommands(input: $i) { days { jobs targets } } }', input({ selector: 'role=db' }));
    expect(narrowed.data?.reportCommands.days).toEqual([
      { jobs: 1, targets: 1 },
      { jobs: 1, targets: 1 },
    ]);
  });

  it('resources: top hosts by CPU and memory from the hourly rollups', async () => {
    const r = await run<{ reportResources: { cpu: Record<string, unknown>[]; memory: { host: string }[]; csv: string } }>('query($i: ReportInput) { reportResources(input: $i, top: 5) { cpu { host hours cpuP95 cpuMax memP95 memMax } memory { host } csv } }', input());
    expect(r.codes).toEqual([]);
    expect(r.data?.reportResources.cpu).toEqual([
      // 48 hours, 3 of them at 90 %: the 95th percentile is rank 46 of 48, the first busy hour
      { host: 'web-1', hours: 48, cpuP95: 90, cpuMax: 95.5, memP95: 25, memMax: 30 },
      { host: 'db-1', hours: 48, cpuP95: 30, cpuMax: 35, memP95: 87, memMax: 92.5 },
    ]);
    expect(r.data?.reportResources.memory.map((x) => x.host)).toEqual(['db-1', 'web-1']);
    expect(r.data?.reportResources.csv.split('\r\n')[2]).toBe('db-1,48,30,35,87,92.5');
    const top1 = await run<{ reportResources: { cpu: unknown[] } }>('query($i: ReportInput) { reportResources(input: $i, top: 1) { cpu { host } } }', input());
    expect(top1.data?.reportResources.cpu).toHaveLength(1);
    const bad = await run('query($i: ReportInput) { reportResources(input: $i, top: 0) { cpu { host } } }', input());
    expect(bad.codes).toEqual(['BAD_USER_INPUT']);
  });

  it('resources: a range that starts mid-day takes its first hours from the hourly rollups, the whole day after from the daily ones', async () => {
    const r = await run<{ reportResources: { cpu: Record<string, unknown>[] } }>('query($i: ReportInput) { reportResources(input: $i) { cpu { host hours cpuP95 cpuMax memP95 memMax } } }', { i: { from: iso(T0 + 12 * HOUR), to: iso(T0 + 2 * DAY) } });
    expect(r.data?.reportResources.cpu).toEqual([
      { host: 'db-1', hours: 36, cpuP95: 30, cpuMax: 35, memP95: 87, memMax: 92.5 },
      { host: 'web-1', hours: 36, cpuP95: 10, cpuMax: 15.2, memP95: 25, memMax: 30 },
    ]);
  });

  it('resources: fullest disks and the disk-full forecast from the daily disk rollups', async () => {
    const r = await run<{ reportResources: { disks: unknown[]; forecast: unknown[]; csv: string } }>(
      'query($i: ReportInput) { reportResources(input: $i) { disks { host mount days usedP95 usedMax sizeBytes } forecast { host mount days sizeBytes usedPercent growthBytesPerDay trend daysUntilFull fullAt } csv(table: "forecast") } }',
      { i: { from: iso(T0 - 10 * DAY), to: iso(T0 + 2 * DAY) } },
    );
    expect(r.codes).toEqual([]);
    expect(r.data?.reportResources.disks).toEqual([
      { host: 'db-1', mount: '/data', days: 12, usedP95: 25, usedMax: 25, sizeBytes: 200e9 },
      { host: 'web-1', mount: '/', days: 12, usedP95: 21, usedMax: 21.5, sizeBytes: 100e9 },
    ]);
    // the line through the daily averages reaches 21.5 GB at the end of the range and grows 1 GB a day: 78.5 days left
    expect(r.data?.reportResources.forecast).toEqual([
      { host: 'web-1', mount: '/', days: 12, sizeBytes: 100e9, usedPercent: 21.5, growthBytesPerDay: 1e9, trend: 'GROWING', daysUntilFull: 78.5, fullAt: iso(T0 + 2 * DAY + 78.5 * DAY) },
      { host: 'db-1', mount: '/data', days: 12, sizeBytes: 200e9, usedPercent: 25, growthBytesPerDay: 0, trend: 'NOT_GROWING', daysUntilFull: null, fullAt: null },
    ]);
    expect(r.data?.reportResources.csv.split('\r\n')).toEqual([
      'host,mount,days,size_bytes,used_pct,growth_bytes_per_day,trend,days_until_full,full_at',
      `web-1,/,12,100000000000,21.5,1000000000,GROWING,78.5,${iso(T0 + 2 * DAY + 78.5 * DAY)}`,
      'db-1,/data,12,200000000000,25,0,NOT_GROWING,,',
      '',
    ]);
  });

  it('an empty range gives no rows', async () => {
    const r = await run<{ reportRestarts: { rows: unknown[]; crashLoops: unknown[] }; reportCron: { rows: unknown[] } }>('query($i: ReportInput) { reportRestarts(input: $i) { rows { process } crashLoops { host } } reportCron(input: $i) { rows { entry } } }', { i: { from: iso(T0 - 9 * DAY), to: iso(T0 - 8 * DAY) } });
    expect(r.data).toEqual({ reportRestarts: { rows: [], crashLoops: [] }, reportCron: { rows: [] } });
  });

  const refusals = [
    { name: 'no session', vars: input(), auth: anonymous, code: 'UNAUTHENTICATED' },
    { name: 'an agent', vars: input(), auth: agent, code: 'FORBIDDEN' },
    { name: 'from after to', vars: { i: { from: iso(T0 + DAY), to: iso(T0) } }, auth: viewer, code: 'BAD_USER_INPUT' },
    { name: 'a range over 400 days', vars: { i: { from: iso(T0 - 500 * DAY), to: iso(T0) } }, auth: viewer, code: 'BAD_USER_INPUT' },
    { name: 'a bad grouping', vars: input({ by: 'owner' }), auth: viewer, code: 'BAD_USER_INPUT' },
    { name: 'a bad selector', vars: input({ selector: 'role in (' }), auth: viewer, code: 'BAD_USER_INPUT' },
  ];
  it.each(refusals)('refuses $name', async (c) => {
    const r = await run('query($i: ReportInput) { reportAvailability(input: $i) { rows { group } } }', c.vars, c.auth);
    expect(r.codes).toEqual([c.code]);
  });

  it('refuses a csv table the report does not have', async () => {
    const r = await run('query($i: ReportInput) { reportCron(input: $i) { csv(table: "nope") } }', input());
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
  });
});
