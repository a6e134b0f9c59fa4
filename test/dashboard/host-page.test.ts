import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostRecord } from '../../db/entities/index.js';
import { gql, login } from '../helpers/graphql.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

type Page = { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: { name: string; online: boolean; alive: boolean; labels: unknown; inventory: unknown }[] };
const FIELDS = 'totalCount pageInfo { endCursor hasNextPage } nodes { name online alive labels inventory }';
const ARGS = '$selector: String, $names: [String!], $status: HostStatus, $search: String, $first: Int, $after: String';
const PASS = 'selector: $selector, names: $names, status: $status, search: $search, first: $first, after: $after';

/** hostPage reads less than hosts, and must answer exactly the same. */
describe('hostPage answers as hosts does', () => {
  let server: TestServer;
  let dir: string;
  let token: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-host-page-'));
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`);
    token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const em = server.services.orm.em.fork();
    const now = Date.now();
    for (let i = 0; i < 12; i++) {
      em.create(HostRecord, {
        name: `h-${String(i).padStart(2, '0')}`,
        credentialHash: `${i}`.padStart(64, '0'),
        agentLabels: { role: i % 3 === 0 ? 'web' : 'db', env: i % 2 ? 'prod' : 'dev' },
        serverLabels: i === 4 ? { role: 'cache' } : {},
        enrolledAt: new Date(now - 86400_000),
        online: i % 4 === 0,
        alive: false,
        lastSeenAt: i % 5 === 0 ? null : new Date(now - (i % 2 ? 1000 : 3600_000)),
        revokedAt: i === 11 ? new Date(now) : null,
        lastAddress: `10.0.0.${i}`,
        inventory: { hostname: `box-${i}.example`, ips: [{ address: `192.168.1.${i}` }] },
      });
    }
    await em.flush();
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    { name: 'no filter', vars: {} },
    { name: 'a selector', vars: { selector: 'role=db,env!=prod' } },
    { name: 'server labels win', vars: { selector: 'role=cache' } },
    { name: 'the empty selector', vars: { selector: '' } },
    { name: 'names and globs', vars: { names: ['h-0*', 'h-11'] } },
    { name: 'online', vars: { status: 'ONLINE' } },
    { name: 'offline', vars: { status: 'OFFLINE' } },
    { name: 'alive', vars: { status: 'ALIVE' } },
    { name: 'dead', vars: { status: 'DEAD' } },
    { name: 'revoked', vars: { status: 'REVOKED' } },
    { name: 'search in the inventory', vars: { search: 'BOX-7' } },
    { name: 'search an address', vars: { search: '192.168.1.1' } },
    { name: 'a first page', vars: { first: 5 } },
    { name: 'a page after a cursor', vars: { first: 5, after: 'h-04' } },
    { name: 'past the end', vars: { first: 5, after: 'zzz' } },
    { name: 'filter and page', vars: { selector: 'env=dev', status: 'DEAD', first: 2, after: 'h-00' } },
  ])('$name', async ({ vars }) => {
    const a = await gql<{ hosts: Page }>(server.url, `query(${ARGS}) { hosts(${PASS}) { ${FIELDS} } }`, vars, token);
    const b = await gql<{ hostPage: Page }>(server.url, `query(${ARGS}) { hostPage(${PASS}) { ${FIELDS} } }`, vars, token);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(b.data!.hostPage).toEqual(a.data!.hosts);
  });

  it('refuses a bad selector with the same error', async () => {
    const a = await gql(server.url, '{ hosts(selector: "role in (") { totalCount } }', {}, token);
    const b = await gql(server.url, '{ hostPage(selector: "role in (") { totalCount } }', {}, token);
    expect(b.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(b.errors?.[0]?.message).toBe(a.errors?.[0]?.message);
  });
});
