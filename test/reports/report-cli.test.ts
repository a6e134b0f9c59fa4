import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CronRunRecord, HostRecord, ProcessRestartRecord } from '../../db/entities/index.js';
import { gql, login } from '../helpers/graphql.js';
import { runCli, type CliRun } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const HOUR = 3_600_000;

/**
 * `ioms report` as a real process against a server with seeded restart and cron records: every
 * output format, tables, and refusals. (The availability figures from a live agent are in
 * availability-agent.test.ts.)
 */
describe('ioms report (CLI end to end)', () => {
  let dir: string;
  let server: TestServer;
  let env: Record<string, string>;
  const now = Date.now();
  const ioms = (...args: string[]): Promise<CliRun> => runCli(['--server', server.url, 'report', ...args], env);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-report-cli-'));
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`, { IOMS_DATA_DIR: path.join(dir, 'data') });
    env = { IOMS_CONFIG: path.join(dir, 'config.json') };
    const r = await runCli(['--server', server.url, 'login', '--user', 'admin'], { ...env, IOMS_PASSWORD: ADMIN_PASSWORD });
    expect(r.code, r.stderr).toBe(0);
    const em = server.services.orm.em.fork();
    const host = em.create(HostRecord, { name: '=evil,host', credentialHash: 'x'.repeat(64), enrolledAt: new Date(now - 48 * HOUR), agentLabels: { role: 'game' }, serverLabels: {}, online: false, alive: false });
    await em.flush();
    em.create(ProcessRestartRecord, { hostId: host.id, process: 'game "srv"', at: new Date(now - 2 * HOUR), count: 1, outcome: 'RESTART', exitCode: 1 });
    em.create(ProcessRestartRecord, { hostId: host.id, process: 'game "srv"', at: new Date(now - HOUR), count: 5, outcome: 'FATAL', exitCode: 1 });
    em.create(CronRunRecord, { hostId: host.id, name: 'backup', startedAt: new Date(now - 3 * HOUR), status: 'SUCCEEDED' });
    em.create(CronRunRecord, { hostId: host.id, name: 'backup', startedAt: new Date(now - 2 * HOUR), status: 'FAILED' });
    await em.flush();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('-o csv: RFC 4180 with the hostile names quoted and neutralised, one table', async () => {
    const r = await ioms('restarts', '--from', '1d', '-o', 'csv');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('group,process,period_start,period_end,hosts,restarts,exits,gave_up,last_at');
    expect(lines[1]).toMatch(/^"'=evil,host","game ""srv""",[^,]+,[^,]+,1,1,0,1,[^,]+$/);
    expect(lines).toHaveLength(3);
    const loops = await ioms('restarts', '--from', '1d', '-o', 'csv', '--table', 'crash-loops');
    expect(loops.stdout.split('\r\n')[1]).toMatch(/^"'=evil,host","game ""srv""",[^,]+,5,1,$/);
  });

  it('-o csv is byte for byte the csv field of the query', async () => {
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const to = new Date().toISOString();
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const cli = await ioms('cron', '--from', from, '--to', to, '--by', 'label:role', '-o', 'csv');
    const q = await gql<{ reportCron: { csv: string } }>(server.url, 'query($i: ReportInput) { reportCron(input: $i) { csv } }', { i: { from, to, by: 'label:role' } }, token);
    expect(cli.stdout).toBe(q.data?.reportCron.csv);
    expect(cli.stdout.split('\r\n')[1]).toMatch(/^game,backup,[^,]+,[^,]+,1,2,1,1,0,0,50,/);
  });

  it('-o table prints every table with its name; -o json the whole result', async () => {
    const t = await ioms('restarts', '--from', '1d');
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^restarts\nGROUP +PROCESS/);
    expect(t.stdout).toContain('\ncrash-loops\nHOST');
    const j = await ioms('cron', '--from', '1d', '--per', 'day', '-o', 'json');
    const out = JSON.parse(j.stdout) as { scope: { period: string; by: string }; rows: { entry: string; successPercent: number }[] };
    expect(out.scope).toMatchObject({ period: 'DAY', by: 'host' });
    expect(out.rows.map((x) => x.entry)).toContain('backup');
  });

  const refusals = [
    { name: 'an unknown period', args: ['cron', '--per', 'year'], message: /--per must be day, week or month/, code: 2 },
    { name: 'an unknown table', args: ['cron', '--table', 'nope', '-o', 'csv'], message: /cron has no table "nope"/, code: 2 },
    { name: 'a bad grouping', args: ['cron', '--by', 'owner'], message: /--by must be "host" or "label:KEY"/, code: 1 },
    { name: 'a bad duration', args: ['cron', '--from', 'soon'], message: /is not a duration/, code: 2 },
    { name: 'from after to', args: ['availability', '--from', '1h', '--to', '2h'], message: /must be before to/, code: 1 },
  ];
  it.each(refusals)('refuses $name with a clear message', async (c) => {
    const r = await ioms(...c.args);
    expect(r.code).toBe(c.code);
    expect(r.stderr).toMatch(c.message);
    expect(r.stdout).toBe('');
  });
});
