import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostRecord, MetricSampleRecord } from '../../db/entities/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login } from '../helpers/graphql.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

type Page = { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: { name: string; cpuPercent: number | null; memoryPercent: number | null; os: string | null }[] };
const ARGS = '$selector: String, $names: [String!], $status: HostStatus, $search: String, $sort: HostSort, $direction: SortDirection, $first: Int, $after: String';
const PASS = 'selector: $selector, names: $names, status: $status, search: $search, sort: $sort, direction: $direction, first: $first, after: $after';
const QUERY = `query(${ARGS}) { hosts(${PASS}) { totalCount pageInfo { endCursor hasNextPage } nodes { name cpuPercent memoryPercent os } } }`;
const h = (...ns: number[]) => ns.map((n) => `h-${String(n).padStart(2, '0')}`);
/** CPU of the recent sample per host (h-09 … h-11 have none in the window; h-03 and h-06 tie). */
const CPU = [0, 37, 74, 11, 48, 85, 11, 59, 96];

/**
 * The hosts list, 12 hosts:
 *   h-00 h-04 h-08 online · h-01 h-03 h-07 h-09 alive (offline) · h-02 h-05 h-06 h-10 dead · h-11 revoked
 *   role web for multiples of 3 (h-04's server label says cache), env prod for odd numbers.
 */
describe.each(databaseKinds())('hosts: filters, server-side order and cursors on $name', (kind) => {
  let db: TestDatabase;
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    db = await kind.create();
    server = await startTestServer(db.url);
    token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const em = server.services.orm.em.fork();
    const now = Date.now();
    for (let i = 0; i < 12; i++) {
      em.create(HostRecord, {
        name: h(i)[0]!,
        credentialHash: `${i}`.padStart(64, '0'),
        agentLabels: { role: i % 3 === 0 ? 'web' : 'db', env: i % 2 ? 'prod' : 'dev' },
        serverLabels: i === 4 ? { role: 'cache' } : {},
        enrolledAt: new Date(now - 86400_000),
        online: i % 4 === 0,
        alive: false,
        lastSeenAt: i % 5 === 0 ? null : new Date(now - (i % 2 ? 1000 + i : 3600_000 + i)),
        revokedAt: i === 11 ? new Date(now) : null,
        lastAddress: `10.0.0.${i}`,
        agentVersion: `1.${i % 3}`,
        inventory: { hostname: `box-${i}.example`, ips: [{ address: `192.168.1.${i}` }], os: { distro: 'Debian GNU/Linux', release: String(10 + (i % 3)) } },
      });
    }
    await em.flush();
    const ids = new Map((await em.find(HostRecord, {})).map((r) => [r.name, r.id]));
    const sample = (name: string, atMs: number, cpuPercent: number, memUsedBytes: number) => ({ hostId: ids.get(name)!, atMs, cpuPercent, load1: 0, load5: 0, load15: 0, memUsedBytes, memTotalBytes: 2 ** 32, swapUsedBytes: 0, swapTotalBytes: 0, netRxBytesPerSec: 0, netTxBytesPerSec: 0, processCount: 1, disks: [] });
    await em.insertMany(MetricSampleRecord, [
      ...CPU.map((cpu, i) => sample(h(i)[0]!, now - 30_000, cpu, (i + 1) * 2 ** 28)),
      // Older than the 5-minute window: not "now".
      sample('h-09', now - 3600_000, 99, 2 ** 32),
    ]);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });
  const hosts = async (vars: Record<string, unknown>) => {
    const r = await gql<{ hosts: Page }>(server.url, QUERY, vars, token);
    expect(r.errors).toBeUndefined();
    return r.data!.hosts;
  };

  it.each([
    { name: 'no filter', vars: {}, want: h(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) },
    { name: 'a selector', vars: { selector: 'role=db,env!=prod' }, want: h(2, 8, 10) },
    { name: 'server labels win', vars: { selector: 'role=cache' }, want: h(4) },
    { name: 'names and globs', vars: { names: ['h-0*', 'h-11'] }, want: h(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11) },
    { name: 'online', vars: { status: 'ONLINE' }, want: h(0, 4, 8) },
    { name: 'offline', vars: { status: 'OFFLINE' }, want: h(1, 2, 3, 5, 6, 7, 9, 10) },
    { name: 'alive', vars: { status: 'ALIVE' }, want: h(1, 3, 7, 9) },
    { name: 'dead', vars: { status: 'DEAD' }, want: h(0, 2, 4, 5, 6, 8, 10) },
    { name: 'revoked', vars: { status: 'REVOKED' }, want: h(11) },
    { name: 'search in the inventory', vars: { search: 'BOX-7' }, want: h(7) },
    { name: 'search an inventory address', vars: { search: '192.168.1.1' }, want: h(1, 10, 11) },
    { name: 'status, ascending: online, alive, dead, revoked', vars: { sort: 'STATUS' }, want: h(0, 4, 8, 1, 3, 7, 9, 2, 5, 6, 10, 11) },
    { name: 'CPU descending, ties by name, no samples last', vars: { sort: 'CPU', direction: 'DESC' }, want: h(8, 5, 2, 7, 4, 1, 3, 6, 0, 9, 10, 11) },
    { name: 'CPU ascending, no samples still last', vars: { sort: 'CPU' }, want: h(0, 3, 6, 1, 4, 7, 2, 5, 8, 9, 10, 11) },
    { name: 'memory ascending', vars: { sort: 'MEMORY' }, want: h(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) },
    { name: 'last seen, newest first, never seen last', vars: { sort: 'LAST_SEEN', direction: 'DESC' }, want: h(1, 3, 7, 9, 11, 2, 4, 6, 8, 0, 5, 10) },
    { name: 'name descending', vars: { direction: 'DESC' }, want: h(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0) },
    { name: 'agent version, then name', vars: { sort: 'AGENT_VERSION', selector: 'env=prod' }, want: h(3, 9, 1, 7, 5, 11) },
  ])('$name', async ({ vars, want }) => {
    const page = await hosts({ ...vars, first: 50 });
    expect(page.nodes.map((n) => n.name)).toEqual(want);
    expect(page.totalCount).toBe(want.length);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    { sort: 'NAME', direction: 'ASC' },
    { sort: 'STATUS', direction: 'DESC' },
    { sort: 'CPU', direction: 'DESC' },
    { sort: 'MEMORY', direction: 'ASC' },
    { sort: 'LAST_SEEN', direction: 'ASC' },
    { sort: 'ADDRESS', direction: 'DESC' },
  ])('pages of 5 in $sort $direction walk the same order as one page', async (order) => {
    const whole = (await hosts({ ...order, first: 50 })).nodes.map((n) => n.name);
    const walked: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: Page = await hosts({ ...order, first: 5, after });
      walked.push(...page.nodes.map((n) => n.name));
      expect(page.totalCount).toBe(12);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(whole);
  });

  it('shows the recent CPU and memory and the OS of each row', async () => {
    const [first] = (await hosts({ sort: 'CPU', direction: 'DESC', first: 1 })).nodes;
    expect(first).toEqual({ name: 'h-08', cpuPercent: 96, memoryPercent: (100 * 9 * 2 ** 28) / 2 ** 32, os: 'Debian GNU/Linux 12' });
    const single = await gql<{ host: { cpuPercent: number | null; memoryPercent: number | null } }>(server.url, '{ host(name: "H-05") { cpuPercent memoryPercent } }', {}, token);
    expect(single.data?.host).toEqual({ cpuPercent: 85, memoryPercent: (100 * 6 * 2 ** 28) / 2 ** 32 });
    const idle = await gql<{ host: { cpuPercent: number | null } }>(server.url, '{ host(name: "h-09") { cpuPercent } }', {}, token);
    expect(idle.data?.host).toEqual({ cpuPercent: null });
  });

  it.each([
    { name: 'a bad selector', vars: { selector: 'role in (' }, message: /./ },
    { name: 'a cursor that is not one', vars: { after: 'h-04' }, message: /endCursor/ },
    { name: 'a cursor of another order', vars: { after: 'CURSOR_OF_CPU', sort: 'NAME' }, message: /another order/ },
  ])('refuses $name with BAD_USER_INPUT', async ({ vars, message }) => {
    const cpuCursor = (await hosts({ sort: 'CPU', first: 1 })).pageInfo.endCursor;
    const r = await gql(server.url, QUERY, { ...vars, after: vars.after === 'CURSOR_OF_CPU' ? cpuCursor : vars.after }, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(message);
  });
});
