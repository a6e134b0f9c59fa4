import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../api/config.js';
import type { GraphQLContext } from '../../api/graphql/context.js';
import { createLogger } from '../../api/logger.js';
import { storeObservedState } from '../../api/manifests/agent-state.resolver.js';
import { startServer, type RunningServer } from '../../api/server/start-server.js';
import { parseJsonReport } from '../../api/hosts/agent-reports.js';
import { parseObserved } from '../../api/manifests/manifest.service.js';
import type { Services } from '../../api/services.js';
import { HostStateRecord } from '../../db/entities/index.js';
import { canonicalJson, MAX_STATE_REPORT_BYTES, observedReportSchema, withoutUsage } from '../../manifests/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login } from '../helpers/graphql.js';
import { ADMIN_PASSWORD, LogSink } from '../helpers/test-server.js';

const ENROLL = 'mutation($t: String!, $n: String!) { enrollAgent(token: $t, name: $n) { hostId hostName } }';
const HOSTS_PER_SIDE = 4;
const INVALID = '{"hash": 5}';
/** The server's clock: fixed within a round (the per-report path and the batches then store the same times), a minute on per round. */
const START = new Date('2026-12-01T12:00:00.000Z').getTime();
let now = new Date(START);

const SPEC_1 = `sha256:${'1'.repeat(64)}`;
const SPEC_2 = `sha256:${'2'.repeat(64)}`;
const proc = (cpu: number, specHash = SPEC_1) => ({ name: 'web', state: 'RUNNING', restarts: 0, specHash, pid: 42, cpu, rss: 1000 });
const observed = (...processes: ReturnType<typeof proc>[]) => ({ processes, cron: [], files: [] });

/**
 * Per host, rounds of reports (a round arrives together): a first state, a usage-only refresh
 * (plans the same), a new hash, an error, and an invalid report among them.
 */
const ROUNDS: readonly (readonly string[])[] = [
  [JSON.stringify({ hash: null, observed: observed(proc(1)) }), JSON.stringify({ hash: null, observed: observed(proc(2)) }), INVALID],
  [JSON.stringify({ hash: 'h1', observed: observed(proc(3)) }), JSON.stringify({ hash: 'h1', observed: observed(proc(3, SPEC_2)), error: 'could not start web' }), JSON.stringify({ hash: 'h1', observed: observed(proc(4, SPEC_2)), error: 'could not start web' })],
  [JSON.stringify({ hash: 'h1', observed: observed(proc(5, SPEC_2)), error: 'could not start web' })],
  [JSON.stringify({ hash: 'h1', observed: observed(proc(6, SPEC_2)), error: 'could not start web' }), JSON.stringify({ hash: 'h1', observed: observed(proc(7, SPEC_2)), error: 'could not start web' })],
  [JSON.stringify({ hash: 'h2', observed: observed(proc(1)) }), INVALID, JSON.stringify({ hash: 'h2', observed: observed(proc(2)) })],
];

/**
 * The per-report path as it was before batching (a `findOne` and a flush per report), kept here
 * as the reference the batches must match row for row.
 */
async function storeOneReport(services: Services, hostId: number, text: string): Promise<string> {
  const parsed = parseJsonReport(observedReportSchema, text, MAX_STATE_REPORT_BYTES);
  if (!parsed.ok) return `refused: invalid observedState report: ${parsed.problem}`;
  const r = parsed.value;
  const em = services.orm.em.fork();
  const now = services.now();
  const found = await em.findOne(HostStateRecord, { hostId });
  const planSame = found !== null && found.agentHash === r.hash && (found.error ?? null) === (r.error ?? null) && canonicalJson(withoutUsage(parseObserved(found.observed))) === canonicalJson(withoutUsage(r.observed));
  const state = found ?? em.create(HostStateRecord, { hostId, drift: [], status: 'PENDING', updatedAt: now });
  state.agentHash = r.hash;
  state.observed = r.observed as unknown as Record<string, unknown>;
  state.observedAt = now;
  state.error = r.error ?? null;
  await em.flush();
  if (!planSame) services.reconciler.mark(hostId);
  return 'stored true';
}

/**
 * Observed-state reports are stored in batches (api/manifests/observed-state-ingest.ts): reports
 * arriving together, several per host and an invalid one among them, must leave exactly the rows
 * that the per-report path (one `findOne` and flush each) leaves, refuse the same reports and mark the same hosts.
 */
describe.each(databaseKinds())('observed-state batches on $name', (kind) => {
  let db: TestDatabase;
  let server: RunningServer;
  const hosts: { hostId: number; hostName: string }[] = [];
  const marked = new Set<number>();

  beforeAll(async () => {
    db = await kind.create();
    const config = loadServerConfig({ IOMS_PORT: '0', IOMS_DATABASE_URL: db.url, IOMS_ADMIN_PASSWORD: ADMIN_PASSWORD, IOMS_LOG_LEVEL: 'warn' }, process.cwd());
    server = await startServer(config, { logger: createLogger('warn', new LogSink()), onAdminCreated: () => undefined, now: () => now });
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, `mutation { createEnrollmentToken(input: { maxUses: ${2 * HOSTS_PER_SIDE} }) { token } }`, {}, admin)).data!.createEnrollmentToken.token;
    for (let i = 0; i < 2 * HOSTS_PER_SIDE; i++) hosts.push((await gql<{ enrollAgent: { hostId: number; hostName: string } }>(server.url, ENROLL, { t: token, n: `obs-${i}` })).data!.enrollAgent);
    // Marks are recorded, not passed on: the rows then hold what the reports wrote, and nothing the reconciler did after.
    await server.services.reconciler.idle();
    server.services.reconciler.mark = (hostId: number) => void marked.add(hostId);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const ctxOf = (host: { hostId: number; hostName: string }): GraphQLContext => ({ em: server.services.orm.em.fork(), auth: { ok: true, principal: { kind: 'agent', ...host } }, ip: '127.0.0.1', transport: 'ws', services: server.services });
  const outcome = (p: Promise<boolean>) => p.then((v) => `stored ${v}`, (err: Error) => `refused: ${err.message}`);
  const rowsOf = async (side: readonly { hostId: number }[]) => {
    const rows = await server.services.orm.em.fork().find(HostStateRecord, { hostId: { $in: side.map((h) => h.hostId) } }, { disableIdentityMap: true, orderBy: { hostId: 'asc' } });
    return rows.map(({ hostId: _, ...rest }) => rest);
  };

  it.each(ROUNDS.map((reports, i) => ({ round: i + 1, reports })))('stores, refuses and marks exactly as the per-report path (round $round)', async ({ round, reports }) => {
    const single = hosts.slice(0, HOSTS_PER_SIDE);
    const batched = hosts.slice(HOSTS_PER_SIDE);
    marked.clear();
    now = new Date(START + round * 60_000);
    // The reference: each report stored by the per-report path before the next is sent.
    const one: string[] = [];
    for (const host of single) for (const report of reports) one.push(await storeOneReport(server.services, host.hostId, report));
    // Together: every host's reports of the round in one batch.
    const together = await Promise.all(batched.flatMap((host) => reports.map((report) => outcome(storeObservedState(ctxOf(host), report)))));
    await server.services.observed.settled();

    expect(together).toEqual(one);
    const [a, b] = [await rowsOf(single), await rowsOf(batched)];
    expect(a).toHaveLength(HOSTS_PER_SIDE);
    expect(b).toEqual(a);
    const last = JSON.parse(reports.filter((r) => r !== INVALID).at(-1)!) as { hash: string | null; observed: unknown; error?: string };
    expect(a[0]).toMatchObject({ agentHash: last.hash, observed: last.observed, error: last.error ?? null, observedAt: now, updatedAt: new Date(START + 60_000) });
    expect(batched.map((h) => marked.has(h.hostId))).toEqual(single.map((h) => marked.has(h.hostId)));
  });

  it('fails only the reports of a host whose row the database refuses, storing the rest of the batch', async () => {
    // Hosts that never reported (no row yet); the database refuses to create the second one's.
    const fresh = [900_001, 900_002, 900_003].map((hostId) => ({ hostId, hostName: `fresh-${hostId}` }));
    const conn = server.services.orm.em.getConnection();
    await conn.execute(
      kind.name === 'sqlite'
        ? "create trigger refuse_observed before insert on host_states when new.host_id = 900002 begin select raise(abort, 'refused by the test'); end"
        : "create trigger refuse_observed before insert on host_states for each row begin if new.host_id = 900002 then signal sqlstate '45000' set message_text = 'refused by the test'; end if; end",
    );
    try {
      const report = JSON.stringify({ hash: null, observed: observed(proc(1)) });
      const answers = await Promise.all(fresh.flatMap((h) => [report, report].map((r) => storeObservedState(ctxOf(h), r).then(String, (err: Error) => `${err.message}: ${String((err.cause as Error)?.message)}`))));
      expect(answers.map((a) => a.replace(/: .*refused by the test.*/s, ': refused by the test'))).toEqual(['true', 'true', 'store observed state: refused by the test', 'store observed state: refused by the test', 'true', 'true']);
      expect((await rowsOf(fresh)).map((r) => r.observed)).toEqual([observed(proc(1)), observed(proc(1))]);
    } finally {
      await conn.execute('drop trigger refuse_observed');
    }
  });

  it('refuses an invalid report with the reason, in a batch as alone', async () => {
    const answers = await Promise.all(hosts.map((h) => outcome(storeObservedState(ctxOf(h), INVALID))));
    expect(new Set(answers)).toEqual(new Set(['refused: invalid observedState report: hash: Invalid input: expected string, received number; observed: Invalid input: expected object, received undefined']));
  });
});
