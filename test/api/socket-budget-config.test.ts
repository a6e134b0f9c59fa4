/**
 * Per-connection budgets and login throttle limits come from the server's configuration: the
 * documented defaults, a clear refusal to start on a bad value, and a configured budget that a
 * real socket runs into.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from '../../api/config.js';
import { AGENT_BUDGET, USER_BUDGET } from '../../api/server/socket-budget.js';
import { loadSocketBudgets } from '../../api/server/socket-budget-config.js';
import { login, wsClient, wsOnce } from '../helpers/graphql.js';
import { runCli } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

describe('socket budget settings', () => {
  it('default to the documented budgets', () => {
    expect(loadSocketBudgets({})).toEqual({ agent: AGENT_BUDGET, user: USER_BUDGET, cooldownMs: 30_000 });
    expect(AGENT_BUDGET).toEqual({ ratePerSecond: 20, burst: 200, refusedReportCost: 10, closeAfterRefusals: 200, refusalWindowMs: 10_000 });
    expect(USER_BUDGET).toEqual({ ratePerSecond: 20, burst: 100, refusedReportCost: 0, closeAfterRefusals: 200, refusalWindowMs: 10_000 });
  });

  it('read every variable', () => {
    const b = loadSocketBudgets({
      IOMS_AGENT_SOCKET_RATE: '50',
      IOMS_AGENT_SOCKET_BURST: '500',
      IOMS_AGENT_REFUSED_REPORT_COST: '0',
      IOMS_USER_SOCKET_RATE: '5',
      IOMS_USER_SOCKET_BURST: '10',
      IOMS_SOCKET_CLOSE_AFTER_REFUSALS: '3',
      IOMS_SOCKET_REFUSAL_WINDOW_SECONDS: '60',
      IOMS_AGENT_SOCKET_COOLDOWN_SECONDS: '0',
    });
    expect(b).toEqual({
      agent: { ratePerSecond: 50, burst: 500, refusedReportCost: 0, closeAfterRefusals: 3, refusalWindowMs: 60_000 },
      user: { ratePerSecond: 5, burst: 10, refusedReportCost: 0, closeAfterRefusals: 3, refusalWindowMs: 60_000 },
      cooldownMs: 0,
    });
  });

  const bad: { name: string; env: Record<string, string>; message: RegExp }[] = [
    { name: 'a word for a rate', env: { IOMS_AGENT_SOCKET_RATE: 'fast' }, message: /IOMS_AGENT_SOCKET_RATE must be a whole number from 1 to 1000000, got "fast"/ },
    { name: 'a zero rate', env: { IOMS_USER_SOCKET_RATE: '0' }, message: /IOMS_USER_SOCKET_RATE must be a whole number from 1/ },
    { name: 'a fraction', env: { IOMS_USER_SOCKET_BURST: '2.5' }, message: /IOMS_USER_SOCKET_BURST/ },
    { name: 'a negative cost', env: { IOMS_AGENT_REFUSED_REPORT_COST: '-1' }, message: /IOMS_AGENT_REFUSED_REPORT_COST/ },
    { name: 'a huge window', env: { IOMS_SOCKET_REFUSAL_WINDOW_SECONDS: '99999999999' }, message: /IOMS_SOCKET_REFUSAL_WINDOW_SECONDS must be a whole number from 1 to 1000000/ },
    { name: 'a burst below the rate', env: { IOMS_AGENT_SOCKET_RATE: '100', IOMS_AGENT_SOCKET_BURST: '50' }, message: /IOMS_AGENT_SOCKET_BURST \(50\) must be at least IOMS_AGENT_SOCKET_RATE \(100\)/ },
    { name: 'zero refusals before closing', env: { IOMS_SOCKET_CLOSE_AFTER_REFUSALS: '0' }, message: /IOMS_SOCKET_CLOSE_AFTER_REFUSALS/ },
    { name: 'a login limit of zero', env: { IOMS_LOGIN_MAX_FAILURES_PER_USER: '0' }, message: /IOMS_LOGIN_MAX_FAILURES_PER_USER must be a whole number ≥ 1, got "0"/ },
    { name: 'a login window in minutes', env: { IOMS_LOGIN_WINDOW_SECONDS: '15m' }, message: /IOMS_LOGIN_WINDOW_SECONDS/ },
    { name: 'an address limit that is not a number', env: { IOMS_LOGIN_MAX_FAILURES_PER_IP: 'many' }, message: /IOMS_LOGIN_MAX_FAILURES_PER_IP/ },
  ];
  it.each(bad)('refuse $name', ({ env, message }) => {
    expect(() => loadServerConfig(env, '/nonexistent')).toThrow(ConfigError);
    expect(() => loadServerConfig(env, '/nonexistent')).toThrow(message);
  });

  it('a bad value stops `ioms server` before it starts, in one line naming the variable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-badconf-'));
    try {
      const r = await runCli(['server'], { IOMS_PORT: '0', IOMS_DATA_DIR: path.join(dir, 'data'), IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}`, IOMS_USER_SOCKET_BURST: 'lots' });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('ioms: IOMS_USER_SOCKET_BURST must be a whole number from 1 to 1000000, got "lots"\n');
      expect(fs.existsSync(path.join(dir, 'ioms.db'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a configured user socket budget on a real server', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-budget-'));
    // One message a second, bursts of three: the fourth message at once is over budget.
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`, { IOMS_DATA_DIR: path.join(dir, 'data'), IOMS_USER_SOCKET_RATE: '1', IOMS_USER_SOCKET_BURST: '3' });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses what passes the configured burst with TOO_MANY_REQUESTS', async () => {
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const { client } = wsClient(server.url, { authorization: `Bearer ${token}` });
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => wsOnce<{ me: { username: string } }>(client, '{ me { username } }')));
      const ok = answers.filter((a) => a.data?.me.username === 'admin').length;
      const refused = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS').length;
      expect({ ok, refused }).toEqual({ ok: 3, refused: 3 });
    } finally {
      await client.dispose();
    }
  });
});
