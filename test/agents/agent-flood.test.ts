import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { spawnAgent, spawnServer, waitFor, type AgentProcess, type ServerProcess } from '../helpers/processes.js';

const FLOOD_MS = 5000;

interface FloodStats {
  sent: number;
  answered: number;
  closes: number;
  codes: Record<string, number>;
}

/**
 * Runs the flooder in its own process, so its work does not slow this one's measurements;
 * `connected` resolves once it is flooding (node's start-up is not the server's latency).
 */
function flood(url: string, hostId: number, secret: string): { connected: Promise<void>; done: Promise<FloodStats> } {
  const proc = spawn(process.execPath, [path.join(import.meta.dirname, 'fixtures', 'flood-reports.mjs'), url, String(hostId), secret, String(FLOOD_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let onConnected: () => void = () => undefined;
  const connected = new Promise<void>((r) => (onConnected = r));
  proc.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('connected\n')) onConnected();
  });
  const done = new Promise<FloodStats>((resolve, reject) => proc.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as FloodStats) : reject(new Error(`flooder exited ${code}: ${out}`)))));
  return { connected, done };
}

describe('a flood of bad reports from one authenticated agent', () => {
  let dir: string;
  let server: ServerProcess;
  let admin: string;
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-flood-'));
    server = await spawnServer({ IOMS_ADMIN_PASSWORD: 'flood-admin-pw', IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}`, IOMS_LOG_LEVEL: 'info' }, dir);
    admin = await login(server.url, 'admin', 'flood-admin-pw');
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 3 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    for (const name of ['calm-1', 'calm-2']) agents.push(spawnAgent(['--server', server.url, '--name', name, '--token', token, '--state-dir', path.join(dir, name), '--heartbeat-interval', '1s']));
    await waitFor(async () => {
      const r = await gql<{ hosts: { nodes: { name: string; online: boolean }[] } }>(server.url, '{ hosts { nodes { name online } } }', {}, admin);
      return r.data?.hosts.nodes.filter((h) => h.online).length === 2;
    }, 45_000, 'two calm agents online').catch((err: unknown) => {
      throw new Error(`${String(err)}\n${agents.map((a) => a.output().slice(-2000)).join('\n')}`);
    });
  }, 90_000);
  afterAll(async () => {
    for (const a of agents) await a.stop('SIGKILL');
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Behaviour only: how fast /healthz and the other agents answer during a flood is measured by
  // test/bench/agent-flood.bench.ts (p50/p99 with and without the flood), not timed here.
  it('keeps /healthz answering and the other agents working; the flooder is throttled, closed, and audited per burst', async () => {
    const enrolled = await gql<{ enrollAgent: { hostId: number; secret: string } }>(server.url, 'mutation { enrollAgent(token: "x", name: "flooder") { hostId secret } }');
    expect(enrolled.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 1 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    const flooder = (await gql<{ enrollAgent: { hostId: number; secret: string } }>(server.url, 'mutation($t: String!) { enrollAgent(token: $t, name: "flooder") { hostId secret } }', { t: token })).data!.enrollAgent;

    // A command for the calm agents, that they run and report while the flood runs.
    const job = (await gql<{ runCommand: { id: string } }>(server.url, 'mutation { runCommand(input: { hosts: ["calm-*"], command: "sleep 2; echo calm" }) { id } }', {}, admin)).data!.runCommand.id;
    const flooding = flood(server.url, flooder.hostId, flooder.secret);
    await flooding.connected;
    let healthzAnswers = 0;
    const start = Date.now();
    while (Date.now() - start < FLOOD_MS) {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      healthzAnswers += 1;
      await new Promise((r) => setTimeout(r, 50));
    }
    const stats = await flooding.done;
    // Answered while the flood ran (each with 200), not only after it: a blocked server answers once.
    expect(healthzAnswers).toBeGreaterThan(2);
    expect(stats.sent).toBeGreaterThan(1000);
    expect(stats.codes['4429']).toBeGreaterThan(0); // closed for exceeding its budget

    const done = await waitFor(async () => {
      const r = await gql<{ job: { status: string; targets: { status: string; stdout: string }[] } }>(server.url, 'query($id: ID!) { job(id: $id) { status targets { status stdout } } }', { id: job }, admin);
      return r.data?.job.targets.every((t) => t.status === 'SUCCEEDED') ? r.data.job : null;
    }, 20_000, 'the calm agents’ command');
    expect(done.targets.map((t) => t.stdout)).toEqual(['calm\n', 'calm\n']);
    const hosts = await gql<{ hosts: { nodes: { name: string; online: boolean }[] } }>(server.url, '{ hosts { nodes { name online } } }', {}, admin);
    expect(hosts.data!.hosts.nodes.filter((h) => h.name.startsWith('calm')).every((h) => h.online)).toBe(true);

    // Thousands of refusals, a handful of audit rows: one per burst (and its count), per kind.
    // A burst writes its count when its window (10 s from its first refusal) ends: wait for one.
    const rows = await waitFor(async () => {
      const audit = await gql<{ auditEvents: { nodes: { action: string; reason: string }[] } }>(server.url, '{ auditEvents(filter: { actor: "flooder" }, first: 500) { nodes { action reason } } }', {}, admin);
      const nodes = audit.data!.auditEvents.nodes.filter((n) => n.action !== 'enrollAgent');
      return nodes.some((r) => /^\d+ more refused/.test(r.reason)) ? nodes : null;
    }, 30_000, 'a burst of refusals audited with its count');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(stats.sent / 20);
    const counted = rows.map((r) => /^(\d+) more refused/.exec(r.reason)?.[1]).filter(Boolean).map(Number);
    expect(counted.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/ioms_refusals_total\{kind="report:inventory"\} \d+/);
  }, 90_000);
});
