import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf } from '../../api/auth/access.js';
import { buildIomsSchema } from '../../api/graphql/schema.js';
import { createPubSub } from '../../api/pubsub/pubsub.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { codes, gql, login, type GqlResult } from '../helpers/graphql.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';
import { auditUnwritable, databaseSnapshot } from '../helpers/audit-faults.js';

const MANIFEST = (name: string) => `apiVersion: ioms/v1\nkind: Profile\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: { role: nowhere }\n  crontab:\n    - name: tick\n      schedule: "0 4 * * *"\n      command: "true"\n`;

/** What the walk needs to exist before the audit log fails. */
interface World {
  readonly url: string;
  readonly admin: string;
  readonly spareSession: string;
  readonly enrollToken: string;
  readonly revocableTokenId: string;
  readonly jobs: { cancel: string; pause: string; resume: string };
}

interface MutationCase {
  /** The schema field (or HTTP route) this case exercises. */
  readonly field: string;
  readonly run: (w: World) => Promise<GqlResult>;
}

const call = (query: string, variables: Record<string, unknown> = {}, as: 'admin' | 'anonymous' | 'spare' = 'admin') => (w: World) => gql(w.url, query, variables, as === 'admin' ? w.admin : as === 'spare' ? w.spareSession : undefined);

/** Pushes an artifact over HTTP and answers in the GraphQL result shape, for one table. */
const pushArtifact = (name: string, version: string) => async (w: World): Promise<GqlResult> => {
  const body = crypto.randomBytes(64);
  const res = await fetch(`${w.url}/artifacts/${name}?version=${version}`, { method: 'PUT', body, headers: { authorization: `Bearer ${w.admin}`, 'content-type': 'application/octet-stream' } });
  const json = (await res.json()) as GqlResult;
  return res.ok ? { status: res.status, data: json as unknown as Record<string, unknown> } : { ...json, status: res.status };
};

/** One case per audited mutation (the walk below fails when a mutation has none). */
const CASES: readonly MutationCase[] = [
  { field: 'login', run: (w) => gql(w.url, 'mutation { login(username: "admin", password: "' + ADMIN_PASSWORD + '") { token } }') },
  { field: 'logout', run: call('mutation { logout }', {}, 'spare') },
  { field: 'createUser', run: call('mutation($i: CreateUserInput!) { createUser(input: $i) { username } }', { i: { username: 'walk-new', password: 'walk-new-password', role: 'VIEWER' } }) },
  { field: 'updateUser', run: call('mutation($i: UpdateUserInput!) { updateUser(username: "walk-update", input: $i) { role } }', { i: { role: 'ADMIN' } }) },
  { field: 'deleteUser', run: call('mutation { deleteUser(username: "walk-delete") { username } }') },
  { field: 'unlockUser', run: call('mutation { unlockUser(username: "admin") { username } }') },
  { field: 'enrollAgent', run: (w) => gql(w.url, 'mutation($t: String!) { enrollAgent(token: $t, name: "walk-new-host") { hostId } }', { t: w.enrollToken }) },
  { field: 'createEnrollmentToken', run: call('mutation { createEnrollmentToken(input: { maxUses: 1 }) { token } }') },
  { field: 'revokeEnrollmentToken', run: (w) => call('mutation($id: ID!) { revokeEnrollmentToken(id: $id) { id } }', { id: w.revocableTokenId })(w) },
  { field: 'setHostLabels', run: call('mutation { setHostLabels(name: "walk-labels", set: { tier: "gold" }) { name } }') },
  { field: 'revokeHost', run: call('mutation { revokeHost(name: "walk-revoke") { name } }') },
  { field: 'deleteHost', run: call('mutation { deleteHost(name: "walk-delete") }') },
  { field: 'runCommand', run: call('mutation { runCommand(input: { hosts: ["walk-labels"], command: "true", queueForSeconds: 3600 }) { id } }') },
  { field: 'cancelJob', run: (w) => call('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: w.jobs.cancel })(w) },
  { field: 'pauseJob', run: (w) => call('mutation($id: ID!) { pauseJob(id: $id) { id } }', { id: w.jobs.pause })(w) },
  { field: 'resumeJob', run: (w) => call('mutation($id: ID!) { resumeJob(id: $id) { id } }', { id: w.jobs.resume })(w) },
  { field: 'deleteArtifact', run: call('mutation { deleteArtifact(name: "walk-delete") { deleted { name } } }') },
  { field: 'verifyArtifacts', run: call('mutation { verifyArtifacts { checked } }') },
  { field: 'applyManifests', run: call('mutation($i: ApplyManifestsInput!) { applyManifests(input: $i) { revision { id } } }', { i: { files: [{ path: 'walk-b.yaml', content: MANIFEST('walk-b') }] } }) },
  { field: 'rollbackManifests', run: call('mutation { rollbackManifests(revision: 1) { revision { id } } }') },
  { field: 'PUT /artifacts/:name', run: pushArtifact('walk-push', '1') },
];

/** Agent telemetry: not operator changes, not audited one by one (refusals are; see docs/security.md). */
const REPORTS = ['reportHeartbeat', 'reportInventory', 'reportMetrics', 'reportCommandStarted', 'reportCommandResult', 'reportObservedState', 'reportProcessEvents', 'reportCronRuns', 'reportProcessLogs', 'reportAppliedChanges'];

describe('the walk covers the schema', () => {
  it('has a case for every audited mutation, and every other one is an agent report', async () => {
    const schema = await buildIomsSchema(createPubSub());
    const fields = Object.values(schema.getMutationType()!.getFields());
    const audited = fields.filter((f) => accessOf(f)?.audit !== 'REPORT').map((f) => f.name).sort();
    expect(CASES.map((c) => c.field).filter((f) => !f.includes('/')).sort()).toEqual(audited);
    expect(fields.filter((f) => accessOf(f)?.audit === 'REPORT').map((f) => f.name).sort()).toEqual([...REPORTS].sort());
  });
});

describe.each(databaseKinds())('with the audit table unwritable on $name', (kind) => {
  let db: TestDatabase;
  let server: TestServer;
  let world: World;

  beforeAll(async () => {
    db = await kind.create();
    server = await startTestServer(db.url);
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const ok = async (query: string, variables: Record<string, unknown> = {}) => {
      const r = await gql<Record<string, Record<string, string>>>(server.url, query, variables, admin);
      expect(r.errors, query).toBeUndefined();
      return r.data!;
    };
    for (const u of ['walk-update', 'walk-delete']) await ok('mutation($i: CreateUserInput!) { createUser(input: $i) { username } }', { i: { username: u, password: `${u}-password`, role: 'VIEWER' } });
    const token = (await ok('mutation { createEnrollmentToken(input: { maxUses: 10 }) { token } }')).createEnrollmentToken!.token!;
    for (const h of ['walk-labels', 'walk-revoke', 'walk-delete']) await ok('mutation($t: String!, $n: String!) { enrollAgent(token: $t, name: $n) { hostId } }', { t: token, n: h });
    const revocable = (await ok('mutation { createEnrollmentToken(input: { maxUses: 1 }) { enrollmentToken { id } } }')).createEnrollmentToken as unknown as { enrollmentToken: { id: string } };
    const job = async () => (await ok('mutation { runCommand(input: { hosts: ["walk-labels"], command: "true", queueForSeconds: 3600 }) { id } }')).runCommand!.id!;
    const jobs = { cancel: await job(), pause: await job(), resume: await job() };
    await ok('mutation($id: ID!) { pauseJob(id: $id) { id } }', { id: jobs.resume });
    expect((await pushArtifact('walk-delete', '1')({ url: server.url, admin } as World)).errors).toBeUndefined();
    await ok('mutation($i: ApplyManifestsInput!) { applyManifests(input: $i) { revision { id } } }', { i: { files: [{ path: 'walk-a.yaml', content: MANIFEST('walk-a') }] } });
    await ok('mutation($i: ApplyManifestsInput!) { applyManifests(input: $i) { revision { id } } }', { i: { files: [{ path: 'walk-a.yaml', content: MANIFEST('walk-a2') }] } });
    world = { url: server.url, admin, spareSession: await login(server.url, 'admin', ADMIN_PASSWORD), enrollToken: token, revocableTokenId: revocable.enrollmentToken.id, jobs };
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it.each(CASES)('$field is refused with AUDIT_UNAVAILABLE and changes nothing', async (c) => {
    const orm = server.services.orm;
    const restore = await auditUnwritable(orm);
    try {
      const before = await databaseSnapshot(orm);
      const r = await c.run(world);
      expect(codes(r), JSON.stringify(r)).toEqual(['AUDIT_UNAVAILABLE']);
      expect(await databaseSnapshot(orm)).toEqual(before);
    } finally {
      await restore();
    }
  });

  it.each(CASES)('$field works once the audit log is back, with one audit row (the walk’s cases are real)', async (c) => {
    const orm = server.services.orm;
    const count = async () => Number(((await orm.em.getConnection().execute('select count(*) as n from audit_events')) as { n: number }[])[0]!.n);
    const before = await count();
    const r = await c.run(world);
    expect(r.errors, JSON.stringify(r)).toBeUndefined();
    expect(await count()).toBe(before + 1);
  });

  it('a refused mutation (viewer, NUL byte) is refused too while the audit log is down, and audited once it is back', async () => {
    const orm = server.services.orm;
    const restore = await auditUnwritable(orm);
    try {
      const r = await gql(server.url, 'mutation { deleteUser(username: "walk\\u0000x") { username } }', {}, world.admin);
      expect(codes(r)).toEqual(['AUDIT_UNAVAILABLE']);
    } finally {
      await restore();
    }
    const r = await gql(server.url, 'mutation { deleteUser(username: "walk\\u0000x") { username } }', {}, world.admin);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const rows = await gql<{ auditEvents: { nodes: { target: string; outcome: string }[] } }>(server.url, '{ auditEvents(filter: { action: "deleteUser" }, first: 5) { nodes { target outcome } } }', {}, world.admin);
    expect(rows.data!.auditEvents.nodes[0]).toEqual({ target: 'walk\\u0000x', outcome: 'FAILURE' });
  });
});
