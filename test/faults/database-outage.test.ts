import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { createMariaDb, type MariaDbInstance } from '../helpers/mariadb-instance.js';
import { spawnAgent, spawnServer, waitFor, type AgentProcess, type ServerProcess } from '../helpers/processes.js';
import { FAIL_ON_UNHANDLED_ARGS, FAIL_ON_UNHANDLED_ENV, UNHANDLED } from '../helpers/unhandled.js';

const OUTAGE_MS = 60_000;
const HOSTS = '{ hosts { nodes { name online } } }';

/**
 * MariaDB (the test's own instance) stopped for a minute under a real server with two real
 * agents while a 20 s command runs: the server stays up (server and agents run with a preload
 * that makes any unhandled rejection print a marker and exit, so the test fails on one),
 * /readyz says 503 and then 200 again, the command's result is stored exactly once, the agents
 * stay connected, and every audit row written before the outage is still there. The agents
 * re-send an unstored result every 2 s at most (`--result-resend-max`), so the result lands
 * soon after the database is back rather than up to 30 s later.
 */
describe('a database outage of a minute', () => {
  let dir: string;
  let db: MariaDbInstance;
  let server: ServerProcess;
  let admin: string;
  const agents: AgentProcess[] = [];
  const query = async <T>(sql: string, params: unknown[] = []) => {
    const c = await mysql.createConnection(db.url);
    try {
      return (await c.query(sql, params))[0] as T;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-outage-'));
    db = await createMariaDb();
    await db.start();
    server = await spawnServer({ IOMS_ADMIN_PASSWORD: 'outage-admin-pw', IOMS_DATABASE_URL: db.url, IOMS_LOG_LEVEL: 'info' }, dir, FAIL_ON_UNHANDLED_ARGS);
    admin = await login(server.url, 'admin', 'outage-admin-pw');
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 2 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    for (const name of ['out-1', 'out-2']) agents.push(spawnAgent(['--server', server.url, '--name', name, '--token', token, '--state-dir', path.join(dir, name), '--heartbeat-interval', '1s', '--metrics-interval', '5s', '--result-resend-max', '2s'], FAIL_ON_UNHANDLED_ENV));
    await waitFor(async () => (await gql<{ hosts: { nodes: { online: boolean }[] } }>(server.url, HOSTS, {}, admin)).data?.hosts.nodes.filter((h) => h.online).length === 2, 45_000, 'two agents online').catch((err: unknown) => {
      throw new Error(`${String(err)}\n${agents.map((a) => a.output().slice(-1500)).join('\n')}\n${server.output().slice(-1500)}`);
    });
  }, 120_000);
  afterAll(async () => {
    for (const a of agents) await a.stop('SIGKILL');
    await server?.stop('SIGKILL');
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the server stays up, /readyz goes 503 and back, the result is stored once, agents stay online, no audit row is lost', async () => {
    const job = (await gql<{ runCommand: { id: string } }>(server.url, 'mutation { runCommand(input: { hosts: ["out-1"], command: "sleep 20; echo survived", timeoutSeconds: 300 }) { id } }', {}, admin)).data!.runCommand.id;
    const target = async () => (await gql<{ job: { targets: { status: string; stdout: string | null }[] } }>(server.url, 'query($id: ID!) { job(id: $id) { targets { status stdout } } }', { id: job }, admin)).data?.job.targets[0];
    await waitFor(async () => (await target())?.status === 'RUNNING', 20_000, 'the command running');
    const auditBefore = await query<{ id: number }[]>('select id from audit_events order by id');

    await db.stop();
    const readiness = new Set<number>();
    const started = Date.now();
    let refusedWrite: string | undefined;
    while (Date.now() - started < OUTAGE_MS) {
      expect(server.proc.exitCode, server.output().slice(-3000)).toBeNull();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      readiness.add((await fetch(`${server.url}/readyz`)).status);
      if (!refusedWrite && Date.now() - started > 5000) {
        const r = await gql(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 1 }) { token } }', {}, admin);
        refusedWrite = r.errors?.[0]?.extensions?.code;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect([...readiness]).toEqual([503]);
    expect(['DATABASE_UNAVAILABLE', 'AUDIT_UNAVAILABLE', 'UNAUTHENTICATED']).toContain(refusedWrite);

    await db.start();
    await waitFor(async () => (await fetch(`${server.url}/readyz`)).status === 200, 30_000, '/readyz 200 again');
    const done = await waitFor(async () => {
      const t = await target();
      return t?.status === 'SUCCEEDED' ? t : null;
    }, 60_000, 'the result stored after the outage');
    expect(done.stdout).toBe('survived\n');
    const events = await query<{ n: number }[]>("select count(*) as n from job_events where job_id = ? and type = 'TARGET' and status = 'SUCCEEDED'", [Number(job)]);
    expect(Number(events[0]!.n)).toBe(1);

    const auditAfter = new Set((await query<{ id: number }[]>('select id from audit_events')).map((r) => Number(r.id)));
    expect(auditBefore.map((r) => Number(r.id)).filter((id) => !auditAfter.has(id))).toEqual([]);
    const hosts = await waitFor(async () => {
      const h = (await gql<{ hosts: { nodes: { name: string; online: boolean }[] } }>(server.url, HOSTS, {}, admin)).data?.hosts.nodes;
      return h?.every((x) => x.online) ? h : null;
    }, 20_000, 'both agents online');
    expect(hosts.map((h) => h.name).sort()).toEqual(['out-1', 'out-2']);
    for (const a of agents) expect(a.proc.exitCode).toBeNull();
    for (const a of agents) expect(a.output()).not.toMatch(UNHANDLED);
    expect(server.proc.exitCode).toBeNull();
    expect(server.output()).not.toMatch(UNHANDLED);
    expect(server.output()).not.toMatch(/unhandledRejection|UnhandledPromiseRejection/);
  }, 240_000);
});
