import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login } from '../helpers/graphql.js';
import { freePort, spawnAgent, spawnServer, waitFor, type AgentProcess, type ServerProcess } from '../helpers/processes.js';

interface JobView { status: string; counts: { total: number; done: number }; targets: { host: string; status: string; stdout: string | null; attempts: number }[] }
const JOB = 'query($id: ID!) { job(id: $id) { status counts { total done } targets { host status stdout attempts } } }';

/** Server crashes and lost links: every target ends with exactly one execution. */
describe.each(databaseKinds())('jobs survive a server crash and a cut link ($name)', (kind) => {
  let dir: string;
  let db: TestDatabase;
  let port: number;
  let server: ServerProcess;
  let admin: string;
  const agents: AgentProcess[] = [];
  const env = () => ({ IOMS_PORT: String(port), IOMS_ADMIN_PASSWORD: 'durable-admin-pw', IOMS_DATABASE_URL: db.url, IOMS_LOG_LEVEL: 'debug' });
  const job = async (id: string) => (await gql<{ job: JobView }>(server.url, JOB, { id }, admin)).data!.job;
  const restart = async (signal: NodeJS.Signals) => {
    await server.stop(signal);
    fs.appendFileSync(path.join(dir, 'server.log'), server.output());
    server = await spawnServer(env(), dir);
    admin = await login(server.url, 'admin', 'durable-admin-pw');
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-durable-'));
    db = await kind.create();
    port = await freePort();
    server = await spawnServer(env(), dir);
    admin = await login(server.url, 'admin', 'durable-admin-pw');
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 3 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    for (const name of ['d-1', 'd-2', 'd-3']) agents.push(spawnAgent(['--server', server.url, '--token', token, '--name', name, '--state-dir', path.join(dir, name), '--reconnect-max', '2s']));
    for (const name of ['d-1', 'd-2', 'd-3']) await waitFor(async () => (await gql<{ host: { online: boolean } | null }>(server.url, 'query($n: String!) { host(name: $n) { online } }', { n: name }, admin)).data?.host?.online, 20_000, `${name} online`);
  });
  afterAll(async () => {
    for (const a of agents) await a.stop('SIGKILL');
    await server?.stop('SIGKILL');
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = async (input: Record<string, unknown>) => (await gql<{ runCommand: { id: string } }>(server.url, 'mutation($i: RunCommandInput!) { runCommand(input: $i) { id } }', { i: input }, admin)).data!.runCommand.id;
  const finished = (id: string) =>
    waitFor(async () => {
      const j = await job(id);
      // The job's status settles just after its last target's (as in jobs.test.ts).
      return j.counts.done === j.counts.total && j.status !== 'RUNNING' ? j : null;
    }, 40_000, `job ${id} to finish`);
  const lines = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

  it('SIGKILL of the server while a job is half dispatched: each target runs exactly once', async () => {
    const marks = path.join(dir, 'half-dispatched.log');
    const id = await run({ hosts: ['d-*'], batch: '1', command: `echo run >> ${marks}; sleep 1.5; echo ok` });
    await waitFor(async () => (await job(id)).targets.some((t) => t.status === 'RUNNING'), 10_000, 'the first target running');
    await restart('SIGKILL');
    const done = await finished(id);
    expect(done.status).toBe('COMPLETED');
    expect(done.targets.map((t) => [t.host, t.status, t.stdout])).toEqual([['d-1', 'SUCCEEDED', 'ok\n'], ['d-2', 'SUCCEEDED', 'ok\n'], ['d-3', 'SUCCEEDED', 'ok\n']]);
    // Three successes and exactly three runs: none twice, none lost.
    expect(lines(marks)).toHaveLength(3);
  }, 90_000);

  it('a link cut mid-command: the result arrives after the reconnect and is stored once', async () => {
    const marks = path.join(dir, 'cut-link.log');
    const ended = path.join(dir, 'cut-link.ended');
    const id = await run({ hosts: ['d-2'], command: `echo run >> ${marks}; sleep 3; echo finished; echo >> ${ended}` });
    await waitFor(async () => (await job(id)).targets[0]?.status === 'RUNNING', 10_000, 'the command running');
    await server.stop('SIGKILL');
    // The command ends while the server is away: its last line marks the end (the server takes seconds to start).
    await waitFor(() => fs.existsSync(ended), 15_000, 'the command to end with the server away');
    server = await spawnServer(env(), dir);
    admin = await login(server.url, 'admin', 'durable-admin-pw');
    const done = await finished(id);
    expect(done.targets[0]).toMatchObject({ status: 'SUCCEEDED', stdout: 'finished\n' });
    expect(lines(marks)).toHaveLength(1);
  }, 90_000);

  it('never stores or logs a set-password secret', async () => {
    const user = `iomst${process.pid % 100000}`;
    execFileSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', user]);
    try {
      const secret = `Zq9-${Math.random().toString(36).slice(2)}-secret`;
      const id = (await gql<{ runCommand: { id: string } }>(server.url, 'mutation($i: RunCommandInput!) { runCommand(input: $i) { id } }', { i: { hosts: ['d-3'], action: { kind: 'SET_PASSWORD', username: user, password: secret } } }, admin)).data!.runCommand.id;
      const done = await finished(id);
      expect(done.targets[0]?.status).toBe('SUCCEEDED');
      const shadow = fs.readFileSync('/etc/shadow', 'utf8').split('\n').find((l) => l.startsWith(`${user}:`))!;
      expect(shadow.split(':')[1]).toMatch(/^\$/); // a real hash now, not "!" (locked)
      const audit = await gql(server.url, '{ auditEvents(filter: { action: "runCommand" }, first: 5) { nodes { args } } }', {}, admin);
      expect(JSON.stringify(audit)).toContain(user);
      expect(JSON.stringify(audit)).not.toContain(secret);
      await new Promise((r) => setTimeout(r, 1500)); // let the SQLite WAL settle into the files we read
      const haystacks: [string, string][] = [['server output', server.output() + fs.readFileSync(path.join(dir, 'server.log'), 'utf8')], ...agents.map((a, i) => [`agent ${i} output`, a.output()] as [string, string])];
      for (const file of walk(dir)) haystacks.push([file, fs.readFileSync(file).toString('latin1')]);
      const found = haystacks.filter(([, text]) => text.includes(secret)).map(([where]) => where);
      expect(found).toEqual([]);
    } finally {
      execFileSync('userdel', [user]);
    }
  });
});

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}
