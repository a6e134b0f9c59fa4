import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgentBundle } from '../../agent/bundle/build-agent.js';
import { gql, login } from '../helpers/graphql.js';
import { waitFor } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

/** The single-file agent, copied where no node_modules exist, enrolls and reports like the full CLI. */
describe('the agent bundle (npm run build:agent)', () => {
  let dir: string;
  let server: TestServer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-bundle-'));
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`);
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs with plain node and no node_modules, and its host comes online', async () => {
    const bundle = await buildAgentBundle({ outfile: path.join(dir, 'ioms-agent.mjs') });
    expect(bundle.bytes).toBeGreaterThan(100_000);
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: {}) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    const proc = spawn(process.execPath, [bundle.outfile, 'agent', '--server', server.url, '--token', token, '--name', 'bundled', '--state-dir', path.join(dir, 'state')], { cwd: dir, stdio: 'ignore' });
    try {
      const host = await waitFor(async () => {
        const r = await gql<{ host: { online: boolean; agentVersion: string; inventory: { hostname: string } | null } | null }>(server.url, '{ host(name: "bundled") { online agentVersion inventory } }', {}, admin);
        return r.data?.host?.online && r.data.host.inventory ? r.data.host : null;
      }, 20_000, 'the bundled agent online');
      expect(host.inventory?.hostname).toBe(os.hostname());
    } finally {
      proc.kill('SIGTERM');
    }
  });
});
