import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { freePort, runCli, spawnAgent, spawnServer, waitFor, type AgentProcess, type ServerProcess } from '../helpers/processes.js';

interface Row { group: string; resource: string; hosts: number; changes: number; intended: number; corrective: number; restarts: number; failed: number }
interface Entry { host: string; resource: string; action: string; reason: string; kind: string; outcome: string; revision: number | null }
interface Report { scope: { by: string }; rows: Row[]; changes: Entry[] }

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The changes report against a real agent: an apply is INTENDED; a managed file edited by hand, a
 * deleted one and a killed guarded process are put back, CORRECTIVE; a new revision is INTENDED
 * again. Read with `ioms report changes -o json` and as CSV.
 */
describe('ioms report changes against a real agent', () => {
  let dir: string;
  let server: ServerProcess;
  let agent: AgentProcess;
  let admin: string;
  let env: Record<string, string>;
  const payload = crypto.randomBytes(4096);
  const target = () => path.join(dir, 'managed', 'app.conf');
  const profile = (args: string) => `apiVersion: ioms/v1
kind: Profile
metadata: { name: drift }
spec:
  selector: { matchLabels: { role: drift } }
  processes:
    - name: sleeper
      command: /bin/sh
      args: ["-c", "${args}"]
      restart: { policy: always, backoffSeconds: 1, maxBackoffSeconds: 5 }
  files:
    - path: ${target()}
      artifact: conf@1
      md5: "${crypto.createHash('md5').update(payload).digest('hex')}"
`;
  const apply = async (yaml: string) => {
    const r = await gql<{ applyManifests: { applied: boolean; revision: { id: number } | null } }>(server.url, 'mutation($i: ApplyManifestsInput!) { applyManifests(input: $i) { applied revision { id } } }', { i: { files: [{ path: 'drift.yaml', content: yaml }] } }, admin);
    expect(r.data?.applyManifests.applied, JSON.stringify(r.errors)).toBe(true);
    return r.data!.applyManifests.revision!.id;
  };
  const rollout = async () => (await gql<{ rolloutStatus: { hosts: { status: string }[] } }>(server.url, '{ rolloutStatus { hosts { status } } }', {}, admin)).data!.rolloutStatus.hosts[0]?.status;
  const report = async (): Promise<Report> => {
    const r = await runCli(['--server', server.url, 'report', 'changes', '--from', '1d', '-o', 'json'], env);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Report;
  };
  const pidOf = async () => (await gql<{ host: { observedState: { processes: { name: string; pid?: number; state: string }[] } | null } }>(server.url, '{ host(name: "drifter") { observedState } }', {}, admin)).data!.host.observedState?.processes.find((p) => p.name === 'sleeper' && p.state === 'RUNNING')?.pid;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-changes-'));
    const port = await freePort();
    server = await spawnServer({ IOMS_PORT: String(port), IOMS_ADMIN_PASSWORD: 'changes-admin-pw', IOMS_DATA_DIR: path.join(dir, 'data'), IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}` }, dir);
    admin = await login(server.url, 'admin', 'changes-admin-pw');
    env = { IOMS_CONFIG: path.join(dir, 'config.json') };
    expect((await runCli(['--server', server.url, 'login', '--user', 'admin'], { ...env, IOMS_PASSWORD: 'changes-admin-pw' })).code).toBe(0);
    const put = await fetch(`${server.url}/artifacts/conf?version=1`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body: payload });
    expect(put.status).toBe(201);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { labels: { role: "drift" } }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    agent = spawnAgent(['--server', server.url, '--token', token, '--name', 'drifter', '--state-dir', path.join(dir, 'agent'), '--file-check-interval', '1s']);
    await waitFor(async () => (await gql<{ host: { online: boolean } | null }>(server.url, '{ host(name: "drifter") { online } }', {}, admin)).data?.host?.online, 20_000, 'drifter online');
  }, 60_000);
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

  it('marks the apply intended, the put-backs after drift corrective, and a new revision intended again', async () => {
    const first = await apply(profile('while true; do sleep 5; done'));
    await waitFor(async () => (await rollout()) === 'CONVERGED', 20_000, 'CONVERGED');
    const file = `file:${target()}`;
    await waitFor(async () => (await report()).rows.length === 2, 10_000, 'the apply reported');
    let r = await report();
    expect(r.rows).toEqual([
      expect.objectContaining({ group: 'drifter', resource: file, intended: 1, corrective: 0, failed: 0 }),
      expect.objectContaining({ group: 'drifter', resource: 'process:sleeper', intended: 1, corrective: 0, restarts: 0 }),
    ]);
    expect(r.changes.map((c) => [c.action, c.reason, c.kind, c.outcome, c.revision]).sort()).toEqual([
      ['PutFile', 'MISSING', 'INTENDED', 'DONE', first],
      ['StartProcess', 'MISSING', 'INTENDED', 'DONE', first],
    ]);

    // drift on its own: an edit by hand, then a deleted file, then a killed process
    fs.writeFileSync(target(), 'edited by hand');
    await waitFor(() => fs.readFileSync(target()).equals(payload), 10_000, 'the edit put back');
    fs.rmSync(target());
    await waitFor(() => fs.existsSync(target()) && fs.readFileSync(target()).equals(payload), 10_000, 'the deleted file put back');
    const pid = (await waitFor(pidOf, 10_000, 'a running sleeper'))!;
    process.kill(pid, 'SIGKILL');
    await waitFor(async () => {
      const now = await report();
      return now.rows.find((x) => x.resource === file)?.corrective === 2 && now.rows.find((x) => x.resource === 'process:sleeper')?.corrective === 1;
    }, 15_000, 'the put-backs reported');
    r = await report();
    expect(r.changes.filter((c) => c.kind === 'CORRECTIVE').map((c) => [c.resource, c.action, c.reason]).sort()).toEqual([
      [file, 'PutFile', 'CHECKSUM_MISMATCH'],
      [file, 'PutFile', 'MISSING'],
      ['process:sleeper', 'SupervisorRestart', 'EXITED'],
    ]);
    expect(r.rows.find((x) => x.resource === 'process:sleeper')).toMatchObject({ intended: 1, corrective: 1, restarts: 1, changes: 2 });

    // a new revision (the process's arguments change): intended again
    const second = await apply(profile('while true; do sleep 6; done'));
    await waitFor(async () => (await report()).changes.some((c) => c.revision === second), 20_000, 'the new revision reported');
    r = await report();
    expect(r.changes.find((c) => c.revision === second)).toMatchObject({ resource: 'process:sleeper', action: 'UpdateProcess', reason: 'SPEC_CHANGED', kind: 'INTENDED', outcome: 'DONE' });
    expect(r.rows.find((x) => x.resource === 'process:sleeper')).toMatchObject({ intended: 2, corrective: 1 });

    // the same rows as CSV, from the CLI and from the query's csv field
    const csv = await runCli(['--server', server.url, 'report', 'changes', '--from', '1d', '-o', 'csv'], env);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('group,resource,period_start,period_end,hosts,changes,intended,corrective,restarts,failed,last_at');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).concat(l.split(',').slice(4, 10)).join(','))).toEqual([`drifter,${file},1,3,1,2,0,0`, 'drifter,process:sleeper,1,3,2,1,1,0']);
  }, 120_000);
});
