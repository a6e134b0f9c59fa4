import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login } from '../helpers/graphql.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const PER_USER = 5;
const PER_IP = 20;
const BURST = 100;

/** One login over node:http, on a shared keep-alive agent or a fresh connection each time. */
function rawLogin(url: string, username: string, password: string, agent: http.Agent | false): Promise<string | undefined> {
  const body = JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: password } });
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(agent ? {} : { connection: 'close' }) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const CONNECTIONS = [
  { name: 'keep-alive', agent: () => new http.Agent({ keepAlive: true, maxSockets: 20 }) },
  { name: 'a new connection per request', agent: () => false as const },
];

describe.each(databaseKinds())('the login throttle under a concurrent burst on $name', (kind) => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: string;
  const reasons = async (actor: string) => {
    const r = await gql<{ auditEvents: { nodes: { reason: string }[] } }>(server.url, 'query($a: String) { auditEvents(filter: { action: "login", actor: $a }, first: 500) { nodes { reason } } }', { a: actor }, admin);
    return r.data!.auditEvents.nodes.map((n) => n.reason);
  };

  beforeAll(async () => {
    db = await kind.create();
    server = await startTestServer(db.url, { IOMS_LOGIN_MAX_FAILURES_PER_USER: String(PER_USER), IOMS_LOGIN_MAX_FAILURES_PER_IP: String(PER_IP) });
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it.each(CONNECTIONS)(`${BURST} concurrent wrong passwords for one user over $name: at most ${PER_USER} are verified`, async (c) => {
    const user = `burst-${c.name.replace(/\W+/g, '-')}`;
    const agent = c.agent();
    const answers = await Promise.all(Array.from({ length: BURST }, () => rawLogin(server.url, user, 'wrong-password', agent)));
    if (agent) agent.destroy();
    const rows = await reasons(user);
    expect(rows).toHaveLength(BURST); // every attempt audited
    const verified = rows.filter((r) => r === 'unknown user' || r === 'wrong password').length;
    expect(verified).toBeLessThanOrEqual(PER_USER);
    expect(verified).toBeGreaterThan(0);
    expect(answers.filter((a) => a === 'TOO_MANY_REQUESTS')).toHaveLength(BURST - verified);
    expect(answers.filter((a) => a === 'UNAUTHENTICATED')).toHaveLength(verified);
  });

  it('the right password is refused while the user is throttled, and a correct login does not count', async () => {
    expect(await rawLogin(server.url, 'admin', ADMIN_PASSWORD, false)).toBeUndefined();
    // A burst may verify fewer than the limit (refused reservations count while they exist), so
    // reach the limit one attempt at a time: each of these is verified, the next one is not.
    for (let i = 0; i < PER_USER; i++) expect(await rawLogin(server.url, 'one-by-one', 'wrong-password', false)).toBe('UNAUTHENTICATED');
    expect(await rawLogin(server.url, 'one-by-one', 'anything', false)).toBe('TOO_MANY_REQUESTS');
    expect(await rawLogin(server.url, 'admin', ADMIN_PASSWORD, false)).toBeUndefined();
  });

  it(`${BURST} concurrent wrong logins for different users from one address: at most ${PER_IP} are verified`, async () => {
    // The earlier cases used some of this address's budget; count only this burst.
    const users = Array.from({ length: BURST }, (_, i) => `spray-${i}`);
    await Promise.all(users.map((u) => rawLogin(server.url, u, 'wrong-password', false)));
    const rows = (await Promise.all(users.map(reasons))).flat();
    expect(rows).toHaveLength(BURST);
    expect(rows.filter((r) => r === 'unknown user').length).toBeLessThanOrEqual(PER_IP);
  });
});
