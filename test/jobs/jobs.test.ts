import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login, wsClient } from '../helpers/graphql.js';
import { spawnAgent, waitFor, type AgentProcess } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

interface Target { host: string; status: string; exitCode: number | null; stdout: string | null; stderr: string | null; error: string | null; attempts: number; stdoutTruncated: boolean }
interface JobView { id: string; status: string; counts: { total: number; done: number; succeeded: number; failed: number; cancelled: number; unreachable: number }; targets: Target[] }
const RUN = 'mutation($i: RunCommandInput!) { runCommand(input: $i) { id status } }';
const JOB = 'query($id: ID!) { job(id: $id) { id status counts { total done succeeded failed cancelled unreachable } targets { host status exitCode stdout stderr error attempts stdoutTruncated } } }';

/** Jobs against real agent processes, on an in-process server. */
describe.each(databaseKinds())('running commands across agents ($name)', (kind) => {
  let dir: string;
  let db: TestDatabase;
  let server: TestServer;
  let admin: string;
  const agents = new Map<string, AgentProcess>();

  const run = async (input: Record<string, unknown>) => {
    const r = await gql<{ runCommand: { id: string } }>(server.url, RUN, { i: input }, admin);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.runCommand.id;
  };
  const job = async (id: string) => (await gql<{ job: JobView }>(server.url, JOB, { id }, admin)).data!.job;
  const finished = (id: string, timeoutMs = 20_000) => waitFor(async () => {
    const j = await job(id);
    return j.counts.done === j.counts.total && j.status !== 'RUNNING' ? j : null;
  }, timeoutMs, `job ${id} to finish`);
  const startAgent = (name: string, token: string) => {
    const a = spawnAgent(['--server', server.url, '--token', token, '--name', name, '--labels', `group=${name.startsWith('web') ? 'web' : 'other'}`, '--state-dir', path.join(dir, name), '--heartbeat-interval', '2s']);
    agents.set(name, a);
    return a;
  };
  const online = (name: string) => waitFor(async () => (await gql<{ host: { online: boolean } | null }>(server.url, 'query($n: String!) { host(name: $n) { online } }', { n: name }, admin)).data?.host?.online, 20_000, `${name} online`);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-jobs-'));
    db = await kind.create();
    server = await startTestServer(db.url);
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 10 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    for (const name of ['web-1', 'web-2', 'web-3']) startAgent(name, token);
    for (const name of ['web-1', 'web-2', 'web-3']) await online(name);
  });
  afterAll(async () => {
    for (const a of agents.values()) await a.stop('SIGKILL');
    await server?.close();
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs hostname on three agents and returns three correct results', async () => {
    const id = await run({ hosts: ['web-*'], command: 'echo "$(hostname) $IOMS_TEST"', env: { IOMS_TEST: 'hello' } });
    const j = await finished(id);
    expect(j.status).toBe('COMPLETED');
    expect(j.targets.map((t) => [t.host, t.status, t.exitCode, t.stdout])).toEqual(['web-1', 'web-2', 'web-3'].map((h) => [h, 'SUCCEEDED', 0, `${os.hostname()} hello\n`]));
  });

  it('reports failures with their exit code and stderr', async () => {
    const j = await finished(await run({ selector: 'group=web', command: 'echo oops >&2; exit 3' }));
    expect(j.targets.every((t) => t.status === 'FAILED' && t.exitCode === 3 && t.stderr === 'oops\n')).toBe(true);
  });

  it('caps output, kills a timed-out tree, and the agent keeps answering', async () => {
    const capped = await finished(await run({ hosts: ['web-1'], command: 'yes', timeoutSeconds: 2 }));
    expect(capped.targets[0]).toMatchObject({ status: 'TIMED_OUT', stdoutTruncated: true });
    expect(capped.targets[0]!.stdout!.length).toBe(1024 * 1024);
    const tree = await finished(await run({ hosts: ['web-1'], command: 'sleep 3600 & sleep 3600 & echo started; wait', timeoutSeconds: 1 }));
    expect(tree.targets[0]).toMatchObject({ status: 'TIMED_OUT', stdout: 'started\n' });
    const after = await finished(await run({ hosts: ['web-1'], command: 'echo still here' }));
    expect(after.targets[0]?.stdout).toBe('still here\n');
  });

  it('streams progress by subscription and resumes after a given seq without gaps or duplicates', async () => {
    const id = await run({ hosts: ['web-*'], command: 'echo hi' });
    await finished(id);
    const collect = (afterSeq: number) =>
      new Promise<number[]>((resolve) => {
        const { client } = wsClient(server.url, { token: admin });
        const seqs: number[] = [];
        client.subscribe<{ jobProgressed: { seq: number; type: string; status: string } }>(
          { query: 'subscription($id: ID!, $after: Int) { jobProgressed(jobId: $id, afterSeq: $after) { seq type status } }', variables: { id, after: afterSeq } },
          {
            next: (v) => {
              const e = v.data!.jobProgressed;
              seqs.push(e.seq);
              if (e.type === 'JOB' && e.status === 'COMPLETED') void Promise.resolve(client.dispose()).then(() => resolve(seqs));
            },
            error: () => resolve(seqs),
            complete: () => resolve(seqs),
          },
        );
      });
    const all = await collect(0);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    // RUNNING, 3×(SENT, [RUNNING,] SUCCEEDED), COMPLETED: a start stored with its result in one batch has no event of its own.
    expect(all.length).toBeGreaterThanOrEqual(1 + 3 * 2 + 1);
    expect(await collect(4)).toEqual(all.slice(4));
  });

  it('stops dispatching once failures pass the budget (--batch 2 --max-failures 1)', async () => {
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 2 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    for (const name of ['web-4', 'web-5']) startAgent(name, token);
    for (const name of ['web-4', 'web-5']) await online(name);
    const j = await finished(await run({ hosts: ['web-*'], command: 'sleep 0.3; exit 1', batch: '2', maxFailures: 1 }));
    expect(j.status).toBe('STOPPED');
    // The window holds 2; once failures pass 1 nothing new is sent. At most the failures within
    // budget plus one window ever run: 2 or 3 of the 5, the rest are never sent.
    expect(j.counts.total).toBe(5);
    expect(j.counts.failed).toBeGreaterThanOrEqual(2);
    expect(j.counts.failed).toBeLessThanOrEqual(3);
    expect(j.counts.failed + j.counts.cancelled).toBe(5);
    expect(j.targets.filter((t) => t.status === 'CANCELLED').every((t) => /failures passed its budget/.test(t.error ?? ''))).toBe(true);
  });

  it('delivers to a host that was offline at submission once it reconnects; past queue-for it is UNREACHABLE', async () => {
    await agents.get('web-3')!.stop('SIGKILL');
    await waitFor(async () => !(await gql<{ host: { online: boolean } }>(server.url, '{ host(name: "web-3") { online } }', {}, admin)).data?.host.online, 5000, 'web-3 offline');
    const later = await run({ hosts: ['web-3'], command: 'echo caught up', queueForSeconds: 60 });
    const never = await run({ hosts: ['web-3'], command: 'echo never', queueForSeconds: 1 });
    await new Promise((r) => setTimeout(r, 2500));
    expect((await job(never)).targets[0]).toMatchObject({ status: 'UNREACHABLE' });
    expect((await job(later)).targets[0]?.status).toBe('QUEUED');
    const again = spawnAgent(['--state-dir', path.join(dir, 'web-3'), '--server', server.url]);
    agents.set('web-3', again);
    const j = await finished(later);
    expect(j.targets[0]).toMatchObject({ status: 'SUCCEEDED', stdout: 'caught up\n' });
  });

  it('refuses operators’ jobs to viewers, and audits every job', async () => {
    await gql(server.url, 'mutation { createUser(input: { username: "watcher", password: "watcher-pass", role: VIEWER }) { username } }', {}, admin);
    const viewer = await login(server.url, 'watcher', 'watcher-pass');
    const r = await gql(server.url, RUN, { i: { hosts: ['web-1'], command: 'id' } }, viewer);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audit = await gql<{ auditEvents: { nodes: { action: string; outcome: string; actor: string }[] } }>(server.url, '{ auditEvents(filter: { action: "runCommand" }, first: 100) { nodes { action outcome actor } } }', {}, admin);
    const rows = audit.data!.auditEvents.nodes;
    expect(rows.filter((a) => a.outcome === 'SUCCESS').length).toBe((await gql<{ jobs: { nodes: unknown[] } }>(server.url, '{ jobs(first: 100) { nodes { id } } }', {}, admin)).data!.jobs.nodes.length);
    expect(rows.some((a) => a.outcome === 'DENIED' && a.actor === 'watcher')).toBe(true);
  });
});
