/**
 * `ioms cron next`, `ioms apply` of crontab entries, `ioms get cron`, `ioms get cron-runs`,
 * `ioms describe host` and `ioms get hosts -l` as real processes against a real server and one
 * real agent (`cron-h1`, labelled env=prod) whose entries run on real timers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRun, parseSchedule } from '../../manifests/index.js';
import { gql, login } from '../helpers/graphql.js';
import { runCli, spawnAgent, spawnServer, waitFor, type AgentProcess, type CliRun, type ServerProcess } from '../helpers/processes.js';

const PASSWORD = 'cron-admin-password';
const HOST = 'cron-h1';

const profile = (crontab: string) => `apiVersion: ioms/v1
kind: Profile
metadata:
  name: cron-suite
spec:
  selector: { matchLabels: { suite: cron } }
  crontab:
${crontab}`;

interface CronEntryJson {
  host: string;
  name: string;
  schedule: string;
  timezone: string;
  state: string;
  nextRunAt: string | null;
  lastRun: { startedAt: string; exitCode: number | null; durationMs: number | null; status: string } | null;
}
interface CronRunJson {
  host: string;
  name: string;
  startedAt: string;
  exitCode: number | null;
  durationMs: number | null;
  status: string;
  output: string | null;
}

describe('cron commands against a real server and agent', () => {
  let dir: string;
  let server: ServerProcess;
  let agent: AgentProcess;
  let env: Record<string, string>;
  let admin: string;
  const ioms = (...args: string[]): Promise<CliRun> => runCli(['--server', server.url, ...args], env);
  const json = <T>(r: CliRun): T => {
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  const write = (name: string, text: string): string => {
    const d = path.join(dir, name);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, 'cron.profile.yaml'), text);
    return d;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-cli-cron-'));
    server = await spawnServer({ IOMS_ADMIN_PASSWORD: PASSWORD, IOMS_DATA_DIR: path.join(dir, 'data'), IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}` }, dir);
    env = { IOMS_CONFIG: path.join(dir, 'config.json') };
    const loggedIn = await runCli(['--server', server.url, 'login', '--user', 'admin'], { ...env, IOMS_PASSWORD: PASSWORD });
    expect(loggedIn.code, loggedIn.stderr).toBe(0);
    admin = await login(server.url, 'admin', PASSWORD);
    const t = await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation($i: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $i) { token } }', { i: { labels: { suite: 'cron', env: 'prod' }, maxUses: 1 } }, admin);
    agent = spawnAgent(['--server', server.url, '--token', t.data!.createEnrollmentToken.token, '--name', HOST, '--state-dir', path.join(dir, HOST), '--heartbeat-interval', '1s']);
    await waitFor(async () => {
      const r = await gql<{ hosts: { nodes: { name: string; online: boolean }[] } }>(server.url, '{ hosts { nodes { name online } } }', {}, admin);
      return r.data?.hosts.nodes.some((h) => h.name === HOST && h.online);
    }, 30_000, 'the agent online');
  }, 90_000);
  afterAll(async () => {
    await agent?.stop('SIGKILL');
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cron next prints the engine’s run times as JSON, and refuses a bad expression with exit 2', async () => {
    const r = await ioms('cron', 'next', '30 4 1,15 * 5', '--tz', 'UTC', '--from', '2024-01-02T00:00:00Z', '-n', '3', '-o', 'json');
    expect(json(r)).toEqual({ schedule: '30 4 1,15 * 5', timezone: 'UTC', next: ['2024-01-05T04:30:00.000Z', '2024-01-12T04:30:00.000Z', '2024-01-15T04:30:00.000Z'] });
    const bad = await ioms('cron', 'next', '0 0 31 4 *');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('ioms: invalid schedule "0 0 31 4 *": it can never run: day 31 does not occur in April (column 5)\n');
    const zone = await ioms('cron', 'next', '@daily', '--tz', 'Mars/Base');
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/unknown time zone "Mars\/Base"/);
  });

  it('the cronNextRuns query answers from the same engine and refuses bad input', async () => {
    const q = 'query($s: String!, $tz: String, $f: DateTime, $n: Int) { cronNextRuns(schedule: $s, timezone: $tz, from: $f, count: $n) { schedule timezone next } }';
    const ok = await gql<{ cronNextRuns: unknown }>(server.url, q, { s: '30 2 * * *', tz: 'America/New_York', f: '2024-03-09T12:00:00Z', n: 2 }, admin);
    expect(ok.data?.cronNextRuns).toEqual({ schedule: '30 2 * * *', timezone: 'America/New_York', next: ['2024-03-10T07:00:00.000Z', '2024-03-11T06:30:00.000Z'] });
    const bad = await gql(server.url, q, { s: '0 0 30 2 *' }, admin);
    expect(bad.errors?.[0]).toMatchObject({ message: expect.stringMatching(/day 30 does not occur in February \(column 5\)/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('apply refuses a manifest with an impossible entry, pointing at its line, and stores nothing', async () => {
    const d = write('bad', profile(`    - name: fine
      schedule: "*/5 * * * *"
      command: "true"
    - name: never
      schedule: "0 0 31 4 *"
      command: "true"
`));
    const r = await ioms('apply', '-f', d);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cron\.profile\.yaml:12:22: spec\.crontab\[1\]\.schedule: it can never run: day 31 does not occur in April/);
    expect(r.stderr).not.toMatch(/crontab\[0\]/);
    expect(json<unknown[]>(await ioms('get', 'revisions', '-o', 'json'))).toEqual([]);
  });

  it('get cron and get cron-runs show the agent’s entries and their real runs; describe host lists them', async () => {
    const d = write('good', profile(`    - name: tick
      schedule: "* * * * * *"
      command: "echo tick-output"
    - name: fortnightly
      schedule: "30 4 1,15 * 5"
      timezone: UTC
      command: "true"
    - name: at-boot
      schedule: "@reboot"
      command: "echo booted"
`));
    const applied = await ioms('apply', '-f', d);
    expect(applied.code, applied.stderr).toBe(0);

    const runs = await waitFor(async () => {
      const list = json<CronRunJson[]>(await ioms('get', 'cron-runs', HOST, '--since', '1h', '-o', 'json'));
      return list.filter((x) => x.name === 'tick').length >= 2 && list.some((x) => x.name === 'at-boot') ? list : undefined;
    }, 60_000, 'tick and at-boot runs reported');
    const tick = runs.find((x) => x.name === 'tick')!;
    expect(tick).toMatchObject({ host: HOST, status: 'SUCCEEDED', exitCode: 0, output: 'tick-output\n' });
    expect(tick.durationMs).toBeGreaterThanOrEqual(0);
    expect(runs.filter((x) => x.name === 'at-boot')).toMatchObject([{ exitCode: 0, output: 'booted\n' }]);

    const onlyTick = json<CronRunJson[]>(await ioms('get', 'cron-runs', '--name', 'tick', '-o', 'json'));
    expect(onlyTick.length).toBeGreaterThan(0);
    expect(new Set(onlyTick.map((x) => x.name))).toEqual(new Set(['tick']));
    const table = await ioms('get', 'cron-runs', HOST, '--name', 'tick');
    expect(table.stdout).toMatch(/^HOST\s+NAME\s+STARTED\s+STATUS\s+EXIT\s+DURATION\s+OUTPUT$/m);
    expect(table.stdout).toMatch(new RegExp(`^${HOST}\\s+tick\\s+\\S+\\s+SUCCEEDED\\s+0\\s+\\S+\\s+tick-output$`, 'm'));

    const entries = await waitFor(async () => {
      const list = json<CronEntryJson[]>(await ioms('get', 'cron', '-l', 'env in (prod,)', '-o', 'json'));
      return list.find((e) => e.name === 'tick')?.lastRun && list.every((e) => e.state === 'SCHEDULED') ? list : undefined;
    }, 40_000, 'entries reported as scheduled');
    expect(entries.map((e) => e.name)).toEqual(['at-boot', 'fortnightly', 'tick']);
    const fortnightly = entries.find((e) => e.name === 'fortnightly')!;
    const expected = nextRun((parseSchedule('30 4 1,15 * 5') as { ok: true; schedule: never }).schedule, Date.now(), 'UTC')!;
    expect(fortnightly).toMatchObject({ host: HOST, schedule: '30 4 1,15 * 5', timezone: 'UTC', state: 'SCHEDULED', nextRunAt: expected.toISOString() });
    expect(entries.find((e) => e.name === 'at-boot')).toMatchObject({ nextRunAt: null, lastRun: { exitCode: 0, status: 'SUCCEEDED' } });
    const tickEntry = entries.find((e) => e.name === 'tick')!;
    expect(tickEntry.lastRun).toMatchObject({ exitCode: 0, status: 'SUCCEEDED' });
    expect(Date.parse(tickEntry.nextRunAt!)).toBeGreaterThan(Date.parse(tickEntry.lastRun!.startedAt));

    const cronTable = await ioms('get', 'cron', HOST);
    expect(cronTable.stdout).toMatch(/^HOST\s+NAME\s+SCHEDULE\s+ZONE\s+STATE\s+LAST RUN\s+EXIT\s+DURATION\s+NEXT RUN\s+REASON$/m);
    expect(cronTable.stdout).toMatch(new RegExp(`^${HOST}\\s+fortnightly\\s+30 4 1,15 \\* 5\\s+UTC\\s+SCHEDULED\\s+-\\s+-\\s+-\\s+${expected.toISOString()}`, 'm'));

    const described = await ioms('describe', 'host', HOST);
    expect(described.code, described.stderr).toBe(0);
    expect(described.stdout).toMatch(/^Cron entries:$/m);
    expect(described.stdout).toMatch(/^tick\s+\* \* \* \* \* \*\s+\S+\s+SCHEDULED\s+\S+\s+0\s+/m);
    expect(json<{ cron: CronEntryJson[] }>(await ioms('describe', 'host', HOST, '-o', 'json')).cron.map((e) => e.name)).toEqual(['at-boot', 'fortnightly', 'tick']);
  }, 180_000);

  it.each([
    { selector: 'env in (prod,)', hosts: [HOST] },
    { selector: 'env in (,prod)', hosts: [HOST] },
    { selector: 'env in ()', hosts: [] },
    { selector: 'env notin (,)', hosts: [HOST] },
    { selector: 'env\r\n=\tprod', hosts: [HOST] },
    { selector: '!env', hosts: [] },
  ])('get hosts -l $selector', async ({ selector, hosts }) => {
    const list = json<{ name: string }[]>(await ioms('get', 'hosts', '-l', selector, '-o', 'json'));
    expect(list.map((h) => h.name)).toEqual(hosts);
  });

  it.each([
    { selector: 'env in (prod', column: 13, commands: [['get', 'hosts'], ['get', 'cron'], ['get', 'cron-runs']] },
    { selector: 'env in prod', column: 8, commands: [['get', 'hosts']] },
    { selector: 'in=prod', column: 1, commands: [['get', 'hosts']] },
  ])('-l $selector is a usage error naming the selector and the column', { timeout: 60_000 }, async ({ selector, column, commands }) => {
    for (const command of commands) {
      const r = await ioms(...command, '-l', selector);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^ioms: invalid selector ${JSON.stringify(selector).replace(/[()[\]]/g, '\\$&')}: .*\\(column ${column}\\)\\n$`));
    }
  });
});
