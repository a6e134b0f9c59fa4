import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentLink, isFinalRefusal, type Instruction, type LinkSession } from '../../agent/link/agent-link.js';
import { sendCommandResult, sendCommandStarted } from '../../agent/link/reports.js';
import { acceptsStart, decideResult } from '../../api/jobs/result-acceptance.js';
import { AuditEventRecord, JobTargetRecord } from '../../db/entities/index.js';
import { clientTlsOptions } from '../../protocol/client-trust.js';
import { parseInstruction, type CommandInstruction } from '../../protocol/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login } from '../helpers/graphql.js';
import { waitFor } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

describe('decideResult: only the attempt a target was last sent as is stored', () => {
  const cases = [
    { name: 'SENT, same attempt', target: { status: 'SENT', attempts: 1, attempt: 1 }, attempt: 1, kind: 'STORE' },
    { name: 'RUNNING, same attempt', target: { status: 'RUNNING', attempts: 3, attempt: 2 }, attempt: 2, kind: 'STORE' },
    { name: 'RUNNING, an earlier attempt after a re-send', target: { status: 'RUNNING', attempts: 2, attempt: 2 }, attempt: 1, kind: 'REFUSE' },
    { name: 'SENT, a later attempt than was ever sent', target: { status: 'SENT', attempts: 1, attempt: 1 }, attempt: 2, kind: 'REFUSE' },
    { name: 'ended, same attempt (a repeat whose ack was lost)', target: { status: 'SUCCEEDED', attempts: 1, attempt: 1 }, attempt: 1, kind: 'ACKNOWLEDGE' },
    { name: 'ended, an earlier attempt', target: { status: 'FAILED', attempts: 2, attempt: 2 }, attempt: 1, kind: 'REFUSE' },
    { name: 'QUEUED, never sent', target: { status: 'QUEUED', attempts: 0, attempt: 0 }, attempt: 1, kind: 'REFUSE' },
    { name: 'sent before attempts were recorded (attempt 0)', target: { status: 'SENT', attempts: 1, attempt: 0 }, attempt: 1, kind: 'STORE' },
  ] as const;
  it.each(cases)('$name → $kind', ({ target, attempt, kind }) => {
    expect(decideResult(target, attempt).kind).toBe(kind);
  });

  const starts = [
    { name: 'SENT, same attempt', target: { status: 'SENT', attempts: 1, attempt: 2 }, attempt: 2, ok: true },
    { name: 'SENT, no attempt named (an older agent) for attempt 1', target: { status: 'SENT', attempts: 1, attempt: 1 }, attempt: undefined, ok: true },
    { name: 'SENT, an earlier attempt', target: { status: 'SENT', attempts: 2, attempt: 2 }, attempt: 1, ok: false },
    { name: 'already RUNNING', target: { status: 'RUNNING', attempts: 1, attempt: 1 }, attempt: 1, ok: false },
  ] as const;
  it.each(starts)('a start report: $name → $ok', ({ target, attempt, ok }) => {
    expect(acceptsStart(target, attempt)).toBe(ok);
  });
});

/**
 * Through a real server, with the agent side driven by hand over the real AgentLink and the
 * agent's typed senders, so the test decides what each report says.
 */
describe.each(databaseKinds())('result attempts through the API ($name)', (kind) => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: string;
  let link: AgentLink;
  let session: LinkSession | undefined;
  const received: Instruction[] = [];

  const target = async () => (await server.services.orm.em.fork().find(JobTargetRecord, {}, { orderBy: { id: 'desc' }, limit: 1 }))[0]!;
  const refusals = async () => server.services.orm.em.fork().count(AuditEventRecord, { action: 'report:commandResult', outcome: 'FAILURE' });

  beforeAll(async () => {
    db = await kind.create();
    server = await startTestServer(db.url);
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 1 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    const enrolled = (await gql<{ enrollAgent: { hostId: number; secret: string } }>(server.url, 'mutation($t: String!) { enrollAgent(token: $t, name: "hand-1") { hostId secret } }', { t: token })).data!.enrollAgent;
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    link = new AgentLink({
      url: `${server.url.replace(/^http/, 'ws')}/graphql`,
      tls: clientTlsOptions({}),
      connectionParams: { hostId: enrolled.hostId, secret: enrolled.secret, agentVersion: 'test' },
      logger: quiet,
      onSession: (s) => {
        session = s;
        return () => (session = undefined);
      },
      onInstruction: (i) => void received.push(i),
    });
    link.start();
    await waitFor(async () => (await gql<{ host: { online: boolean } | null }>(server.url, '{ host(name: "hand-1") { online } }', {}, admin)).data?.host?.online, 20_000, 'hand-1 online');
  });
  afterAll(async () => {
    await link?.stop();
    await server?.close();
    await db?.drop();
  });

  const commandFor = (id: string, attempt: number) =>
    waitFor(() => {
      const hit = received.map((r) => parseInstruction(r)).find((p) => p.ok && p.instruction.id === id && p.instruction.kind === 'SHELL' && p.instruction.payload.attempt === attempt);
      return hit?.ok ? (hit.instruction as CommandInstruction) : undefined;
    }, 10_000, `${id} as attempt ${attempt}`);
  const result = (id: string, attempt: number, stdout: string) => ({ id, attempt, status: 'SUCCEEDED' as const, exitCode: 0, stdout, stderr: '', stdoutTruncated: false, stderrTruncated: false, startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), durationMs: 1 });

  it('a command arrives as its own instruction kind with attempt 1; a re-send as a new attempt refuses the old attempt’s start and result, audited once', async () => {
    const r = await gql(server.url, 'mutation($i: RunCommandInput!) { runCommand(input: $i) { id } }', { i: { hosts: ['hand-1'], command: 'echo hi' } }, admin);
    expect(r.errors).toBeUndefined();
    const id = `t${(await target()).id}`;
    const sent = await commandFor(id, 1);
    expect(sent).toMatchObject({ id, kind: 'SHELL', payload: { command: 'echo hi', attempt: 1 } });
    const first = await target();
    expect(first).toMatchObject({ status: 'SENT', attempt: 1 });

    // The server sends the target again as a new attempt (a retry puts it back in the queue).
    await server.services.orm.em.fork().nativeUpdate(JobTargetRecord, { id: first.id }, { status: 'QUEUED' });
    await commandFor(id, 2);
    await waitFor(async () => (await target()).attempt === 2, 10_000, 'attempt 2 recorded');

    const before = await refusals();
    await sendCommandStarted(session!, { id, attempt: 1 });
    expect((await target()).status).toBe('SENT');
    await expect(sendCommandResult(session!, result(id, 1, 'stale\n'))).rejects.toThrow(/attempt 1.*attempt 2/);
    await expect(sendCommandResult(session!, result(id, 1, 'stale\n'))).rejects.toThrow(/refused/);
    // A final refusal the agent recognises: it drops the result instead of sending it again forever.
    await expect(sendCommandResult(session!, result(id, 1, 'stale\n'))).rejects.toSatisfy(isFinalRefusal);
    const stale = await target();
    expect(stale).toMatchObject({ status: 'SENT', stdout: null });
    // One audit row for the burst of refusals, as every refused agent report.
    expect((await refusals()) - before).toBe(1);

    await sendCommandStarted(session!, { id, attempt: 2 });
    expect((await target()).status).toBe('RUNNING');
    expect(await sendCommandResult(session!, result(id, 2, 'current\n'))).toBe(true);
    expect(await target()).toMatchObject({ status: 'SUCCEEDED', stdout: 'current\n', attempt: 2 });
    // A repeat of the stored attempt is acknowledged and changes nothing.
    expect(await sendCommandResult(session!, result(id, 2, 'again\n'))).toBe(true);
    expect((await target()).stdout).toBe('current\n');
  });

  it('the agent cannot send a result that breaks the protocol (nothing leaves)', async () => {
    await expect(sendCommandResult(session!, { ...result('t1', 1, ''), attempt: 0 })).rejects.toThrow(/refusing to send an invalid report: attempt/);
    await expect(sendCommandStarted(session!, { id: 'cron-x' })).rejects.toThrow(/refusing to send an invalid report: id/);
  });
});
