import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideLate, MAX_REASKS, REASK_WAIT_MS } from '../../api/jobs/target-reask.js';
import { JobRecord, JobTargetRecord } from '../../db/entities/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login } from '../helpers/graphql.js';
import { spawnAgent, waitFor, type AgentProcess } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

describe('decideLate: a RUNNING target past its deadline is asked again before it is given up', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const cases = [
    { name: 'never re-asked', target: { status: 'RUNNING', reasks: 0, reaskedAt: null }, decision: 'REASK' },
    { name: 're-asked, still waiting for the answer', target: { status: 'RUNNING', reasks: 1, reaskedAt: ago(REASK_WAIT_MS - 1) }, decision: 'WAIT' },
    { name: 're-asked, the wait is over, re-asks left', target: { status: 'RUNNING', reasks: 1, reaskedAt: ago(REASK_WAIT_MS) }, decision: MAX_REASKS > 1 ? 'REASK' : 'GIVE_UP' },
    { name: 'the last re-ask, still waiting', target: { status: 'RUNNING', reasks: MAX_REASKS, reaskedAt: ago(1000) }, decision: 'WAIT' },
    { name: 'the last re-ask went unanswered', target: { status: 'RUNNING', reasks: MAX_REASKS, reaskedAt: ago(REASK_WAIT_MS) }, decision: 'GIVE_UP' },
    { name: 'SENT and never started (redelivery offers it already)', target: { status: 'SENT', reasks: 0, reaskedAt: null }, decision: 'GIVE_UP' },
  ] as const;
  it.each(cases)('$name → $decision', ({ target, decision }) => {
    expect(decideLate(target, now)).toBe(decision);
  });
});

interface TargetView { status: string; stdout: string | null; error: string | null; attempts: number }

/** Re-asking with real agent processes: one that answers from its spool, one that was killed. */
describe.each(databaseKinds())('re-asking RUNNING targets past their deadline ($name)', (kind) => {
  let dir: string;
  let db: TestDatabase;
  let server: TestServer;
  let admin: string;
  const agents: AgentProcess[] = [];

  const em = () => server.services.orm.em.fork();
  const row = async (jobId: string) => (await em().findOne(JobTargetRecord, { jobId: Number(jobId) }))!;
  const view = async (jobId: string) => (await gql<{ job: { targets: TargetView[] } }>(server.url, 'query($id: ID!) { job(id: $id) { targets { status stdout error attempts } } }', { id: jobId }, admin)).data!.job.targets[0]!;
  const run = async (host: string, command: string) => {
    const r = await gql<{ runCommand: { id: string } }>(server.url, 'mutation($i: RunCommandInput!) { runCommand(input: $i) { id } }', { i: { hosts: [host], command, timeoutSeconds: 30, queueForSeconds: 5 } }, admin);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.runCommand.id;
  };
  /** Moves the target's deadline into the past (no waiting for timeout + queue-for + grace). */
  const pastDeadline = (jobId: string) => em().nativeUpdate(JobTargetRecord, { jobId: Number(jobId) }, { sentAt: new Date(Date.now() - 3_600_000) });
  /** Ends the wait for an answer to the last re-ask. */
  const pastReaskWait = (jobId: string) => em().nativeUpdate(JobTargetRecord, { jobId: Number(jobId) }, { reaskedAt: new Date(Date.now() - REASK_WAIT_MS - 1000) });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-reask-'));
    db = await kind.create();
    server = await startTestServer(db.url);
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 5 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    for (const name of ['answers', 'dies']) agents.push(spawnAgent(['--server', server.url, '--token', token, '--name', name, '--state-dir', path.join(dir, name), '--heartbeat-interval', '2s']));
    for (const name of ['answers', 'dies']) await waitFor(async () => (await gql<{ host: { online: boolean } | null }>(server.url, 'query($n: String!) { host(name: $n) { online } }', { n: name }, admin)).data?.host?.online, 20_000, `${name} online`);
  });
  afterAll(async () => {
    for (const a of agents) await a.stop('SIGKILL');
    await server?.close();
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a live agent whose result the server lost answers the re-ask from its spool: stored once, never run twice', async () => {
    const marker = path.join(dir, 'runs.txt');
    const jobId = await run('answers', `echo run >> '${marker}'; echo done`);
    await waitFor(async () => (await view(jobId)).status === 'SUCCEEDED', 20_000, 'the first result');
    // The server loses the stored result (as on a database that failed over without it): the
    // target is RUNNING again, past its deadline, and the job unfinished.
    await em().nativeUpdate(JobTargetRecord, { jobId: Number(jobId) }, { status: 'RUNNING', finishedAt: null, exitCode: null, stdout: null, stderr: null, durationMs: null });
    await em().nativeUpdate(JobRecord, { id: Number(jobId) }, { status: 'RUNNING', finishedAt: null });
    await pastDeadline(jobId);

    const answered = await waitFor(async () => {
      const v = await view(jobId);
      return v.status === 'SUCCEEDED' ? v : undefined;
    }, 15_000, 'the re-asked result');
    expect(answered.stdout).toBe('done\n');
    expect((await row(jobId)).reasks).toBe(1);
    expect(fs.readFileSync(marker, 'utf8')).toBe('run\n');
    const job = await waitFor(async () => (await em().findOne(JobRecord, { id: Number(jobId) }))?.finishedAt, 10_000, 'the job to finish again');
    expect(job).toBeInstanceOf(Date);
  });

  it(`a dead agent is asked ${MAX_REASKS} times, then its target ends UNREACHABLE`, async () => {
    const jobId = await run('dies', 'sleep 3; echo late');
    await waitFor(async () => (await view(jobId)).status === 'RUNNING', 20_000, 'the command to start');
    await agents[1]!.stop('SIGKILL');
    await pastDeadline(jobId);

    for (let asked = 1; asked <= MAX_REASKS; asked++) {
      await waitFor(async () => (await row(jobId)).reasks === asked, 10_000, `re-ask ${asked}`);
      expect((await view(jobId)).status).toBe('RUNNING');
      await pastReaskWait(jobId);
    }
    const ended = await waitFor(async () => {
      const v = await view(jobId);
      return v.status === 'UNREACHABLE' ? v : undefined;
    }, 10_000, 'UNREACHABLE');
    expect(ended.error).toMatch(/nor answered when asked again/);
    expect((await row(jobId)).reasks).toBe(MAX_REASKS);
  });
});
