import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { runCli, spawnAgent, spawnServer, waitFor, type AgentProcess, type CliRun, type ServerProcess } from '../helpers/processes.js';

interface RolloutJson { hosts: { host: string; status: string; drift: { key: string; action: string; reason: string; sentence: string }[] }[] }
interface Observed { processes: { name: string; pid?: number; state: string; restarts: number; lastExitCode?: number; reason?: string }[]; files: { path: string }[]; cron: { name: string }[] }

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Pids of the children of `pid` (Linux /proc). */
const childrenOf = (pid: number): number[] => {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

/**
 * One planner, end to end with a real server, a real agent and the real CLI: what leaves the
 * desired state is removed from the host (apply and rollback), a hand-modified file is left with
 * a reason, a crash-looping process is FATAL with its reason until the manifest is fixed, a file's
 * restartProcess may name a process added in the same apply, and an apply naming a missing
 * artifact is refused with file:line:column.
 */
describe.runIf(process.platform === 'linux')('removal, FATAL processes and references, with a server, an agent and the CLI', { timeout: 120_000 }, () => {
  let dir: string;
  let server: ServerProcess;
  let agent: AgentProcess;
  let admin: string;
  let env: Record<string, string>;
  const revisions: number[] = [];
  const conf = () => path.join(dir, 'host', 'app.conf');
  const seen = () => path.join(dir, 'host', 'seen.txt');
  const ticks = () => path.join(dir, 'host', 'ticks.log');
  const payload = 'listen=7000\n';

  const ioms = (args: string[]): Promise<CliRun> => runCli(['--server', server.url, ...args], env);
  const writeManifest = (name: string, text: string): string => {
    const file = path.join(dir, 'manifests', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  const rollout = async (): Promise<RolloutJson['hosts'][number] | undefined> => {
    const r = await ioms(['rollout', 'status', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as RolloutJson).hosts.find((h) => h.host === 'remover');
  };
  const observed = async () => (await gql<{ host: { observedState: Observed | null } }>(server.url, '{ host(name: "remover") { observedState } }', {}, admin)).data!.host.observedState;
  const appPid = async () => (await observed())?.processes.find((p) => p.name === 'app' && p.state === 'RUNNING')?.pid;
  const converged = (what: string) => waitFor(async () => (await rollout())?.status === 'CONVERGED', 40_000, what);
  const latestRevision = async () => (await gql<{ manifestRevisions: { nodes: { id: number }[] } }>(server.url, '{ manifestRevisions { nodes { id } } }', {}, admin)).data!.manifestRevisions.nodes[0]?.id;

  const full = () => `apiVersion: ioms/v1
kind: Profile
metadata: { name: remover }
spec:
  selector: { matchLabels: { role: remover } }
  processes:
    - name: app
      command: /bin/sh
      args: ["-c", "cat ${conf()} > ${seen()}; sleep 300 & wait"]
      restart: { policy: always, backoffSeconds: 1, maxBackoffSeconds: 2 }
  crontab:
    - name: tick
      schedule: "* * * * * *"
      command: "echo tick >> ${ticks()}"
  files:
    - path: ${conf()}
      artifact: app-conf@1
      mode: "0640"
      restartProcess: app
`;
  const empty = `apiVersion: ioms/v1
kind: Profile
metadata: { name: remover }
spec:
  selector: { matchLabels: { role: remover } }
`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-removal-'));
    fs.mkdirSync(path.join(dir, 'host'));
    server = await spawnServer({ IOMS_ADMIN_PASSWORD: 'removal-admin-pw', IOMS_DATA_DIR: path.join(dir, 'data'), IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}` }, dir);
    env = { IOMS_CONFIG: path.join(dir, 'config.json') };
    const loggedIn = await runCli(['--server', server.url, 'login', '--user', 'admin'], { ...env, IOMS_PASSWORD: 'removal-admin-pw' });
    expect(loggedIn.code, loggedIn.stderr).toBe(0);
    admin = await login(server.url, 'admin', 'removal-admin-pw');
    const put = await fetch(`${server.url}/artifacts/app-conf?version=1`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body: payload });
    expect(put.status).toBe(201);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { labels: { role: "remover" } }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    // A long file check: the hand edit below must not be restored before the removal arrives.
    agent = spawnAgent(['--server', server.url, '--token', token, '--name', 'remover', '--state-dir', path.join(dir, 'agent'), '--file-check-interval', '60s', '--metrics-interval', '5s']);
    await waitFor(async () => (await gql<{ host: { online: boolean } | null }>(server.url, '{ host(name: "remover") { online } }', {}, admin)).data?.host?.online, 20_000, 'remover online');
  });
  afterAll(async () => {
    await agent?.stop('SIGTERM');
    await server?.stop();
    const procs = path.join(dir, 'agent', 'supervisor', 'processes');
    for (const f of fs.existsSync(procs) ? fs.readdirSync(procs) : []) {
      const rec = JSON.parse(fs.readFileSync(path.join(procs, f), 'utf8')) as { pid?: number };
      if (rec.pid && alive(rec.pid)) process.kill(-rec.pid, 'SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a file whose restartProcess names a process added in the same apply: no warning, the process starts after the file lands', async () => {
    const r = await ioms(['apply', '-f', writeManifest('remover.yaml', full())]);
    expect(r.code, r.stderr).toBe(0);
    revisions.push((await latestRevision())!);
    await converged('converged with file, process and cron entry');
    expect(fs.readFileSync(seen(), 'utf8')).toBe(payload);
    expect(fs.statSync(conf()).mode & 0o777).toBe(0o640);
    expect(agent.output()).not.toMatch(/no guarded process named/);
    await waitFor(() => fs.existsSync(ticks()), 5_000, 'a cron run');
  });

  it('get processes shows the CPU and RSS the agent sampled for the guarded process tree', async () => {
    type Row = { host: string; name: string; state: string; pid: number | null; cpu: number | null; rssBytes: number | null };
    // The first reading has RSS only; the observed state is sent again every metrics interval (5 s here) with CPU.
    const row = await waitFor(async () => {
      const r = await ioms(['get', 'processes', 'remover', '-o', 'json']);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as Row[]).find((p) => p.name === 'app' && p.cpu !== null);
    }, 20_000, 'app with a CPU figure');
    expect(row.state).toBe('RUNNING');
    expect(row.cpu).toBeGreaterThanOrEqual(0);
    // sh and its sleep child: a few hundred KiB at least, far below a gigabyte.
    expect(row.rssBytes).toBeGreaterThan(100 * 1024);
    expect(row.rssBytes).toBeLessThan(2 ** 30);
    const table = await ioms(['get', 'processes', 'remover']);
    expect(table.stdout.split('\n')[0]).toMatch(/CPU%\s+RSS/i);
    expect(table.stdout).toMatch(/app\s+RUNNING\s+\d+\s+\S+\s+\d+\s+\d+\.\d\s+\d+\.\dM/);
  });

  const expectRemoved = async (pid: number, child: number[]) => {
    await waitFor(() => !fs.existsSync(conf()), 15_000, 'the file deleted');
    await waitFor(() => !alive(pid) && child.every((c) => !alive(c)), 15_000, 'the process tree stopped');
    await converged('converged without them');
    const before = fs.readFileSync(ticks(), 'utf8').length;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(fs.readFileSync(ticks(), 'utf8').length).toBe(before);
    const o = await observed();
    expect(o).toMatchObject({ processes: [], files: [], cron: [] });
  };

  it('apply without them: the file is deleted, the process tree stopped, the entry no longer runs, converged', async () => {
    const pid = (await appPid())!;
    const child = childrenOf(pid);
    expect(child.length).toBeGreaterThan(0);
    const r = await ioms(['apply', '-f', writeManifest('remover.yaml', empty)]);
    expect(r.code, r.stderr).toBe(0);
    revisions.push((await latestRevision())!);
    await expectRemoved(pid, child);
  });

  it('ioms rollback to a revision with them brings them back; to one without removes them again', async () => {
    const back = await ioms(['rollback', String(revisions[0])]);
    expect(back.code, back.stderr).toBe(0);
    await converged('converged after rolling back to the full revision');
    expect(fs.readFileSync(conf(), 'utf8')).toBe(payload);
    const pid = (await waitFor(appPid, 10_000, 'app running'))!;
    const child = childrenOf(pid);
    const again = await ioms(['rollback', String(revisions[1])]);
    expect(again.code, again.stderr).toBe(0);
    await expectRemoved(pid, child);
  });

  it('a managed file changed by hand is left in place, with the reason, when it leaves the desired state', async () => {
    expect((await ioms(['rollback', String(revisions[0])])).code).toBe(0);
    await converged('converged with the file again');
    fs.writeFileSync(conf(), 'edited by an operator\n');
    expect((await ioms(['rollback', String(revisions[1])])).code).toBe(0);
    const host = await waitFor(async () => {
      const h = await rollout();
      return h?.drift.some((d) => d.reason === 'MODIFIED_BY_HAND') ? h : undefined;
    }, 20_000, 'the file held with MODIFIED_BY_HAND');
    expect(host.status).toBe('DRIFTED');
    expect(host.drift).toEqual([expect.objectContaining({ action: 'Hold', reason: 'MODIFIED_BY_HAND', sentence: expect.stringMatching(/changed by hand since IOMS wrote it/) })]);
    expect(fs.readFileSync(conf(), 'utf8')).toBe('edited by an operator\n');
    await waitFor(async () => !(await appPid()), 10_000, 'the process stopped all the same');
    // The operator deletes it; the next plan forgets it and the host converges.
    fs.rmSync(conf());
  });

  it('a process whose command exits at once goes FATAL with its reason; fixing the manifest brings it back', async () => {
    const crashing = `apiVersion: ioms/v1
kind: Profile
metadata: { name: remover }
spec:
  selector: { matchLabels: { role: remover } }
  processes:
    - name: crash
      command: /bin/sh
      args: ["-c", "exit 3"]
      restart: { policy: always, backoffSeconds: 1, maxBackoffSeconds: 1, startLimit: 3 }
`;
    expect((await ioms(['apply', '-f', writeManifest('remover.yaml', crashing)])).code).toBe(0);
    const host = await waitFor(async () => {
      const h = await rollout();
      return h?.drift.some((d) => d.key === 'process:crash' && d.reason === 'FATAL') ? h : undefined;
    }, 30_000, 'crash FATAL in rollout status');
    expect(host.status).not.toBe('CONVERGED');
    expect(host.drift.find((d) => d.key === 'process:crash')?.sentence).toMatch(/FATAL after \d+ restarts, last exit code 3\): exited quickly 3 times/);
    expect((await observed())?.processes.find((p) => p.name === 'crash')).toMatchObject({ state: 'FATAL', lastExitCode: 3, reason: expect.stringMatching(/start limit 3/) });
    // The left-behind hand-edited file was deleted by the operator: the plan forgot it.
    expect(host.drift.some((d) => d.reason === 'MODIFIED_BY_HAND')).toBe(false);

    // ioms exec --action restart-process starts it again (it runs out of budget again: still exit 3).
    const fatals = async () => (await gql<{ host: { restarts: { outcome: string }[] } }>(server.url, '{ host(name: "remover") { restarts(process: "crash") { outcome } } }', {}, admin)).data!.host.restarts.filter((r) => r.outcome === 'FATAL').length;
    await waitFor(async () => (await fatals()) >= 1, 10_000, 'the FATAL record');
    const before = await fatals();
    const exec = await ioms(['exec', '-l', 'role=remover', '--action', 'restart-process', 'crash']);
    expect(exec.code, exec.stderr).toBe(0);
    await waitFor(async () => (await fatals()) > before, 20_000, 'a second FATAL after the manual restart');

    expect((await ioms(['apply', '-f', writeManifest('remover.yaml', crashing.replace('"exit 3"', '"sleep 300"'))])).code).toBe(0);
    await converged('converged with the fixed process');
    expect((await observed())?.processes.find((p) => p.name === 'crash')?.state).toBe('RUNNING');
  });

  it('apply and diff of a manifest naming a missing artifact fail with file:line:column and store no revision', async () => {
    const before = await latestRevision();
    const file = writeManifest('missing/missing.yaml', `apiVersion: ioms/v1
kind: Profile
metadata: { name: missing }
spec:
  selector: { matchLabels: { role: remover } }
  files:
    - path: ${path.join(dir, 'host', 'never.bin')}
      artifact: no-such-artifact@1
`);
    for (const command of ['apply', 'diff']) {
      const r = await ioms([command, '-f', file]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/missing\.yaml:8:17: artifact no-such-artifact@1 is not in the store .*\[ARTIFACT_NOT_FOUND\]/);
    }
    expect(await latestRevision()).toBe(before);
  });
});
