import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login } from '../helpers/graphql.js';
import { spawnServer, type ServerProcess } from '../helpers/processes.js';

const mysql = databaseKinds().find((k) => k.name === 'mysql');
const PASSWORD = 'throttle-replicas-admin';
const PER_USER = 5;
const PER_IP = 20;
const BURST = 100;

/** One login over a fresh connection; the GraphQL error code, undefined on success. */
function rawLogin(url: string, username: string, password: string): Promise<string | undefined> {
  const body = JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: password } });
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The login throttle across replicas: two real server processes sharing one MariaDB database,
 * a burst of concurrent wrong logins split evenly over both. The reservation is a committed row
 * in the shared `login_attempts` table, counted after it commits, so the limit holds for the
 * fleet of replicas as for one (docs/security.md says why no Redis counter is needed).
 */
describe.skipIf(!mysql)('the login throttle across two replicas sharing MariaDB', () => {
  let dir: string;
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let admin: string;
  const env = () => ({ IOMS_DATABASE_URL: db.url, IOMS_ADMIN_PASSWORD: PASSWORD, IOMS_LOGIN_MAX_FAILURES_PER_USER: String(PER_USER), IOMS_LOGIN_MAX_FAILURES_PER_IP: String(PER_IP) });
  const reasons = async (actor: string) => {
    const r = await gql<{ auditEvents: { nodes: { reason: string }[] } }>(a.url, 'query($a: String) { auditEvents(filter: { action: "login", actor: $a }, first: 500) { nodes { reason } } }', { a: actor }, admin);
    return r.data!.auditEvents.nodes.map((n) => n.reason);
  };
  const verifiedOf = (rows: string[]) => rows.filter((r) => r === 'unknown user' || r === 'wrong password').length;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-throttle-replicas-'));
    db = await mysql!.create();
    // One after the other: the first runs the migrations and creates admin.
    a = await spawnServer({ ...env(), IOMS_REPLICA_ID: 'replica-a', IOMS_DATA_DIR: path.join(dir, 'a') }, dir);
    b = await spawnServer({ ...env(), IOMS_REPLICA_ID: 'replica-b', IOMS_DATA_DIR: path.join(dir, 'b') }, dir);
    admin = await login(a.url, 'admin', PASSWORD);
  }, 90_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`${BURST} concurrent wrong passwords for one user, half on each replica: at most ${PER_USER} verified, all audited`, async () => {
    const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => rawLogin((i % 2 ? b : a).url, 'split-burst', 'wrong-password')));
    const rows = await reasons('split-burst');
    expect(rows).toHaveLength(BURST);
    const verified = verifiedOf(rows);
    // Safe side only: when every reservation commits before any count, all are refused (0 verified).
    expect(verified).toBeLessThanOrEqual(PER_USER);
    expect(answers.filter((x) => x === 'UNAUTHENTICATED')).toHaveLength(verified);
    expect(answers.filter((x) => x === 'TOO_MANY_REQUESTS')).toHaveLength(BURST - verified);
    // A burst may verify fewer than the limit (refused reservations count while they exist): the
    // rest of the budget, one attempt at a time on alternating replicas, then both refuse.
    for (let i = verified; i < PER_USER; i++) expect(await rawLogin((i % 2 ? b : a).url, 'split-burst', 'wrong-password')).toBe('UNAUTHENTICATED');
    expect(await rawLogin(b.url, 'split-burst', 'anything')).toBe('TOO_MANY_REQUESTS');
    expect(await rawLogin(a.url, 'split-burst', 'anything')).toBe('TOO_MANY_REQUESTS');
  });

  it(`${BURST} concurrent wrong logins for different users from one address over both: at most ${PER_IP} verified`, async () => {
    // The first case used some of this address's budget; count only this burst.
    const users = Array.from({ length: BURST }, (_, i) => `spray-${i}`);
    await Promise.all(users.map((u, i) => rawLogin((i % 2 ? b : a).url, u, 'wrong-password')));
    const rows = (await Promise.all(users.map(reasons))).flat();
    expect(rows).toHaveLength(BURST);
    expect(verifiedOf(rows)).toBeLessThanOrEqual(PER_IP);
  });
});
