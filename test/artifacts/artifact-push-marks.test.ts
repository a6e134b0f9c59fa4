import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostsUsingArtifact, refNames } from '../../api/artifacts/artifact-users.js';
import { RESYNC_MS } from '../../api/reconciler/reconciler.js';
import { ArtifactRecord, HostRecord } from '../../db/entities/index.js';
import { loadManifests } from '../../manifests/index.js';
import { gql, login } from '../helpers/graphql.js';
import { spawnAgent, waitFor, type AgentProcess } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const profile = (name: string, selector: string, artifact: string, target: string, md5: string) => `apiVersion: ioms/v1
kind: Profile
metadata: { name: ${name} }
spec:
  selector: ${selector}
  files:
    - { path: ${target}, artifact: ${artifact}, md5: "${md5}" }
`;

describe('the hosts an artifact change concerns', () => {
  it.each([
    ['the bare name', 'conf', 'conf', true],
    ['a version of it', 'conf@1.2', 'conf', true],
    ['another name with the same start', 'confx@1', 'conf', false],
    ['another name', 'web', 'conf', false],
  ])('%s', (_name, ref, name, want) => {
    expect(refNames(ref, name)).toBe(want);
  });

  it('are the hosts whose rendered files name it, and none when the revision does not reference it', () => {
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
    const { documents, errors } = loadManifests([
      { path: 'a.yaml', content: profile('web', '{ matchLabels: { role: web } }', 'conf@1', '/etc/web.conf', md5) },
      { path: 'b.yaml', content: profile('db', '{ matchLabels: { role: db } }', 'dbconf', '/etc/db.conf', md5) },
    ]);
    expect(errors).toEqual([]);
    const hosts = [
      { id: 1, name: 'w1', labels: { role: 'web' } },
      { id: 2, name: 'd1', labels: { role: 'db' } },
      { id: 3, name: 'w2', labels: { role: 'web' } },
    ];
    expect(hostsUsingArtifact(documents, hosts, 'conf')).toEqual([1, 3]);
    expect(hostsUsingArtifact(documents, hosts, 'dbconf')).toEqual([2]);
    expect(hostsUsingArtifact(documents, hosts, 'other')).toEqual([]);
  });
});

/** A real server and agent: a file held with ARTIFACT_MISSING is written again soon after the push, not at the resync. */
describe('pushing an artifact a manifest waits for', () => {
  let dir: string;
  let server: TestServer;
  let agent: AgentProcess;
  let admin: string;
  const content = crypto.randomBytes(4096);
  const md5 = crypto.createHash('md5').update(content).digest('hex');
  const target = () => path.join(dir, 'managed', 'data.bin');
  const push = () => fetch(`${server.url}/artifacts/data?version=1`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body: content });
  const rollout = async () => (await gql<{ rolloutStatus: { hosts: { host: string; status: string; drift: { key: string; reason: string }[] }[] } }>(server.url, '{ rolloutStatus { hosts { host status drift { key reason } } } }', {}, admin)).data!.rolloutStatus.hosts.find((h) => h.host === 'pusher');
  const settled = (status: string, timeoutMs: number) => waitFor(async () => {
    const r = await rollout();
    return r?.status === status ? r : undefined;
  }, timeoutMs, `pusher ${status}`);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-push-marks-'));
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`, { IOMS_DATA_DIR: path.join(dir, 'data') });
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    expect((await push()).status).toBe(201);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { labels: { role: "pusher" } }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    agent = spawnAgent(['--server', server.url, '--token', token, '--name', 'pusher', '--state-dir', path.join(dir, 'agent'), '--file-check-interval', '1s']);
    await waitFor(async () => (await gql<{ host: { online: boolean } | null }>(server.url, '{ host(name: "pusher") { online } }', {}, admin)).data?.host?.online, 20_000, 'pusher online');
  }, 60_000);
  afterAll(async () => {
    await agent?.stop('SIGTERM');
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('goes from FAILED (ARTIFACT_MISSING) to CONVERGED within seconds of the push, well before the resync', async () => {
    const applied = await gql<{ applyManifests: { errors: { message: string }[] } }>(server.url, 'mutation($i: ApplyManifestsInput!) { applyManifests(input: $i) { errors { message } } }', { i: { files: [{ path: 'p.yaml', content: profile('data', '{ matchLabels: { role: pusher } }', 'data@1', target(), md5) }] } }, admin);
    expect(applied.data?.applyManifests.errors, JSON.stringify(applied.errors)).toEqual([]);
    await settled('CONVERGED', 30_000);
    expect(fs.readFileSync(target()).equals(content)).toBe(true);

    // The version vanishes from the store (as after a restore from an older backup): the file is held.
    await server.services.orm.em.fork().nativeDelete(ArtifactRecord, { name: 'data' });
    const hostId = (await server.services.orm.em.fork().findOneOrFail(HostRecord, { name: 'pusher' })).id;
    server.services.reconciler.mark(hostId);
    const failed = await settled('FAILED', 10_000);
    expect(failed.drift).toContainEqual({ key: expect.stringMatching(/^file:/), reason: 'ARTIFACT_MISSING' });

    const pushedAt = Date.now();
    expect((await push()).status).toBe(201);
    await settled('CONVERGED', 10_000);
    expect(Date.now() - pushedAt).toBeLessThan(RESYNC_MS / 4);
  }, 90_000);
});
