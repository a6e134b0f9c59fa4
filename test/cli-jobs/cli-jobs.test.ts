import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { freePort, IOMS_BIN, runCli, spawnAgent, spawnServer, waitFor, type AgentProcess, type CliRun, type ServerProcess } from '../helpers/processes.js';

/**
 * `ioms exec`, `ioms jobs`, `ioms job` as real processes against a real server and three real
 * agents (cli-a, cli-b, cli-c; cli-c's commands see ROLE=bad so a command can fail there only).
 * IOMS_CLI_JOBS_BIN may point at another entry point of the same CLI.
 */
describe('ioms exec and ioms job against a server and three agents', () => {
  let dir: string;
  let port: number;
  let server: ServerProcess;
  let admin: string;
  let env: Record<string, string>;
  const agents: AgentProcess[] = [];
  const HOSTS = ['cli-a', 'cli-b', 'cli-c'];
  const bin = process.env.IOMS_CLI_JOBS_BIN ?? IOMS_BIN;
  const ioms = (args: string[], extra: Record<string, string> = {}): Promise<CliRun> =>
    new Promise((resolve) => {
      const proc = spawn(process.execPath, [bin, '--server', server.url, ...args], { env: { ...process.env, ...env, ...extra }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      proc.once('exit', (code) => resolve({ code, stdout, stderr }));
      proc.stdin.end('');
    });
  const serverEnv = () => ({ IOMS_PORT: String(port), IOMS_ADMIN_PASSWORD: 'jobs-admin-password', IOMS_DATA_DIR: path.join(dir, 'data'), IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}` });
  const allOnline = () =>
    waitFor(async () => {
      const r = await gql<{ hosts: { nodes: { name: string; online: boolean }[] } }>(server.url, '{ hosts { nodes { name online } } }', {}, admin);
      return r.data?.hosts.nodes.filter((h) => h.online).length === 3;
    }, 30_000, 'three agents online');
  const json = <T>(r: CliRun): T => {
    expect(r.stderr, r.stderr).toBe('');
    return JSON.parse(r.stdout) as T;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-cli-jobs-'));
    port = await freePort();
    server = await spawnServer(serverEnv(), dir);
    env = { IOMS_CONFIG: path.join(dir, 'config.json') };
    const loggedIn = await runCli(['--server', server.url, 'login', '--user', 'admin'], { ...env, IOMS_PASSWORD: 'jobs-admin-password' });
    expect(loggedIn.code, loggedIn.stderr).toBe(0);
    admin = await login(server.url, 'admin', 'jobs-admin-password');
    const t = await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation($i: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $i) { token } }', { i: { labels: { suite: 'cli-jobs' }, maxUses: 3 } }, admin);
    const token = t.data!.createEnrollmentToken.token;
    for (const name of HOSTS) {
      agents.push(spawnAgent(['--server', server.url, '--token', token, '--name', name, '--state-dir', path.join(dir, name), '--heartbeat-interval', '1s', '--reconnect-max', '2s'], { ROLE: name === 'cli-c' ? 'bad' : 'good' }));
    }
    await allOnline();
  });
  afterAll(async () => {
    for (const a of agents) await a.stop('SIGKILL');
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs hostname on three agents: -o json is exactly {job, results} sorted by host', async () => {
    const r = await ioms(['exec', '-l', '', '-o', 'json', '--', 'hostname']);
    expect(r.code, r.stderr).toBe(0);
    const out = json<{ job: number; results: { host: string; status: string; exitCode: number; stdout: string; stderr: string; durationMs: number }[] }>(r);
    expect(Object.keys(out)).toEqual(['job', 'results']);
    expect(out.job).toEqual(expect.any(Number));
    expect(out.results.map((x) => x.host)).toEqual(HOSTS);
    for (const x of out.results) {
      expect(Object.keys(x)).toEqual(['host', 'status', 'exitCode', 'stdout', 'stderr', 'durationMs']);
      expect(x).toMatchObject({ status: 'SUCCEEDED', exitCode: 0, stdout: `${os.hostname()}\n`, stderr: '' });
      expect(x.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('groups identical outputs, prints a summary, and exits 1 when a host failed', async () => {
    const r = await ioms(['exec', ...HOSTS, '--', 'echo role=$ROLE; test "$ROLE" = good']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('cli-a, cli-b (2 hosts): SUCCEEDED, exit 0\n    role=good\n');
    expect(r.stdout).toContain('cli-c: FAILED, exit 1\n    role=bad\n');
    expect(r.stdout.indexOf('SUCCEEDED')).toBeLessThan(r.stdout.indexOf('FAILED'));
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^3 hosts: 2 succeeded, 1 failed · job \d+ COMPLETED · [\d.]+m?s$/);
  });

  it('passes --env, --cwd and --shell to the command', async () => {
    const r = await ioms(['exec', 'cli-a', '--env', 'GREETING=hi there', '--cwd', dir, '--shell', 'bash', '-o', 'json', '--', 'echo "$GREETING from $(pwd) in ${BASH_VERSION:+bash}"']);
    expect(r.code, r.stderr).toBe(0);
    expect(json<{ results: { stdout: string }[] }>(r).results[0]!.stdout).toBe(`hi there from ${fs.realpathSync(dir)} in bash\n`);
  });

  it('reports a timeout as TIMED_OUT', async () => {
    const r = await ioms(['exec', 'cli-b', '--timeout', '1s', '-o', 'json', '--', 'sleep 30']);
    expect(r.code).toBe(1);
    expect(json<{ results: { status: string }[] }>(r).results.map((x) => x.status)).toEqual(['TIMED_OUT']);
  });

  it('--batch 1 --max-failures 0 stops after the first failure', async () => {
    const r = await ioms(['exec', ...HOSTS, '--batch', '1', '--max-failures', '0', '--', 'exit 3']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/: FAILED, exit 3\n/);
    expect(r.stdout).toMatch(/job \d+ STOPPED/);
    expect(r.stdout.match(/FAILED, exit 3/g)).toHaveLength(1);
  });

  it('--no-wait prints the job id; ioms job ID --wait, ioms job ID and ioms jobs show it', async () => {
    const submitted = await ioms(['exec', '-l', 'suite=cli-jobs', '--no-wait', '--', 'echo later']);
    expect(submitted.code, submitted.stderr).toBe(0);
    const id = submitted.stdout.trim();
    expect(id).toMatch(/^\d+$/);
    const waited = await ioms(['job', id, '--wait']);
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stdout).toMatch(new RegExp(`^Job: +${id} \\(SHELL\\)$`, 'm'));
    expect(waited.stdout).toContain('cli-a, cli-b, cli-c (3 hosts): SUCCEEDED, exit 0\n    later\n');
    const shown = json<{ id: string; status: string; targets: { host: string; stdout: string }[] }>(await ioms(['job', id, '-o', 'json']));
    expect(shown).toMatchObject({ id, status: 'COMPLETED' });
    expect(shown.targets.map((t) => t.stdout)).toEqual(['later\n', 'later\n', 'later\n']);
    const list = json<{ nodes: { id: string }[]; pageInfo: unknown }>(await ioms(['jobs', '-o', 'json', '--limit', '3']));
    expect(list.nodes[0]!.id).toBe(id);
    const table = await ioms(['jobs', '--status', 'completed', '--limit', '1']);
    expect(table.stdout).toMatch(/^ID\s+STATUS\s+COMMAND/);
    expect(table.stdout).toContain('echo later');
    expect(table.stdout).toContain('(more: --after');
  });

  it('pauses, resumes and cancels a rolling job', async () => {
    // Each batch runs until the test lets it end, so pause, resume and cancel all land while the
    // first batch runs however slowly the CLI processes start: the other two are never sent.
    const go = path.join(dir, 'rolling.go');
    const submitted = await ioms(['exec', ...HOSTS, '--batch', '1', '--no-wait', '--', `while [ ! -e ${go} ]; do sleep 0.1; done`]);
    const id = submitted.stdout.trim();
    expect((await ioms(['job', 'pause', id])).stdout).toMatch(new RegExp(`^Job ${id} PAUSED`));
    expect((await ioms(['job', 'resume', id])).stdout).toMatch(new RegExp(`^Job ${id} RUNNING`));
    const cancelled = json<{ status: string }>(await ioms(['job', 'cancel', id, '-o', 'json']));
    expect(cancelled.status).toBe('CANCELLED');
    fs.writeFileSync(go, '');
    const waited = await ioms(['job', id, '--wait', '-o', 'json']);
    expect(waited.code).toBe(1);
    expect(json<{ targets: { status: string }[] }>(waited).targets.some((t) => t.status === 'CANCELLED')).toBe(true);
  });

  it('refuses usage errors with exit 2 before calling the server', async () => {
    const cases: { args: string[]; message: RegExp }[] = [
      { args: ['exec', '--', 'hostname'], message: /-l '' means every host/ },
      { args: ['exec', 'cli-a', 'hostname'], message: /put the command after --/ },
      { args: ['exec', 'cli-a', '--batch', '0%', '--', 'x'], message: /--batch must be/ },
      { args: ['exec', 'cli-a', '--batch'], message: /argument missing/ },
      { args: ['job', 'abc'], message: /not a job id/ },
      { args: ['jobs', '--limit', '0'], message: /--limit must be/ },
    ];
    for (const c of cases) {
      const r = await ioms(c.args, { IOMS_CONFIG: path.join(dir, 'nobody.json') });
      expect(r.code, c.args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(c.message);
      expect(r.stdout).toBe('');
    }
  });

  it('says so when no host matches, and when a job does not exist', async () => {
    const none = await ioms(['exec', '-l', 'suite=nothing-here', '--', 'true']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^ioms: .*(no host|match)/im);
    const missing = await ioms(['job', '999999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no job 999999|not found/);
  });

  it('refuses a viewer, with the server\'s reason on stderr', async () => {
    const added = await ioms(['user', 'add', 'vera', '--role', 'viewer'], { IOMS_NEW_PASSWORD: 'vera-password-1' });
    expect(added.code, added.stderr).toBe(0);
    const viewerEnv = { IOMS_CONFIG: path.join(dir, 'viewer.json') };
    expect((await ioms(['login', '--user', 'vera'], { ...viewerEnv, IOMS_PASSWORD: 'vera-password-1' })).code).toBe(0);
    const r = await ioms(['exec', '-l', '', '--', 'true'], viewerEnv);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ioms: .+\n$/);
  });

  it('keeps following a job across a server SIGKILL and restart, and reports every result once', async () => {
    const running = ioms(['exec', '-l', 'suite=cli-jobs', '-o', 'json', '--', 'sleep 4; echo survived']);
    await new Promise((r) => setTimeout(r, 2_500));
    await server.stop('SIGKILL');
    server = await spawnServer(serverEnv(), dir);
    await allOnline();
    const r = await running;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/progress stream interrupted .*reconnecting/);
    const out = JSON.parse(r.stdout) as { results: { host: string; status: string; stdout: string }[] };
    expect(out.results).toEqual(HOSTS.map((host) => expect.objectContaining({ host, status: 'SUCCEEDED', stdout: 'survived\n' })));
  }, 90_000);
});
