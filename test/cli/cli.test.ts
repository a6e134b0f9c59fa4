import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnServer, type ServerProcess } from '../helpers/processes.js';

describe('the ioms CLI against a real server process', () => {
  let dir: string;
  let server: ServerProcess;
  let env: Record<string, string>;
  const ioms = (args: string[], extra: Record<string, string> = {}, input?: string) => runCli(['--server', server.url, ...args], { ...env, ...extra }, input);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-cli-'));
    server = await spawnServer({ IOMS_ADMIN_PASSWORD: 'cli-admin-password', IOMS_DATA_DIR: path.join(dir, 'data'), IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}` }, dir);
    env = { IOMS_CONFIG: path.join(dir, 'config.json') };
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('logs in with IOMS_PASSWORD, saves the token 0600, and whoami -o json is stable', async () => {
    const r = await ioms(['login', '--user', 'admin'], { IOMS_PASSWORD: 'cli-admin-password' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.statSync(env.IOMS_CONFIG!).mode & 0o777).toBe(0o600);
    const who = await ioms(['whoami', '-o', 'json']);
    expect(who.code).toBe(0);
    expect(JSON.parse(who.stdout)).toEqual({ username: 'admin', role: 'ADMIN' });
  });

  it('reads the password from stdin when there is no terminal', async () => {
    const r = await ioms(['login', '--user', 'admin', '-o', 'json'], {}, 'cli-admin-password\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ username: 'admin', role: 'ADMIN' });
  });

  it('refuses a wrong password with one line on stderr and a non-zero exit', async () => {
    const r = await runCli(['--server', server.url, 'login', '--user', 'admin'], { IOMS_CONFIG: path.join(dir, 'other.json'), IOMS_PASSWORD: 'wrong' });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('wrong username or password');
  });

  it('manages users: add, ls, set, rm', async () => {
    const add = await ioms(['user', 'add', 'carol', '--role', 'operator', '--allow', '127.0.0.1/32,::1'], { IOMS_NEW_PASSWORD: 'carol-password' });
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(/carol\s+OPERATOR/);
    const ls = await ioms(['user', 'ls', '-o', 'json']);
    expect((JSON.parse(ls.stdout) as { username: string; allowList: string[] }[]).find((u) => u.username === 'carol')?.allowList).toEqual(['127.0.0.1/32', '::1']);
    const yaml = await ioms(['user', 'ls', '-o', 'yaml']);
    expect(yaml.stdout).toMatch(/- username: admin/);
    const set = await ioms(['user', 'set', 'carol', '--role', 'viewer', '--disable', '-o', 'json']);
    expect(JSON.parse(set.stdout)).toMatchObject({ username: 'carol', role: 'VIEWER', disabled: true });
    const rm = await ioms(['user', 'rm', 'carol']);
    expect(rm.stdout).toContain('Deleted user carol');
    const again = await ioms(['user', 'rm', 'carol']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('ioms: no user named "carol"\n');
  });

  it('shows the audit trail with filters', async () => {
    const r = await ioms(['audit', '--action', 'createUser', '-o', 'json']);
    const page = JSON.parse(r.stdout) as { nodes: { action: string; actor: string; target: string; args: { input: { password: string } } }[] };
    expect(page.nodes[0]).toMatchObject({ action: 'createUser', actor: 'admin', target: 'carol' });
    expect(page.nodes[0]!.args.input.password).toBe('[REDACTED]');
    const table = await ioms(['audit', '--since', '1h', '--limit', '2']);
    expect(table.stdout).toMatch(/^AT\s+ACTOR\s+IP\s+ACTION/);
    expect(table.stdout).toContain('(more: --after');
  });

  it('prints the server’s audit CSV byte for byte with -o csv (the dashboard export’s file), the more-cursor on stderr', async () => {
    const filter = { action: 'login' };
    const bearer = (JSON.parse(fs.readFileSync(env.IOMS_CONFIG!, 'utf8')) as { token: string }).token;
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: 'query($f: AuditFilterInput) { auditEvents(filter: $f, first: 1) { csv } }', variables: { f: filter } }),
    });
    const want = ((await res.json()) as { data: { auditEvents: { csv: string } } }).data.auditEvents.csv;
    expect(want).toMatch(/^id,at,actor_type,actor,ip,action,target,outcome,reason,args\r\n/);
    const r = await ioms(['audit', '--action', 'login', '--limit', '1', '-o', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(want);
    expect(r.stderr).toMatch(/^\(more: --after \S+\)\n$/);
  });

  it('rejects bad flags before calling the server', async () => {
    expect((await ioms(['user', 'add', 'x', '--role', 'king'])).stderr).toContain('role must be admin, operator or viewer');
    expect((await ioms(['audit', '--since', 'yesterday'])).stderr).toContain('not a duration');
    expect((await ioms(['whoami', '-o', 'xml'])).stderr).toContain('unknown output format');
  });

  it('logs out', async () => {
    expect((await ioms(['logout'])).code).toBe(0);
    const who = await ioms(['whoami']);
    expect(who.code).toBe(1);
    expect(who.stderr).toContain('not logged in');
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const other = await spawnServer({ IOMS_ADMIN_PASSWORD: 'x-password', IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'second.db')}` }, dir);
    expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    expect(await other.stop('SIGTERM')).toBe(0);
    expect(other.output()).toContain('IOMS server stopped');
  });
});
