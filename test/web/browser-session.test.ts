import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cookieToken, isSameOrigin, readCookie } from '../../api/auth/browser-session.js';
import { pageFile } from '../../api/server/dashboard-routes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';
import type { IncomingMessage } from 'node:http';

const req = (headers: Record<string, string | undefined>) => ({ headers }) as unknown as IncomingMessage;

describe('same-origin rule for the session cookie', () => {
  it.each([
    { name: 'fetch metadata same-origin', headers: { host: 'a:8888', 'sec-fetch-site': 'same-origin' }, same: true },
    { name: 'fetch metadata cross-site', headers: { host: 'a:8888', 'sec-fetch-site': 'cross-site' }, same: false },
    { name: 'fetch metadata same-site (another port)', headers: { host: 'a:8888', 'sec-fetch-site': 'same-site' }, same: false },
    { name: 'Origin equal to Host', headers: { host: 'a:8888', origin: 'http://a:8888' }, same: true },
    { name: 'Origin of another site', headers: { host: 'a:8888', origin: 'http://evil.example' }, same: false },
    { name: 'same-origin metadata but a foreign Origin', headers: { host: 'a:8888', origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' }, same: false },
    { name: 'Origin null', headers: { host: 'a:8888', origin: 'null' }, same: false },
    { name: 'neither header (not a browser)', headers: { host: 'a:8888' }, same: false },
  ])('$name', ({ headers, same }) => {
    expect(isSameOrigin(req(headers))).toBe(same);
    expect(cookieToken(req({ ...headers, cookie: 'x=1; ioms_session=tok' }))).toBe(same ? 'tok' : undefined);
  });

  it.each([
    { header: 'a=1; ioms_session=abc; b=2', value: 'abc' },
    { header: 'ioms_session=', value: undefined },
    { header: 'xioms_session=abc', value: undefined },
    { header: undefined, value: undefined },
  ])('reads the cookie from $header', ({ header, value }) => {
    expect(readCookie(header, 'ioms_session') || undefined).toBe(value);
  });
});

describe('static export paths', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-web-out-'));
  fs.mkdirSync(path.join(dir, 'hosts'));
  fs.writeFileSync(path.join(dir, 'index.html'), 'i');
  fs.writeFileSync(path.join(dir, 'hosts', 'index.html'), 'h');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  it.each([
    { url: '/', file: 'index.html' },
    { url: '/hosts', file: 'hosts/index.html' },
    { url: '/hosts/', file: 'hosts/index.html' },
    { url: '/nope/', file: undefined },
    { url: '/../package.json', file: undefined },
    { url: '/%2e%2e/%2e%2e/etc/passwd', file: undefined },
    { url: '/%E0%A4%A', file: undefined },
    { url: '/a%00b', file: undefined },
  ])('$url', ({ url, file }) => {
    expect(pageFile(dir, url)).toBe(file ? path.join(dir, file) : undefined);
  });
});

describe('dashboard routes and cookie sessions on a real server', () => {
  let server: TestServer;
  let dbDir: string;
  let outDir: string;
  let host: string;
  beforeAll(async () => {
    dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-web-session-'));
    outDir = path.join(dbDir, 'out');
    fs.mkdirSync(path.join(outDir, 'hosts'), { recursive: true });
    fs.writeFileSync(path.join(outDir, 'index.html'), '<html>overview</html>');
    fs.writeFileSync(path.join(outDir, 'hosts', 'index.html'), '<html>hosts</html>');
    fs.writeFileSync(path.join(outDir, '404.html'), '<html>not found</html>');
    server = await startTestServer(`sqlite:${path.join(dbDir, 'ioms.db')}`, {}, { dashboardDir: outDir });
    host = new URL(server.url).host;
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dbDir, { recursive: true, force: true });
  });

  const origin = () => server.url;
  const signIn = (headers: Record<string, string> = { origin: origin() }, password = ADMIN_PASSWORD) =>
    fetch(`${server.url}/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'admin', password }) });
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (cookie: string, headers: Record<string, string | undefined>) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...(headers as Record<string, string>) }, body: JSON.stringify({ query: '{ me { username role } }' }) }).then((r) => r.json() as Promise<{ data?: { me: { username: string } }; errors?: { extensions: { code: string } }[] }>);

  it('signs in with an HttpOnly SameSite=Strict cookie and never returns the token', async () => {
    const res = await signIn();
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^ioms_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ user: { username: 'admin', role: 'ADMIN' }, expiresAt: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain(cookieOf(res).split('=')[1]);
  });

  it.each([
    { name: 'a wrong password', headers: () => ({ origin: origin() }), password: 'wrong', status: 401 },
    { name: 'another origin', headers: () => ({ origin: 'http://evil.example' }), password: ADMIN_PASSWORD, status: 403 },
    { name: 'a cross-site fetch', headers: () => ({ 'sec-fetch-site': 'cross-site' }), password: ADMIN_PASSWORD, status: 403 },
  ])('refuses sign-in from $name', async ({ headers, password, status }) => {
    const res = await signIn(headers(), password);
    expect(res.status).toBe(status);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('honours the cookie on same-origin GraphQL and ignores it from another origin', async () => {
    const cookie = cookieOf(await signIn());
    expect((await me(cookie, { origin: origin() })).data?.me.username).toBe('admin');
    expect((await me(cookie, { 'sec-fetch-site': 'same-origin' })).data?.me.username).toBe('admin');
    for (const headers of [{ origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }, {}]) {
      const res = await me(cookie, headers);
      expect(res.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('accepts the cookie on a WebSocket only from this origin', async () => {
    const cookie = cookieOf(await signIn());
    const open = (originHeader: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: { cookie, origin: originHeader } });
        ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
        ws.on('message', (m) => {
          const msg = JSON.parse(String(m)) as { type: string };
          if (msg.type === 'connection_ack') {
            ws.close();
            resolve('ack');
          }
        });
        ws.on('close', (code) => resolve(String(code)));
      });
    expect(await open(origin())).toBe('ack');
    expect(await open('http://evil.example')).toBe('4401');
  });

  it('logs out: the cookie is cleared and the session is gone', async () => {
    const cookie = cookieOf(await signIn());
    const cross = await fetch(`${server.url}/session/logout`, { method: 'POST', headers: { cookie, origin: 'http://evil.example' } });
    expect(cross.status).toBe(403);
    expect((await me(cookie, { origin: origin() })).data?.me.username).toBe('admin');
    const res = await fetch(`${server.url}/session/logout`, { method: 'POST', headers: { cookie, origin: origin() } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^ioms_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
    expect((await me(cookie, { origin: origin() })).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    { path: '/', status: 200, body: 'overview' },
    { path: '/hosts/', status: 200, body: 'hosts' },
    { path: '/no/such/page', status: 404, body: 'not found' },
    { path: '/healthz', status: 200, body: '"ok"' },
    { path: '/graphqlx', status: 404, body: 'not found' },
  ])('GET $path', async ({ path: p, status, body }) => {
    const res = await fetch(`${server.url}${p}`, { headers: { host } });
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(body);
    if (p === '/') expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
  });
});
