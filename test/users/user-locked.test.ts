import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { runCli } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const USERS = '{ users { username locked } }';
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

/** `User.locked` says what the login throttle will do with the next sign-in; `unlockUser` clears it. */
describe('User.locked', () => {
  let dir: string;
  let server: TestServer;
  let admin: string;
  /** A CLI config file holding the admin's token (what `ioms login` writes). */
  const configFile = (token: string) => {
    const file = path.join(dir, 'cli.json');
    fs.writeFileSync(file, JSON.stringify({ server: server.url, token }), { mode: 0o600 });
    return file;
  };
  const lockedOf = async () => Object.fromEntries((await gql<{ users: { username: string; locked: boolean }[] }>(server.url, USERS, {}, admin)).data!.users.map((u) => [u.username, u.locked]));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-user-locked-'));
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`, { IOMS_LOGIN_MAX_FAILURES_PER_USER: '3' });
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const created = await gql(server.url, 'mutation { createUser(input: { username: "eve", password: "eve-password-1", role: VIEWER }) { id } }', {}, admin);
    expect(created.errors).toBeUndefined();
  });
  afterAll(async () => {
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is false below the limit, true once the limit of failed sign-ins is reached, and unlockUser clears it', async () => {
    for (let i = 0; i < 2; i += 1) await gql(server.url, LOGIN, { u: 'eve', p: 'wrong' });
    expect(await lockedOf()).toEqual({ admin: false, eve: false });
    await gql(server.url, LOGIN, { u: 'eve', p: 'wrong' });
    expect(await lockedOf()).toEqual({ admin: false, eve: true });
    const cli = await runCli(['--server', server.url, 'user', 'ls', '-o', 'json'], { IOMS_CONFIG: configFile(admin) });
    expect((JSON.parse(cli.stdout) as { username: string; locked: boolean }[]).find((u) => u.username === 'eve')?.locked, cli.stderr).toBe(true);
    const refused = await gql(server.url, LOGIN, { u: 'eve', p: 'eve-password-1' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');

    const unlocked = await gql<{ unlockUser: { locked: boolean } }>(server.url, 'mutation { unlockUser(username: "eve") { locked } }', {}, admin);
    expect(unlocked.data?.unlockUser.locked).toBe(false);
    expect(await lockedOf()).toEqual({ admin: false, eve: false });
    await login(server.url, 'eve', 'eve-password-1');
  });
});
