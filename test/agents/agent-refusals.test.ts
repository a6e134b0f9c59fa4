import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrollmentTokenRecord } from '../../db/entities/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { codes, gql, login, wsClient, wsOnce } from '../helpers/graphql.js';
import { waitFor } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const ENROLL = 'mutation($t: String!, $n: String!) { enrollAgent(token: $t, name: $n) { hostId hostName secret } }';
const AUDIT = 'query($f: AuditFilterInput) { auditEvents(filter: $f, first: 50) { nodes { actor action target outcome reason } } }';
type Enrolled = { hostId: number; hostName: string; secret: string };

describe.each(databaseKinds())('agents that must be refused, on $name', (kind) => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: string;

  const newToken = async (maxUses = 1) => (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation($i: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $i) { token } }', { i: { maxUses } }, admin)).data!.createEnrollmentToken.token;
  const enroll = (token: string, name: string) => gql<{ enrollAgent: Enrolled }>(server.url, ENROLL, { t: token, n: name });
  const audit = async (filter: Record<string, unknown>) => (await gql<{ auditEvents: { nodes: { actor: string; action: string; target: string; outcome: string; reason: string }[] } }>(server.url, AUDIT, { f: filter }, admin)).data!.auditEvents.nodes;
  const hostCount = async () => (await gql<{ fleetSummary: { total: number; revoked: number } }>(server.url, '{ fleetSummary { total revoked } }', {}, admin)).data!.fleetSummary;
  const agentSocket = (e: Enrolled) => wsClient(server.url, { hostId: e.hostId, secret: e.secret, agentVersion: 'test' });

  beforeAll(async () => {
    db = await kind.create();
    server = await startTestServer(db.url, { IOMS_LIVENESS_SWEEP_SECONDS: '1' });
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('refuses an unknown token with an audit row and no host', async () => {
    const before = await hostCount();
    const r = await enroll('iomsenr_not-a-token', 'intruder');
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.errors?.[0]?.message).toBe('unknown enrollment token');
    expect(await hostCount()).toEqual(before);
    expect((await audit({ action: 'enrollAgent', outcome: 'DENIED' })).map((a) => a.target)).toContain('intruder');
  });

  it('refuses an expired token', async () => {
    const t = await newToken();
    const em = server.services.orm.em.fork();
    await em.nativeUpdate(EnrollmentTokenRecord, { maxUses: 1, uses: 0 }, { expiresAt: new Date(Date.now() - 1000) });
    const r = await enroll(t, 'late');
    expect(r.errors?.[0]?.message).toBe('the enrollment token has expired');
  });

  it('refuses a used-up token, and a second host under a taken name', async () => {
    const t = await newToken(1);
    const first = await enroll(t, 'web-01');
    expect(first.errors).toBeUndefined();
    expect(first.data!.enrollAgent.secret).toMatch(/^iomshost_/);
    expect((await enroll(t, 'web-02')).errors?.[0]?.message).toBe('the enrollment token has no uses left');
    const other = await newToken(1);
    const dup = await enroll(other, 'web-01');
    expect(dup.errors?.[0]?.message).toMatch(/already enrolled/);
    // The first host's credential still works.
    const { client } = agentSocket(first.data!.enrollAgent);
    const beat = await wsOnce(client, 'mutation($r: String!) { reportHeartbeat(report: $r) }', { r: JSON.stringify({ seq: 0, at: new Date().toISOString() }) });
    expect(beat.data).toEqual({ reportHeartbeat: true });
    await client.dispose();
  });

  it('refuses an agent presenting another host’s id, with an audit row, changing nothing', async () => {
    const a = (await enroll(await newToken(), 'host-a')).data!.enrollAgent;
    const b = (await enroll(await newToken(), 'host-b')).data!.enrollAgent;
    const { client, closed } = wsClient(server.url, { hostId: b.hostId, secret: a.secret });
    expect((await closed).code).toBe(4401);
    await client.dispose();
    const rows = await audit({ action: 'agentConnect', outcome: 'DENIED' });
    expect(rows.map((r) => r.target)).toContain(String(b.hostId));
    const hostB = await gql<{ host: { online: boolean; lastSeenAt: string | null } }>(server.url, '{ host(name: "host-b") { online lastSeenAt } }', {}, admin);
    expect(hostB.data?.host).toEqual({ online: false, lastSeenAt: null });
  });

  it('rejects malformed and oversized reports without harming other agents', async () => {
    const bad = (await enroll(await newToken(), 'noisy')).data!.enrollAgent;
    const good = (await enroll(await newToken(), 'quiet')).data!.enrollAgent;
    const noisy = agentSocket(bad);
    const quiet = agentSocket(good);
    for (const report of ['{not json', JSON.stringify({ seq: -1, at: 'yesterday' }), JSON.stringify({ hostname: 'x'.repeat(600_000) })]) {
      const r = await wsOnce(noisy.client, 'mutation($r: String!) { reportInventory(report: $r) }', { r: report });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    }
    expect((await audit({ action: 'report:inventory', outcome: 'FAILURE' })).filter((a) => a.actor === 'noisy').length).toBe(1); // one row per burst of refusals (its count follows when the burst ends)
    // A message over the socket limit closes that socket only.
    noisy.client.subscribe({ query: 'mutation($r: String!) { reportInventory(report: $r) }', variables: { r: 'x'.repeat(5 * 1024 * 1024) } }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    expect((await noisy.closed).code).toBe(1009);
    const beat = await wsOnce(quiet.client, 'mutation($r: String!) { reportHeartbeat(report: $r) }', { r: JSON.stringify({ seq: 1, at: new Date().toISOString() }) });
    expect(beat.data).toEqual({ reportHeartbeat: true });
    await noisy.client.dispose();
    await quiet.client.dispose();
  });

  it('keeps users and agents apart', async () => {
    const r = await gql(server.url, 'mutation { reportHeartbeat(report: "{}") }', {}, admin);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    const e = (await enroll(await newToken(), 'curious')).data!.enrollAgent;
    const { client } = agentSocket(e);
    expect(codes(await wsOnce(client, '{ users { username } }'))).toEqual(['FORBIDDEN']);
    expect(codes(await wsOnce(client, 'mutation { createEnrollmentToken(input: {}) { token } }'))).toEqual(['FORBIDDEN']);
    await client.dispose();
  });

  it('closes a revoked host’s socket within seconds and refuses its reconnects', async () => {
    const e = (await enroll(await newToken(), 'doomed')).data!.enrollAgent;
    const { client, closed } = agentSocket(e);
    await wsOnce(client, 'mutation($r: String!) { reportHeartbeat(report: $r) }', { r: JSON.stringify({ seq: 0, at: new Date().toISOString() }) });
    await waitFor(async () => (await gql<{ host: { online: boolean } }>(server.url, '{ host(name: "doomed") { online } }', {}, admin)).data?.host.online, 5000, 'doomed online');
    const watcher = wsClient(server.url, { token: admin });
    const update = new Promise<{ name: string; revoked: boolean }>((resolve) => {
      watcher.client.subscribe<{ hostUpdated: { name: string; revoked: boolean } }>({ query: 'subscription { hostUpdated { name revoked } }' }, { next: (v) => v.data?.hostUpdated.revoked && resolve(v.data.hostUpdated), error: () => undefined, complete: () => undefined });
    });
    await new Promise((r) => setTimeout(r, 200));
    const revoked = await gql(server.url, 'mutation { revokeHost(name: "doomed") { revoked online } }', {}, admin);
    expect(await update).toEqual({ name: 'doomed', revoked: true });
    await watcher.client.dispose();
    expect(revoked.data).toEqual({ revokeHost: { revoked: true, online: false } });
    expect((await closed).code).toBe(4403);
    await client.dispose();
    const again = agentSocket(e);
    expect((await again.closed).code).toBe(4403);
    await again.client.dispose();
    const rows = await audit({ action: 'agentConnect', outcome: 'DENIED' });
    expect(rows.some((r) => r.reason === 'host doomed has been revoked')).toBe(true);
    expect((await audit({ action: 'revokeHost' })).map((r) => r.outcome)).toEqual(['SUCCESS']);
  });
});
