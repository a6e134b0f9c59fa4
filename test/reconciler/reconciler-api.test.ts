import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentLink, type Instruction, type LinkSession } from '../../agent/link/agent-link.js';
import { sendObservedState } from '../../agent/desired/send-reports.js';
import { ArtifactRecord, HostRecord } from '../../db/entities/index.js';
import { desiredStateSchema, specHash, type DesiredState, type ObservedState } from '../../manifests/index.js';
import { clientTlsOptions } from '../../protocol/client-trust.js';
import { parseInstruction } from '../../protocol/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login } from '../helpers/graphql.js';
import { waitFor } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

/** What an agent that applied `desired` observes: every process running its spec, every cron entry set. */
const observeAsApplied = (desired: DesiredState, pid: number): ObservedState => ({
  processes: desired.processes.map((p) => ({ name: p.name, pid, state: 'RUNNING' as const, restarts: 0, specHash: specHash(p) })),
  cron: desired.crontab.map((c) => ({ name: c.name, specHash: specHash(c) })),
  files: [],
});

interface Rollout { host: string; status: string; drift: { key: string; action: string; reason: string }[]; error: string | null }

const profile = (files: string) => `apiVersion: ioms/v1
kind: Profile
metadata: { name: game }
spec:
  selector: { hosts: [rec-1] }
  processes:
    - { name: game, command: /bin/sleep, args: ["3600"] }
${files}`;

/**
 * The reconciler driven through the API: manifests applied with `applyManifests`, the agent's
 * side played over the real AgentLink with the agent's typed observed-state sender, the host's
 * state read back with `rolloutStatus`. The steps share one server and one host, in order.
 */
describe.each(databaseKinds())('the reconciler through the API ($name)', (kind) => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: string;
  let link: AgentLink;
  let session: LinkSession | undefined;
  let hostId = 0;
  const received: Instruction[] = [];

  const rollout = async () => (await gql<{ rolloutStatus: { hosts: Rollout[] } }>(server.url, '{ rolloutStatus { hosts { host status drift { key action reason } error } } }', {}, admin)).data!.rolloutStatus.hosts.find((h) => h.host === 'rec-1');
  const settled = (status: string, what = status) => waitFor(async () => {
    const r = await rollout();
    return r?.status === status ? r : undefined;
  }, 15_000, `rec-1 ${what}`);
  const apply = async (content: string) => {
    const r = await gql<{ applyManifests: { applied: boolean; errors: { message: string }[] } }>(server.url, 'mutation($i: ApplyManifestsInput!) { applyManifests(input: $i) { applied errors { message } } }', { i: { files: [{ path: 'game.yaml', content }] } }, admin);
    expect(r.data?.applyManifests.errors, JSON.stringify(r.errors)).toEqual([]);
  };
  /** The newest desired state the agent was sent, once it passes `check`. */
  const lastDesired = (what: string, check: (d: ReturnType<typeof desiredStateSchema.parse>) => boolean) => waitFor(() => {
    const desired = received.map((r) => parseInstruction(r)).flatMap((p) => (p.ok && p.instruction.kind === 'DESIRED_STATE' ? [p.instruction.payload] : []));
    const last = desired[desired.length - 1];
    return last && check(desiredStateSchema.parse(last.desired)) ? last : undefined;
  }, 10_000, `the desired state ${what}`);
  const report = (hash: string, observed: ObservedState) => sendObservedState(session!, { hash, observed });
  /** Makes every reconcile pass throw until `back()`: the host_states table goes away. */
  const tableAway = async () => {
    const conn = server.services.orm.em.fork().getConnection();
    await conn.execute(kind.name === 'mysql' ? 'rename table host_states to host_states_away' : 'alter table host_states rename to host_states_away');
    return () => conn.execute(kind.name === 'mysql' ? 'rename table host_states_away to host_states' : 'alter table host_states_away rename to host_states');
  };

  beforeAll(async () => {
    db = await kind.create();
    server = await startTestServer(db.url);
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 1 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    const enrolled = (await gql<{ enrollAgent: { hostId: number; secret: string } }>(server.url, 'mutation($t: String!) { enrollAgent(token: $t, name: "rec-1") { hostId secret } }', { t: token })).data!.enrollAgent;
    hostId = enrolled.hostId;
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    link = new AgentLink({
      url: `${server.url.replace(/^http/, 'ws')}/graphql`,
      tls: clientTlsOptions({}),
      connectionParams: { hostId, secret: enrolled.secret, agentVersion: 'test' },
      logger: quiet,
      onSession: (s) => {
        session = s;
        return () => (session = undefined);
      },
      onInstruction: (i) => void received.push(i),
    });
    link.start();
    await waitFor(async () => (await server.services.orm.em.fork().findOne(HostRecord, { id: hostId }))?.online, 15_000, 'rec-1 online');
  });
  afterAll(async () => {
    await link?.stop();
    await server?.close();
    await db?.drop();
  });

  it('apply → PENDING and the desired state is sent; the agent reports it applied → CONVERGED; a stopped process → DRIFTED with StartProcess', async () => {
    await apply(profile(''));
    const sent = await lastDesired('with the process', (d) => d.processes.length === 1);
    expect((await settled('PENDING')).drift).toEqual([]);
    const desired = desiredStateSchema.parse(sent.desired);
    await report(sent.hash, observeAsApplied(desired, 4242));
    expect((await settled('CONVERGED')).drift).toEqual([]);

    const applied = observeAsApplied(desired, 4242);
    await report(sent.hash, { ...applied, processes: applied.processes.map((p) => ({ ...p, state: 'STOPPED' as const, pid: undefined })) });
    const drifted = await settled('DRIFTED');
    expect(drifted.drift.map((d) => [d.key, d.action])).toEqual([['process:game', 'StartProcess']]);
    await report(sent.hash, applied);
    await settled('CONVERGED', 'converged again');
  });

  it('a failed pass is requeued with backoff; an artifact that vanished is a terminal error recorded on the host, not retried', async () => {
    const content = crypto.randomBytes(256);
    const md5 = crypto.createHash('md5').update(content).digest('hex');
    const pushed = await fetch(`${server.url}/artifacts/game-data?version=1.0&md5=${md5}`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body: content });
    expect(pushed.status).toBeLessThan(300);
    await apply(profile(`  files:\n    - { path: /opt/game/data.bin, artifact: game-data@1.0, md5: "${md5}" }\n`));
    await lastDesired('with the file', (d) => d.files.length === 1);

    const back = await tableAway();
    const failuresBefore = server.log.lines.filter((l) => l.includes('reconcile failed; requeued')).length;
    // The artifact vanishes from the store; the host is marked (as the periodic resync would).
    await server.services.orm.em.fork().nativeDelete(ArtifactRecord, { name: 'game-data' });
    server.services.reconciler.mark(hostId);
    await waitFor(() => server.log.lines.filter((l) => l.includes('reconcile failed; requeued')).length > failuresBefore, 10_000, 'a failed pass');
    expect(server.log.lines.filter((l) => l.includes('reconcile failed; requeued')).slice(failuresBefore)[0]).toMatch(/"failures":1.*"retryInMs":1000/);
    await back();

    // The requeued pass runs by itself once the database answers again.
    const failed = await settled('FAILED');
    expect(failed.drift).toContainEqual({ key: 'file:/opt/game/data.bin', action: 'Hold', reason: 'ARTIFACT_MISSING' });
    const failuresAfter = server.log.lines.filter((l) => l.includes('reconcile failed; requeued')).length;
    await new Promise((r) => setTimeout(r, 2_500));
    // Terminal: recorded on the host, not retried as a failure.
    expect(server.log.lines.filter((l) => l.includes('reconcile failed; requeued')).length).toBe(failuresAfter);
    expect((await rollout())?.status).toBe('FAILED');
  });
});
