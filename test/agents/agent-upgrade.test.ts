import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgentBundle } from '../../agent/bundle/build-agent.js';
import { gql, login } from '../helpers/graphql.js';
import { runCli, waitFor } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

/** `ioms agent upgrade`: a real bundled agent moves to another bundle and back, and refuses a broken one. */
describe('agent self-upgrade', () => {
  let dir: string;
  let server: TestServer;
  let admin: string;
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  const bundlePath = () => path.join(dir, 'bin', 'ioms-agent.mjs');

  /** Plays the service manager: starts the agent again whenever it exits 75 (systemd Restart=always). */
  const supervise = (args: string[]) => {
    child = spawn(process.execPath, [bundlePath(), 'agent', ...args], { cwd: dir, stdio: 'ignore' });
    child.once('exit', (code) => {
      if (!stopping && code === 75) {
        restarts++;
        supervise(args.filter((a, i) => a !== '--token' && args[i - 1] !== '--token'));
      }
    });
  };
  const push = async (name: string, body: Buffer) => {
    const res = await fetch(`${server.url}/artifacts/${name}?md5=${crypto.createHash('md5').update(body).digest('hex')}`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body });
    expect(res.status).toBe(201);
    return ((await res.json()) as { version: string }).version;
  };
  const version = async () => (await gql<{ host: { online: boolean; agentVersion: string | null } | null }>(server.url, '{ host(name: "upgrader") { online agentVersion } }', {}, admin)).data?.host;
  const upgrade = async (artifact: string) => {
    const id = (await gql<{ runCommand: { id: string } }>(server.url, 'mutation($i: RunCommandInput!) { runCommand(input: $i) { id } }', { i: { hosts: ['upgrader'], action: { kind: 'UPGRADE_AGENT', artifact }, timeoutSeconds: 120 } }, admin)).data!.runCommand.id;
    return waitFor(async () => {
      const j = (await gql<{ job: { counts: { done: number; total: number }; targets: { status: string; stdout: string | null; error: string | null }[] } }>(server.url, 'query($id: ID!) { job(id: $id) { counts { done total } targets { status stdout error } } }', { id }, admin)).data!.job;
      return j.counts.done === j.counts.total ? j.targets[0]! : null;
    }, 60_000, `the upgrade to ${artifact}`);
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-upgrade-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`, { IOMS_DATA_DIR: path.join(dir, 'data') });
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const a = await buildAgentBundle({ outfile: path.join(dir, 'a.mjs'), agentVersion: '9.0.0-a' });
    await buildAgentBundle({ outfile: path.join(dir, 'b.mjs'), agentVersion: '9.0.0-b' });
    fs.copyFileSync(a.outfile, bundlePath());
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: {}) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    supervise(['--server', server.url, '--token', token, '--name', 'upgrader', '--state-dir', path.join(dir, 'state')]);
    await waitFor(async () => (await version())?.agentVersion === '9.0.0-a', 20_000, 'the agent on bundle a');
  });
  afterAll(async () => {
    stopping = true;
    child?.kill('SIGTERM');
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('moves a real agent from one bundle to another and back', async () => {
    const vb = await push('ioms-agent', fs.readFileSync(path.join(dir, 'b.mjs')));
    const va = await push('ioms-agent-a', fs.readFileSync(path.join(dir, 'a.mjs')));
    const toB = await upgrade(`ioms-agent@${vb}`);
    expect(toB.status).toBe('SUCCEEDED');
    expect(toB.stdout).toContain('version 9.0.0-b connected');
    await waitFor(async () => (await version())?.agentVersion === '9.0.0-b', 20_000, 'the agent on bundle b');
    expect(restarts).toBe(1);
    // And back, the way an operator does it: `ioms agent upgrade HOST --artifact NAME@VERSION`.
    const config = path.join(dir, 'cli.json');
    fs.writeFileSync(config, JSON.stringify({ server: server.url, token: admin }), { mode: 0o600 });
    const back = await runCli(['agent', 'upgrade', 'upgrader', '--artifact', `ioms-agent-a@${va}`, '-o', 'json'], { IOMS_CONFIG: config });
    expect(back.code, back.stderr).toBe(0);
    expect((JSON.parse(back.stdout) as { results: { status: string }[] }).results[0]?.status).toBe('SUCCEEDED');
    await waitFor(async () => (await version())?.agentVersion === '9.0.0-a', 20_000, 'the agent back on bundle a');
    expect(fs.existsSync(path.join(dir, 'state', 'upgrade.json'))).toBe(false);
  });

  it('refuses a bundle that cannot connect, changing nothing', async () => {
    const before = fs.readFileSync(bundlePath());
    const v = await push('broken-agent', Buffer.from('#!/usr/bin/env node\nprocess.exit(3);\n'));
    const r = await upgrade(`broken-agent@${v}`);
    expect(r.status).toBe('FAILED');
    expect(r.error).toMatch(/did not connect in a trial run/);
    expect(fs.readFileSync(bundlePath()).equals(before)).toBe(true);
    expect((await version())?.online).toBe(true);
  });
});
