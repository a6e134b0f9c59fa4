import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { spawnAgent, waitFor, type AgentProcess } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const md5 = (b: Buffer) => crypto.createHash('md5').update(b).digest('hex');

/** The built-in `download` job: an agent fetches a whitelisted artifact, verified, atomically. */
describe('download jobs from the artifact store', () => {
  let dir: string;
  let server: TestServer;
  let admin: string;
  let agent: AgentProcess;
  const content = crypto.randomBytes(10 * 1024 * 1024);

  const job = async (input: Record<string, unknown>) => {
    const id = (await gql<{ runCommand: { id: string } }>(server.url, 'mutation($i: RunCommandInput!) { runCommand(input: $i) { id } }', { i: input }, admin)).data!.runCommand.id;
    return waitFor(async () => {
      const j = (await gql<{ job: { counts: { done: number; total: number }; targets: { status: string; stdout: string | null; error: string | null }[] } }>(server.url, 'query($id: ID!) { job(id: $id) { counts { done total } targets { status stdout error } } }', { id }, admin)).data!.job;
      return j.counts.done === j.counts.total ? j.targets[0]! : null;
    }, 30_000, 'the download job');
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-download-'));
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`, { IOMS_DATA_DIR: path.join(dir, 'data') });
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: {}) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    agent = spawnAgent(['--server', server.url, '--token', token, '--name', 'fetcher', '--state-dir', path.join(dir, 'agent')]);
    await waitFor(async () => (await gql<{ host: { online: boolean } | null }>(server.url, '{ host(name: "fetcher") { online } }', {}, admin)).data?.host?.online, 20_000, 'fetcher online');
  });
  afterAll(async () => {
    await agent?.stop('SIGKILL');
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pushes 10 MB with its md5, then an agent downloads it to a path with the right md5 and mode', async () => {
    const res = await fetch(`${server.url}/artifacts/game-update?version=1.2&md5=${md5(content)}`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body: content });
    expect(res.status).toBe(201);
    const wrong = await fetch(`${server.url}/artifacts/game-update?version=1.3&md5=${'0'.repeat(32)}`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body: content });
    expect(wrong.status).toBe(422);
    const dest = path.join(dir, 'target', 'update.zip');
    const t = await job({ hosts: ['fetcher'], action: { kind: 'DOWNLOAD', artifact: 'game-update@1.2', path: dest, mode: '0640' } });
    expect(t.status).toBe('SUCCEEDED');
    expect(md5(fs.readFileSync(dest))).toBe(md5(content));
    expect(fs.statSync(dest).mode & 0o777).toBe(0o640);
  });

  it('refuses a corrupted blob: the job fails and the target stays untouched', async () => {
    const sha = crypto.createHash('sha256').update(content).digest('hex');
    const blob = path.join(dir, 'data', 'artifacts', sha);
    const fd = fs.openSync(blob, 'r+');
    fs.writeSync(fd, Buffer.from([content[100]! ^ 0xff]), 0, 1, 100);
    fs.closeSync(fd);
    const dest = path.join(dir, 'target', 'update.zip');
    fs.writeFileSync(dest, 'previous content');
    const t = await job({ hosts: ['fetcher'], action: { kind: 'DOWNLOAD', artifact: 'game-update@1.2', path: dest } });
    expect(t.status).toBe('FAILED');
    expect(t.error).toMatch(/sha-?256|md5|checksum|mismatch/i);
    expect(fs.readFileSync(dest, 'utf8')).toBe('previous content');
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['update.zip']);
    const verify = await gql<{ verifyArtifacts: unknown }>(server.url, 'mutation { verifyArtifacts { ok missing corrupt { sha256 } } }', {}, admin);
    expect(JSON.stringify(verify.data ?? verify.errors)).toContain(sha);
  });

  it('does not let an agent fetch what none of its jobs or files reference', async () => {
    const cred = JSON.parse(fs.readFileSync(path.join(dir, 'agent', 'credential.json'), 'utf8')) as { hostId: number; secret: string };
    const sha = crypto.createHash('sha256').update(content).digest('hex');
    const res = await fetch(`${server.url}/artifacts/${sha}`, { headers: { authorization: `IomsAgent ${cred.hostId}:${cred.secret}` } });
    expect(res.status).toBe(403);
    const bad = await fetch(`${server.url}/artifacts/${sha}`, { headers: { authorization: `IomsAgent ${cred.hostId}:wrong-secret` } });
    expect(bad.status).toBe(401);
  });
});
