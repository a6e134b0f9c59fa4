import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { freePort, spawnAgent, spawnServer, waitFor, type AgentProcess, type ServerProcess } from '../helpers/processes.js';

const APPLY = 'mutation($i: ApplyManifestsInput!) { applyManifests(input: $i) { applied unchanged errors { file line column code message } revision { id } hosts { host actions { type key reason sign } } } }';
interface ApplyResult { applied: boolean; unchanged: boolean; errors: { file: string; line: number; column: number; code: string; message: string }[]; revision: { id: number } | null; hosts: { host: string; actions: { type: string; key: string; reason: string; sign: string }[] }[] }
interface HostState { observedState: { processes: { name: string; pid?: number; state: string }[]; files: { path: string; md5?: string; mode?: string }[] } | null; drift: { key: string; reason: string }[]; restarts: { process: string; signal: string | null; outcome: string }[]; cronRuns: { name: string; status: string }[] }

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Desired state end to end: a real server, a real agent, real processes, cron runs and files. */
describe('manifests, the reconciler and an agent that keeps its host in shape', () => {
  let dir: string;
  let port: number;
  let server: ServerProcess;
  let agent: AgentProcess;
  let admin: string;
  const env = () => ({ IOMS_PORT: String(port), IOMS_ADMIN_PASSWORD: 'desired-admin-pw', IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}`, IOMS_DATA_DIR: path.join(dir, 'data') });
  const apply = async (files: Record<string, string>, extra: Record<string, unknown> = {}) => (await gql<{ applyManifests: ApplyResult }>(server.url, APPLY, { i: { files: Object.entries(files).map(([p, content]) => ({ path: p, content })), ...extra } }, admin)).data!.applyManifests;
  const state = async () => (await gql<{ host: HostState }>(server.url, '{ host(name: "keeper") { observedState drift { key reason } restarts { process signal outcome } cronRuns { name status } } }', {}, admin)).data!.host;
  const rollout = async () => (await gql<{ rolloutStatus: { hosts: { host: string; status: string }[] } }>(server.url, '{ rolloutStatus { hosts { host status } } }', {}, admin)).data!.rolloutStatus.hosts[0]?.status;
  const pidOf = async (name: string) => (await state()).observedState?.processes.find((p) => p.name === name && p.state === 'RUNNING')?.pid;
  const marker = () => path.join(dir, 'cron.log');
  const payload = crypto.randomBytes(64 * 1024);
  const target = () => path.join(dir, 'managed', 'payload.bin');

  const profile = (opts: { process?: boolean; file?: boolean } = { process: true, file: true }) => `apiVersion: ioms/v1
kind: Profile
metadata: { name: keep }
spec:
  selector: { matchLabels: { role: keeper } }
${opts.process ? `  processes:
    - name: sleeper
      command: /bin/sh
      args: ["-c", "while true; do sleep 5; done"]
      restart: { policy: always, backoffSeconds: 1, maxBackoffSeconds: 5 }
` : ''}  crontab:
    - name: tick
      schedule: "* * * * * *"
      command: "echo tick >> ${marker()}"
${opts.file ? `  files:
    - path: ${target()}
      artifact: payload@1
      md5: "${crypto.createHash('md5').update(payload).digest('hex')}"
      mode: "0640"
` : ''}`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-desired-'));
    port = await freePort();
    server = await spawnServer(env(), dir);
    admin = await login(server.url, 'admin', 'desired-admin-pw');
    const put = await fetch(`${server.url}/artifacts/payload?version=1`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body: payload });
    expect(put.status).toBe(201);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { labels: { role: "keeper" } }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    agent = spawnAgent(['--server', server.url, '--token', token, '--name', 'keeper', '--state-dir', path.join(dir, 'agent'), '--file-check-interval', '1s', '--reconnect-max', '2s']);
    await waitFor(async () => (await gql<{ host: { online: boolean } | null }>(server.url, '{ host(name: "keeper") { online } }', {}, admin)).data?.host?.online, 20_000, 'keeper online');
  });
  afterAll(async () => {
    await agent?.stop('SIGTERM');
    await server?.stop();
    // Guarded processes outlive their agent by design; end any this test left.
    const procs = path.join(dir, 'agent', 'supervisor', 'processes');
    for (const f of fs.existsSync(procs) ? fs.readdirSync(procs) : []) {
      const rec = JSON.parse(fs.readFileSync(path.join(procs, f), 'utf8')) as { pid?: number };
      if (rec.pid && alive(rec.pid)) process.kill(-rec.pid, 'SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses bad manifests with file:line:column, storing nothing', async () => {
    const r = await apply({ 'bad.yaml': 'apiVersion: ioms/v1\nkind: Profile\nmetadata: { name: x }\nspec:\n  selector: { hosts: [keeper] }\n  files:\n    - path: relative/path\n      artifact: a\n      md5: 0e4613\n' });
    expect(r.applied).toBe(false);
    expect(r.errors.length).toBeGreaterThanOrEqual(2);
    expect(r.errors.map((e) => `${e.file}:${e.line}`)).toEqual(expect.arrayContaining(['bad.yaml:7', 'bad.yaml:9']));
    expect((await gql<{ manifestRevisions: { nodes: unknown[] } }>(server.url, '{ manifestRevisions { nodes { id } } }', {}, admin)).data!.manifestRevisions.nodes).toEqual([]);
  });

  it('shows the plan in a dry run, then applies: the guarded process runs, the file lands with its MD5 and mode, the host converges', async () => {
    const dry = await apply({ 'keep.yaml': profile() }, { dryRun: true });
    expect(dry.applied).toBe(false);
    expect(dry.hosts[0]?.actions.map((a) => a.type).sort()).toEqual(['PutFile', 'SetCron', 'StartProcess']);
    expect(dry.hosts[0]?.actions.map((a) => a.sign)).toEqual(['+', '+', '+']);
    const r = await apply({ 'keep.yaml': profile() });
    expect(r.applied).toBe(true);
    await waitFor(async () => (await rollout()) === 'CONVERGED', 20_000, 'CONVERGED');
    const pid = await pidOf('sleeper');
    expect(pid && alive(pid)).toBe(true);
    expect(crypto.createHash('md5').update(fs.readFileSync(target())).digest('hex')).toBe(crypto.createHash('md5').update(payload).digest('hex'));
    expect(fs.statSync(target()).mode & 0o777).toBe(0o640);
    expect((await apply({ 'keep.yaml': profile() })).unchanged).toBe(true);
  });

  it('runs the cron entry on schedule and records its runs', async () => {
    await waitFor(() => fs.existsSync(marker()) && fs.readFileSync(marker(), 'utf8').split('\n').filter(Boolean).length >= 2, 10_000, 'two cron runs');
    await waitFor(async () => (await state()).cronRuns.some((r) => r.name === 'tick' && r.status === 'SUCCEEDED'), 10_000, 'a cron run record');
  });

  it('restarts a kill -9ed guarded process within seconds, with a restart record', async () => {
    const before = (await pidOf('sleeper'))!;
    process.kill(before, 'SIGKILL');
    const after = await waitFor(async () => {
      const pid = await pidOf('sleeper');
      return pid && pid !== before ? pid : null;
    }, 5_000, 'a new sleeper');
    expect(alive(after)).toBe(true);
    await waitFor(async () => (await state()).restarts.some((r) => r.process === 'sleeper' && r.signal === 'SIGKILL' && r.outcome === 'RESTART'), 5_000, 'the restart record');
  });

  it('detects a hand-edited managed file as drift and restores it', async () => {
    const drift = async () => (await gql<{ host: { drift: { key: string; action: string; reason: string }[] } }>(server.url, '{ host(name: "keeper") { drift { key action reason } } }', {}, admin)).data!.host.drift;
    // First an edit the agent must not overwrite by itself (the file became a link to other
    // content: IOMS replaces files, not links), so the drift stays long enough to be seen.
    const elsewhere = path.join(dir, 'elsewhere.bin');
    fs.writeFileSync(elsewhere, 'edited by hand');
    fs.rmSync(target());
    fs.symlinkSync(elsewhere, target());
    const seen = await waitFor(async () => {
      const items = await drift();
      return items.some((d) => d.reason === 'CHECKSUM_MISMATCH') ? items : undefined;
    }, 10_000, 'the edit reported as drift');
    expect(seen).toEqual([expect.objectContaining({ action: 'PutFile', reason: 'CHECKSUM_MISMATCH', key: `file:${target()}` })]);
    expect(await rollout()).not.toBe('CONVERGED');
    // The operator removes the link: the agent writes the file again and the host converges.
    fs.rmSync(target());
    await waitFor(() => fs.existsSync(target()) && fs.readFileSync(target()).equals(payload), 10_000, 'the file restored');
    await waitFor(async () => (await rollout()) === 'CONVERGED', 10_000, 'converged again');
    expect(await drift()).toEqual([]);
    // A plain edit is restored at the next file check.
    fs.writeFileSync(target(), 'edited by hand');
    await waitFor(() => fs.readFileSync(target()).equals(payload), 10_000, 'the file restored');
    await waitFor(async () => (await rollout()) === 'CONVERGED', 10_000, 'converged again');
  });

  it('keeps restarting a killed guarded process while the server is down', async () => {
    const before = (await pidOf('sleeper'))!;
    await server.stop('SIGTERM');
    process.kill(before, 'SIGKILL');
    const procs = path.join(dir, 'agent', 'supervisor', 'processes');
    const after = await waitFor(() => {
      for (const f of fs.readdirSync(procs)) {
        const rec = JSON.parse(fs.readFileSync(path.join(procs, f), 'utf8')) as { pid?: number };
        if (rec.pid && rec.pid !== before && alive(rec.pid)) return rec.pid;
      }
      return null;
    }, 5_000, 'a new sleeper without the server');
    expect(after).not.toBe(before);
    server = await spawnServer(env(), dir);
    admin = await login(server.url, 'admin', 'desired-admin-pw');
  });

  it('stops the guarded process when it leaves the manifest', async () => {
    await waitFor(async () => (await gql<{ host: { online: boolean } }>(server.url, '{ host(name: "keeper") { online } }', {}, admin)).data?.host.online, 20_000, 'keeper back');
    const pid = (await pidOf('sleeper'))!;
    const r = await apply({ 'keep.yaml': profile({ process: false, file: true }) }, { prune: true });
    expect(r.applied).toBe(true);
    await waitFor(() => !alive(pid), 10_000, 'the sleeper stopped');
    await waitFor(async () => (await rollout()) === 'CONVERGED', 10_000, 'converged without it');
  });

  it('unpacks a managed archive into extractTo', async () => {
    const src = path.join(dir, 'bundle-src');
    fs.mkdirSync(path.join(src, 'game'), { recursive: true });
    fs.writeFileSync(path.join(src, 'game', 'server.cfg'), 'port=7000\n');
    const archive = path.join(dir, 'bundle.tar.gz');
    await tar.c({ gzip: true, file: archive, cwd: src }, ['game']);
    const put = await fetch(`${server.url}/artifacts/bundle?version=1`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body: fs.readFileSync(archive) });
    expect(put.status).toBe(201);
    const into = path.join(dir, 'unpacked');
    const doc = `${profile({ process: false, file: true })}    - path: ${path.join(dir, 'managed', 'bundle.tar.gz')}
      artifact: bundle@1
      extractTo: ${into}
`;
    expect((await apply({ 'keep.yaml': doc }, { prune: true })).errors).toEqual([]);
    await waitFor(() => fs.existsSync(path.join(into, 'game', 'server.cfg')), 10_000, 'the archive unpacked');
    expect(fs.readFileSync(path.join(into, 'game', 'server.cfg'), 'utf8')).toBe('port=7000\n');
    await waitFor(async () => (await rollout()) === 'CONVERGED', 10_000, 'converged with the archive');
  });
});
