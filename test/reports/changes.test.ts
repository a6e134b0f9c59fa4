import 'reflect-metadata';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessGuard } from '../../api/auth/access.js';
import type { AuthResult } from '../../api/auth/principal.js';
import { DateTimeScalar } from '../../api/graphql/scalars.js';
import { AgentChangesResolver } from '../../api/manifests/agent-changes.resolver.js';
import { ReportResolver } from '../../api/reports/report.resolver.js';
import { AgentChangeRecord, HostRecord, ProcessRestartRecord } from '../../db/entities/index.js';
import { migrateDatabase, openDatabase, type Orm } from '../../db/orm.js';
import type { ChangeRecord } from '../../protocol/change-report.schema.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 2);
const NOW = T0 + 2 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const viewer: AuthResult = { ok: true, principal: { kind: 'user', userId: 1, username: 'val', role: 'VIEWER', sessionHash: 'h' } };

const change = (id: string, atMs: number, over: Partial<ChangeRecord> = {}): ChangeRecord => ({ id: `change-${id}`, at: iso(atMs), key: 'file:/etc/app.conf', action: 'PutFile', reason: 'MISSING', kind: 'INTENDED', outcome: 'DONE', hash: 'h1', revision: 1, ...over });

/**
 * The changes report through `execute` on each database: changes sent by two agents through the
 * report mutation (one batch sent twice), supervisor restarts beside them, counted per resource,
 * host or label group and day.
 */
describe.each(databaseKinds())('the changes report on $name', (kind) => {
  let db: TestDatabase;
  let orm: Orm;
  let schema: GraphQLSchema;
  const ids: Record<string, number> = {};
  const run = async <T>(query: string, variables: Record<string, unknown>, auth: AuthResult = viewer) => {
    const result = await execute({ schema, document: parse(query), variableValues: variables, contextValue: { em: orm.em.fork(), auth, services: { now: () => new Date(NOW), config: { aliveWindowSeconds: 180 } } } });
    return { data: result.data as T | null, codes: (result.errors ?? []).map((e) => e.extensions.code ?? e.message) };
  };
  const send = (host: string, changes: ChangeRecord[]) =>
    run<{ reportAppliedChanges: boolean }>('mutation($r: String!) { reportAppliedChanges(report: $r) }', { r: JSON.stringify(changes) }, { ok: true, principal: { kind: 'agent', hostId: ids[host]!, hostName: host } });

  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [ReportResolver, AgentChangesResolver], globalMiddlewares: [accessGuard], scalarsMap: [{ type: Date, scalar: DateTimeScalar }], validate: false });
    db = await kind.create();
    orm = await openDatabase(db.url);
    await migrateDatabase(orm);
    const em = orm.em.fork();
    for (const [name, role] of [['web-1', 'web'], ['web-2', 'web'], ['db-1', 'db']] as const) {
      const h = em.create(HostRecord, { name, credentialHash: 'x'.repeat(64), enrolledAt: new Date(T0 - 10 * DAY), agentLabels: { role }, serverLabels: {}, online: true, alive: true });
      await em.flush();
      ids[name] = h.id;
    }
    em.create(ProcessRestartRecord, { hostId: ids['web-1']!, process: 'game', at: new Date(T0 + 5 * HOUR), count: 1, outcome: 'RESTART', exitCode: null, signal: 'SIGKILL' });
    em.create(ProcessRestartRecord, { hostId: ids['web-1']!, process: 'game', at: new Date(T0 + 6 * HOUR), count: 0, outcome: 'EXIT', exitCode: 0, signal: null });
    await em.flush();
    const batch = [change('a1', T0 + HOUR), change('a2', T0 + 2 * HOUR, { reason: 'CHECKSUM_MISMATCH', kind: 'CORRECTIVE' })];
    for (const r of [await send('web-1', batch), await send('web-1', batch), await send('web-1', [change('a3', T0 + DAY + HOUR, { kind: 'CORRECTIVE', outcome: 'FAILED', error: 'disk full' })]), await send('web-2', [change('b1', T0 + 3 * HOUR, { kind: 'CORRECTIVE', reason: 'CHECKSUM_MISMATCH' })])]) {
      expect(r.codes).toEqual([]);
    }
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  const ROWS = 'rows { group resource periodStart hosts changes intended corrective restarts failed lastAt }';

  it('stores a redelivered change once', async () => {
    expect(await orm.em.fork().count(AgentChangeRecord, {})).toBe(4);
  });

  it('per host and resource over the range, supervisor restarts counted as corrective', async () => {
    const r = await run<{ reportChanges: { rows: unknown[] } }>(`query($i: ReportInput) { reportChanges(input: $i) { ${ROWS} } }`, { i: { from: iso(T0), to: iso(T0 + 2 * DAY) } });
    expect(r.codes).toEqual([]);
    expect(r.data?.reportChanges.rows).toEqual([
      { group: 'web-1', resource: 'file:/etc/app.conf', periodStart: iso(T0), hosts: 1, changes: 3, intended: 1, corrective: 2, restarts: 0, failed: 1, lastAt: iso(T0 + DAY + HOUR) },
      { group: 'web-1', resource: 'process:game', periodStart: iso(T0), hosts: 1, changes: 1, intended: 0, corrective: 1, restarts: 1, failed: 0, lastAt: iso(T0 + 5 * HOUR) },
      { group: 'web-2', resource: 'file:/etc/app.conf', periodStart: iso(T0), hosts: 1, changes: 1, intended: 0, corrective: 1, restarts: 0, failed: 0, lastAt: iso(T0 + 3 * HOUR) },
    ]);
  });

  it('per label group and day, with the newest changes and both CSV tables', async () => {
    const r = await run<{ reportChanges: { rows: unknown[]; changes: unknown[]; csv: string; list: string } }>(
      `query($i: ReportInput) { reportChanges(input: $i) { ${ROWS} changes { host at resource action reason kind outcome revision error } csv list: csv(table: "list") } }`,
      { i: { from: iso(T0), to: iso(T0 + 2 * DAY), by: 'label:role', period: 'DAY' } },
    );
    expect(r.codes).toEqual([]);
    expect(r.data?.reportChanges.rows).toEqual([
      { group: 'web', resource: 'file:/etc/app.conf', periodStart: iso(T0), hosts: 2, changes: 3, intended: 1, corrective: 2, restarts: 0, failed: 0, lastAt: iso(T0 + 3 * HOUR) },
      { group: 'web', resource: 'file:/etc/app.conf', periodStart: iso(T0 + DAY), hosts: 1, changes: 1, intended: 0, corrective: 1, restarts: 0, failed: 1, lastAt: iso(T0 + DAY + HOUR) },
      { group: 'web', resource: 'process:game', periodStart: iso(T0), hosts: 1, changes: 1, intended: 0, corrective: 1, restarts: 1, failed: 0, lastAt: iso(T0 + 5 * HOUR) },
    ]);
    expect(r.data?.reportChanges.changes).toEqual([
      { host: 'web-1', at: iso(T0 + DAY + HOUR), resource: 'file:/etc/app.conf', action: 'PutFile', reason: 'MISSING', kind: 'CORRECTIVE', outcome: 'FAILED', revision: 1, error: 'disk full' },
      { host: 'web-1', at: iso(T0 + 5 * HOUR), resource: 'process:game', action: 'SupervisorRestart', reason: 'EXITED', kind: 'CORRECTIVE', outcome: 'DONE', revision: null, error: null },
      { host: 'web-2', at: iso(T0 + 3 * HOUR), resource: 'file:/etc/app.conf', action: 'PutFile', reason: 'CHECKSUM_MISMATCH', kind: 'CORRECTIVE', outcome: 'DONE', revision: 1, error: null },
      { host: 'web-1', at: iso(T0 + 2 * HOUR), resource: 'file:/etc/app.conf', action: 'PutFile', reason: 'CHECKSUM_MISMATCH', kind: 'CORRECTIVE', outcome: 'DONE', revision: 1, error: null },
      { host: 'web-1', at: iso(T0 + HOUR), resource: 'file:/etc/app.conf', action: 'PutFile', reason: 'MISSING', kind: 'INTENDED', outcome: 'DONE', revision: 1, error: null },
    ]);
    expect(r.data?.reportChanges.csv.split('\r\n')[0]).toBe('group,resource,period_start,period_end,hosts,changes,intended,corrective,restarts,failed,last_at');
    expect(r.data?.reportChanges.csv.split('\r\n')[2]).toBe(`web,file:/etc/app.conf,${iso(T0 + DAY)},${iso(T0 + 2 * DAY)},1,1,0,1,0,1,${iso(T0 + DAY + HOUR)}`);
    expect(r.data?.reportChanges.list.split('\r\n')[1]).toBe(`web-1,${iso(T0 + DAY + HOUR)},file:/etc/app.conf,PutFile,MISSING,CORRECTIVE,FAILED,1,disk full`);
  });

  it('a selector narrows the hosts; a range without changes gives no rows', async () => {
    const only = await run<{ reportChanges: { rows: { group: string }[] } }>(`query($i: ReportInput) { reportChanges(input: $i) { ${ROWS} } }`, { i: { from: iso(T0), to: iso(T0 + 2 * DAY), selector: 'role=web', by: 'host' } });
    expect(only.data?.reportChanges.rows.map((x) => x.group)).toEqual(['web-1', 'web-1', 'web-2']);
    const db1 = await run<{ reportChanges: { rows: unknown[]; changes: unknown[] } }>(`query($i: ReportInput) { reportChanges(input: $i) { ${ROWS} changes { host } } }`, { i: { from: iso(T0), to: iso(T0 + 2 * DAY), selector: 'role=db' } });
    expect(db1.data?.reportChanges).toEqual({ rows: [], changes: [] });
    const empty = await run<{ reportChanges: { rows: unknown[] } }>(`query($i: ReportInput) { reportChanges(input: $i) { ${ROWS} } }`, { i: { from: iso(T0 - 5 * DAY), to: iso(T0 - 4 * DAY) } });
    expect(empty.data?.reportChanges.rows).toEqual([]);
  });
});
