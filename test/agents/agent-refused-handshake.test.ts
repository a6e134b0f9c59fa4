import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { spawnAgent, spawnServer, waitFor, type AgentProcess, type ServerProcess } from '../helpers/processes.js';

/**
 * The server closes the socket before acknowledging it (4401 wrong credential, 4403 revoked):
 * graphql-ws then rejects `dispose()`, which used to end the agent process within a second.
 */
describe('an agent whose handshake the server refuses', () => {
  let dir: string;
  let server: ServerProcess;
  let admin: string;
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-refused-'));
    server = await spawnServer({ IOMS_ADMIN_PASSWORD: 'refused-admin-pw', IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}` }, dir);
    admin = await login(server.url, 'admin', 'refused-admin-pw');
  }, 60_000);
  afterAll(async () => {
    for (const a of agents) await a.stop('SIGKILL');
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    { name: 'a wrong secret (4401)', code: 4401, spoil: (cred: { secret: string }) => ({ ...cred, secret: `${cred.secret.slice(0, -4)}XXXX` }) },
    { name: 'another host’s id (4401)', code: 4401, spoil: (cred: { hostId: number }) => ({ ...cred, hostId: cred.hostId + 1000 }) },
  ])('keeps running and retrying slowly after $name', async ({ name, spoil }) => {
    const host = `refused-${name.replace(/\W+/g, '-').slice(0, 20).replace(/-+$/, '')}`;
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 1 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    const stateDir = path.join(dir, host);
    const args = ['--server', server.url, '--name', host, '--state-dir', stateDir];
    const first = spawnAgent([...args, '--token', token]);
    agents.push(first);
    await waitFor(() => fs.existsSync(path.join(stateDir, 'credential.json')), 45_000, 'the agent enrolled');
    await first.stop();
    const file = path.join(stateDir, 'credential.json');
    fs.writeFileSync(file, JSON.stringify(spoil(JSON.parse(fs.readFileSync(file, 'utf8')) as { hostId: number; secret: string })));

    const agent = spawnAgent(args);
    agents.push(agent);
    await waitFor(() => agent.output().includes('refused this agent’s credential'), 20_000, 'the refusal logged');
    await new Promise((r) => setTimeout(r, 3000));
    expect(agent.proc.exitCode, agent.output()).toBeNull();
    expect(agent.proc.signalCode).toBeNull();
    expect(agent.output()).not.toMatch(/unhandled|Unhandled/);
  }, 90_000);
});
