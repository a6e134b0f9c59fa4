import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { codes, gql, login, wsClient, wsOnce } from '../helpers/graphql.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { username role allowList disabled } }';
const UPDATE_USER = 'mutation($u: String!, $input: UpdateUserInput!) { updateUser(username: $u, input: $input) { username disabled allowList } }';
const AUDIT = 'query($f: AuditFilterInput) { auditEvents(filter: $f, first: 100) { nodes { actor ip action target args outcome reason } } }';

describe.each(databaseKinds())('authentication and authorization on $name', (kind) => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    db = await kind.create();
    server = await startTestServer(db.url, { IOMS_LOGIN_MAX_FAILURES_PER_USER: '3' });
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    for (const [username, role, allowList] of [
      ['viewer1', 'VIEWER', []],
      ['operator1', 'OPERATOR', []],
      ['faraway', 'ADMIN', ['10.20.0.0/16', '2001:db8::/32']],
    ] as const) {
      const r = await gql(server.url, CREATE_USER, { input: { username, password: `${username}-password`, role, allowList } }, admin);
      expect(r.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('refuses every protected field without a token, with UNAUTHENTICATED', async () => {
    for (const query of ['{ me { username } }', '{ users { username } }', '{ auditEvents { nodes { id } } }', 'mutation { logout }', 'mutation { deleteUser(username: "viewer1") { username } }']) {
      const r = await gql(server.url, query);
      expect(codes(r), query).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('refuses a made-up token', async () => {
    expect(codes(await gql(server.url, '{ me { username } }', {}, 'ioms_not-a-real-token'))).toEqual(['UNAUTHENTICATED']);
  });

  it('lets the admin see itself', async () => {
    const r = await gql<{ me: { username: string; role: string } }>(server.url, '{ me { username role } }', {}, admin);
    expect(r.data?.me).toEqual({ username: 'admin', role: 'ADMIN' });
  });

  it('refuses an admin mutation from a viewer with FORBIDDEN, changes nothing, and audits the refusal', async () => {
    const viewer = await login(server.url, 'viewer1', 'viewer1-password');
    const r = await gql(server.url, CREATE_USER, { input: { username: 'sneaky', password: 'sneaky-password', role: 'ADMIN' } }, viewer);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    const users = await gql<{ users: { username: string }[] }>(server.url, '{ users { username } }', {}, admin);
    expect(users.data?.users.map((u) => u.username)).not.toContain('sneaky');
    const audit = await gql<{ auditEvents: { nodes: { actor: string; action: string; outcome: string; args: { input: { password: string } } }[] } }>(server.url, AUDIT, { f: { action: 'createUser', outcome: 'DENIED' } }, admin);
    const row = audit.data?.auditEvents.nodes.find((n) => n.actor === 'viewer1');
    expect(row?.outcome).toBe('DENIED');
    expect(row?.args.input.password).toBe('[REDACTED]');
    expect(JSON.stringify(audit.data)).not.toContain('sneaky-password');
  });

  it('lets an operator read but not manage users', async () => {
    const op = await login(server.url, 'operator1', 'operator1-password');
    expect(codes(await gql(server.url, '{ users { username } }', {}, op))).toEqual(['FORBIDDEN']);
    expect((await gql(server.url, '{ me { role } }', {}, op)).data).toEqual({ me: { role: 'OPERATOR' } });
  });

  it('audits every login attempt with the client address', async () => {
    await gql(server.url, 'mutation { login(username: "viewer1", password: "wrong-password") { token } }');
    const audit = await gql<{ auditEvents: { nodes: { actor: string; ip: string; outcome: string; args: Record<string, unknown> }[] } }>(server.url, AUDIT, { f: { action: 'login', actor: 'viewer1' } }, admin);
    const outcomes = audit.data!.auditEvents.nodes.map((n) => n.outcome);
    expect(outcomes).toContain('SUCCESS');
    expect(outcomes).toContain('FAILURE');
    expect(audit.data!.auditEvents.nodes.every((n) => n.ip === '127.0.0.1' && n.args.password === undefined)).toBe(true);
  });

  it('refuses a login and a session from outside the allow-list, on HTTP and WS', async () => {
    const r = await gql(server.url, 'mutation { login(username: "faraway", password: "faraway-password") { token } }');
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.errors?.[0]?.message).toContain('127.0.0.1');
    // A session made while the list allowed loopback stops working when the list changes.
    const ok = await gql(server.url, UPDATE_USER, { u: 'faraway', input: { allowList: ['127.0.0.0/8'] } }, admin);
    expect(ok.errors).toBeUndefined();
    const token = await login(server.url, 'faraway', 'faraway-password');
    const { client, closed } = wsClient(server.url, { token });
    expect((await wsOnce(client, '{ me { username } }')).data).toEqual({ me: { username: 'faraway' } });
    await gql(server.url, UPDATE_USER, { u: 'faraway', input: { allowList: ['10.0.0.0/8'] } }, admin);
    expect((await closed).code).toBe(4401);
    expect(codes(await gql(server.url, '{ me { username } }', {}, token))).toEqual(['UNAUTHENTICATED']);
    const again = await gql(server.url, 'mutation { login(username: "faraway", password: "faraway-password") { token } }');
    expect(codes(again)).toEqual(['FORBIDDEN']);
    await client.dispose();
  });

  it('closes a WebSocket without a token with 4401, and one with a bad token too', async () => {
    for (const params of [undefined, { token: 'ioms_bogus' }]) {
      const { client, closed } = wsClient(server.url, params);
      expect((await closed).code).toBe(4401);
      await client.dispose();
    }
  });

  it('ends a disabled user’s sessions and closes their sockets at once', async () => {
    await gql(server.url, CREATE_USER, { input: { username: 'temp', password: 'temp-password', role: 'VIEWER' } }, admin);
    const token = await login(server.url, 'temp', 'temp-password');
    const { client, closed } = wsClient(server.url, { authorization: `Bearer ${token}` });
    expect((await wsOnce(client, '{ me { username } }')).data).toEqual({ me: { username: 'temp' } });
    const r = await gql(server.url, UPDATE_USER, { u: 'temp', input: { disabled: true } }, admin);
    expect(r.errors).toBeUndefined();
    expect((await closed).code).toBe(4401);
    expect(codes(await gql(server.url, '{ me { username } }', {}, token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(server.url, 'mutation { login(username: "temp", password: "temp-password") { token } }'))).toEqual(['FORBIDDEN']);
    await client.dispose();
  });

  it('throttles wrong passwords, also when sent as many aliases in one request', async () => {
    await gql(server.url, CREATE_USER, { input: { username: 'target', password: 'target-password', role: 'VIEWER' } }, admin);
    const fields = Array.from({ length: 10 }, (_, i) => `a${i}: login(username: "target", password: "guess-${i}") { token }`).join('\n');
    // Mutation fields run one after another and a failed (non-null) login ends the request, so
    // each request is one attempt however many aliases it carries; the limit here is 3.
    const perRequest: (string | undefined)[][] = [];
    for (let i = 0; i < 5; i++) perRequest.push(codes(await gql(server.url, `mutation { ${fields} }`)));
    expect(perRequest).toEqual([['UNAUTHENTICATED'], ['UNAUTHENTICATED'], ['UNAUTHENTICATED'], ['TOO_MANY_REQUESTS'], ['TOO_MANY_REQUESTS']]);
    // Even the right password is refused while throttled.
    const right = await gql(server.url, 'mutation { login(username: "target", password: "target-password") { token } }');
    expect(codes(right)).toEqual(['TOO_MANY_REQUESTS']);
    const audit = await gql<{ auditEvents: { nodes: { outcome: string }[] } }>(server.url, AUDIT, { f: { action: 'login', actor: 'target' } }, admin);
    expect(audit.data?.auditEvents.nodes.length).toBe(6);
  });

  it('refuses fifty aliases outright', async () => {
    const fields = Array.from({ length: 50 }, (_, i) => `a${i}: login(username: "viewer1", password: "x${i}") { token }`).join('\n');
    const r = await gql(server.url, `mutation { ${fields} }`);
    expect(r.status).toBe(400);
    expect(codes(r)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('keeps the last admin', async () => {
    const r = await gql(server.url, 'mutation { deleteUser(username: "admin") { username } }', {}, admin);
    expect(codes(r)).toEqual([]);
  });

  it('logs out: the token stops working', async () => {
    const token = await login(server.url, 'viewer1', 'viewer1-password');
    expect((await gql(server.url, 'mutation { logout }', {}, token)).data).toEqual({ logout: true });
    expect(codes(await gql(server.url, '{ me { username } }', {}, token))).toEqual(['UNAUTHENTICATED']);
  });
});
