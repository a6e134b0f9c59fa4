import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { freePort, runCli, spawnAgent, spawnServer, waitFor, type AgentProcess, type ServerProcess } from '../helpers/processes.js';

const STOPPED_MS = 70_000;
const MIN = 60_000;

/**
 * The "done when": a real server and two real agents (role=game, role=web); the game agent
 * is stopped for a measured ~70 s and started again. `ioms report availability --from 7d --by
 * label:role -o csv` must show that downtime (to well within a minute) and the availability it
 * implies. Nothing is seeded: every status change comes from the live server.
 */
describe('ioms report availability against a real agent stopped for a known time', () => {
  let dir: string;
  let server: ServerProcess;
  let admin: string;
  let env: Record<string, string>;
  const agents: AgentProcess[] = [];
  const agent = (name: string, extra: string[] = []) => {
    const a = spawnAgent(['--server', server.url, '--name', name, '--state-dir', path.join(dir, name), '--heartbeat-interval', '1s', ...extra]);
    agents.push(a);
    return a;
  };
  const host = async (name: string) => (await gql<{ host: { alive: boolean; online: boolean; statusHistory: { at: string; change: string }[] } | null }>(server.url, 'query($n: String!) { host(name: $n) { alive online statusHistory { at change } } }', { n: name }, admin)).data?.host ?? null;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-report-agent-'));
    const port = await freePort();
    server = await spawnServer({ IOMS_PORT: String(port), IOMS_ADMIN_PASSWORD: 'report-admin-pw', IOMS_DATA_DIR: path.join(dir, 'data'), IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}`, IOMS_ALIVE_WINDOW: '5', IOMS_LIVENESS_SWEEP_SECONDS: '1' }, dir);
    admin = await login(server.url, 'admin', 'report-admin-pw');
    env = { IOMS_CONFIG: path.join(dir, 'config.json') };
    const loggedIn = await runCli(['--server', server.url, 'login', '--user', 'admin'], { ...env, IOMS_PASSWORD: 'report-admin-pw' });
    expect(loggedIn.code, loggedIn.stderr).toBe(0);
    for (const role of ['game', 'web']) {
      const t = await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation($i: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $i) { token } }', { i: { labels: { role }, maxUses: 1 } }, admin);
      agent(`${role}-1`, ['--token', t.data!.createEnrollmentToken.token]);
    }
    await waitFor(async () => (await host('game-1'))?.alive && (await host('web-1'))?.alive, 30_000, 'both agents alive');
  }, 60_000);
  afterAll(async () => {
    for (const a of agents) await a.stop('SIGKILL');
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the measured downtime and the availability it implies', async () => {
    await new Promise((r) => setTimeout(r, 3000));
    const stoppedAt = Date.now();
    await agents[0]!.stop('SIGTERM');
    await waitFor(async () => (await host('game-1'))?.alive === false, 20_000, 'game-1 recorded dead');
    await new Promise((r) => setTimeout(r, STOPPED_MS - (Date.now() - stoppedAt)));
    agent('game-1');
    await waitFor(async () => (await host('game-1'))?.alive, 30_000, 'game-1 alive again');
    const aliveAgain = Date.now();
    const measuredMin = (aliveAgain - stoppedAt) / MIN;
    await new Promise((r) => setTimeout(r, 2000));
    const to = new Date();

    const r = await runCli(['--server', server.url, 'report', 'availability', '--from', '7d', '--to', to.toISOString(), '--by', 'label:role', '-o', 'csv'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    const [header, ...records] = r.stdout.split('\r\n').filter(Boolean).map((l) => l.split(','));
    expect(header).toEqual(['group', 'period_start', 'period_end', 'hosts', 'availability_pct', 'downtime_min', 'outages', 'longest_outage_min', 'monitored_min']);
    const rows = Object.fromEntries(records.map((cells) => [cells[0], Object.fromEntries(header!.map((h, i) => [h, cells[i]]))]));
    expect(Object.keys(rows)).toEqual(['game', 'web']);

    // game-1: one outage, as long as the agent was stopped (the report and the measurement both
    // run from the stop to the moment the host was seen alive again; a few seconds of slack)
    const game = rows.game!;
    const downtime = Number(game.downtime_min);
    console.log(`measured ${measuredMin.toFixed(2)} min stopped; report: ${r.stdout.replaceAll('\r\n', ' | ')}`);
    expect(Math.abs(downtime - measuredMin)).toBeLessThan(3 / 60);
    expect(Math.round(downtime)).toBe(Math.round(measuredMin));
    expect(game.outages).toBe('1');
    expect(game.longest_outage_min).toBe(game.downtime_min);
    // monitored from game-1's first ALIVE until --to, so availability follows from the measurement
    const firstAlive = Date.parse((await host('game-1'))!.statusHistory.find((e) => e.change === 'ALIVE')!.at);
    const monitoredMin = (to.getTime() - firstAlive) / MIN;
    expect(Number(game.monitored_min)).toBeCloseTo(monitoredMin, 1);
    const expectedPct = 100 * (1 - measuredMin / monitoredMin);
    expect(Math.abs(Number(game.availability_pct) - expectedPct)).toBeLessThan((100 * (3 / 60)) / monitoredMin);
    // web-1 kept running
    expect(rows.web).toMatchObject({ hosts: '1', availability_pct: '100', downtime_min: '0', outages: '0' });

    // the GraphQL query gives the same file in its csv field, and the same figures in its rows
    const q = await gql<{ reportAvailability: { csv: string; rows: { group: string; downtimeMinutes: number }[] } }>(server.url, 'query($i: ReportInput) { reportAvailability(input: $i) { csv rows { group downtimeMinutes } } }', { i: { from: new Date(to.getTime() - 7 * 86_400_000).toISOString(), to: to.toISOString(), by: 'label:role' } }, admin);
    expect(q.data?.reportAvailability.rows.find((x) => x.group === 'game')?.downtimeMinutes).toBe(downtime);
    expect(q.data?.reportAvailability.csv.split('\r\n').slice(1).map((l) => l.split(',').slice(3).join(','))).toEqual(r.stdout.split('\r\n').slice(1).map((l) => l.split(',').slice(3).join(',')));
  }, 150_000);
});
