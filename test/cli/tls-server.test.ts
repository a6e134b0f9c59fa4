import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnAgent, spawnServer, waitFor, type ServerProcess } from '../helpers/processes.js';

describe('a server with certificates from `ioms tls init`', () => {
  let dir: string;
  let server: ServerProcess;
  let caFile: string;
  const env = () => ({ IOMS_CONFIG: path.join(dir, 'config.json'), IOMS_PASSWORD: 'tls-admin-password' });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-tls-'));
    const init = await runCli(['tls', 'init', '--dir', path.join(dir, 'tls'), '--hosts', 'localhost'], {});
    expect(init.code, init.stderr).toBe(0);
    caFile = path.join(dir, 'tls', 'ca.pem');
    server = await spawnServer(
      {
        IOMS_ADMIN_PASSWORD: 'tls-admin-password',
        IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}`,
        IOMS_TLS_CERT: path.join(dir, 'tls', 'server.pem'),
        IOMS_TLS_KEY: path.join(dir, 'tls', 'server-key.pem'),
      },
      dir,
    );
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('listens on https only', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const plain = server.url.replace('https:', 'http:');
    await expect(fetch(`${plain}/healthz`)).rejects.toThrow();
  });

  it('lets `ioms login --ca` in, and whoami works with the remembered CA', async () => {
    const login = await runCli(['--server', server.url, '--ca', caFile, 'login'], env());
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    const who = await runCli(['whoami', '-o', 'json'], env());
    expect(JSON.parse(who.stdout)).toEqual({ username: 'admin', role: 'ADMIN' });
  });

  it('refuses the connection without the CA', async () => {
    const r = await runCli(['--server', server.url, 'login'], { ...env(), IOMS_CONFIG: path.join(dir, 'other.json') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not signed by a CA this CLI trusts (pass the server's CA with --ca FILE");
  });

  it('refuses plain http to a non-loopback address before sending the password', async () => {
    const r = await runCli(['--server', 'http://192.0.2.10:8888', 'login'], { ...env(), IOMS_CONFIG: path.join(dir, 'other.json') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refusing unencrypted');
  });

  it('speaks WSS to a client that trusts the CA', async () => {
    const login = await runCli(['login', '-o', 'json'], env());
    expect(login.code).toBe(0);
    const { token } = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { token: string };
    const ca = fs.readFileSync(caFile, 'utf8');
    class TrustingWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { ca });
      }
    }
    const client = createClient({ url: `${server.url.replace('https', 'wss')}/graphql`, webSocketImpl: TrustingWebSocket, connectionParams: { token }, retryAttempts: 0 });
    const me = await new Promise((resolve, reject) => {
      client.subscribe({ query: '{ me { username } }' }, { next: (v) => resolve(v.data), error: reject, complete: () => undefined });
    });
    expect(me).toEqual({ me: { username: 'admin' } });
    await client.dispose();
  });

  it('lets an agent with the right CA connect over WSS, and makes one with another CA refuse', async () => {
    const created = await runCli(['token', 'create', '--uses', '2', '-o', 'json'], env());
    expect(created.code, created.stderr).toBe(0);
    const { token } = JSON.parse(created.stdout) as { token: string };
    const good = spawnAgent(['--server', server.url, '--token', token, '--name', 'tls-good', '--state-dir', path.join(dir, 'agent-good'), '--ca', caFile]);
    try {
      await waitFor(async () => {
        const r = await runCli(['get', 'hosts', 'tls-good', '-o', 'json'], env());
        return (JSON.parse(r.stdout || '[]') as { online: boolean }[])[0]?.online;
      }, 20_000, 'tls-good online');
      expect(good.output()).toContain('wss://127.0.0.1');
      expect(fs.readFileSync(path.join(dir, 'agent-good', 'ca.pem'), 'utf8')).toBe(fs.readFileSync(caFile, 'utf8'));
    } finally {
      await good.stop();
    }
    const otherCa = await runCli(['tls', 'init', '--dir', path.join(dir, 'other-tls')], {});
    expect(otherCa.code).toBe(0);
    const bad = spawnAgent(['--server', server.url, '--token', token, '--name', 'tls-bad', '--state-dir', path.join(dir, 'agent-bad'), '--ca', path.join(dir, 'other-tls', 'ca.pem')]);
    const code = await new Promise<number | null>((resolve) => bad.proc.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(bad.output()).toMatch(/enrollment refused: .*(certificate|self-signed|issuer)/i);
    expect(fs.existsSync(path.join(dir, 'agent-bad', 'credential.json'))).toBe(false);
  });
});
