import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The dashboard uploads artifacts with its session cookie (never a token in the page): the
 * upload route honours the cookie only from this origin, and audits every refusal.
 */
describe('artifact uploads with the dashboard session cookie', () => {
  let server: TestServer;
  let dir: string;
  let cookie: string;
  let token: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-web-upload-'));
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`);
    const res = await fetch(`${server.url}/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    token = await login(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const body = Buffer.from('dashboard upload\n');
  const put = (name: string, headers: Record<string, string>) => fetch(`${server.url}/artifacts/${name}?version=1.0`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', cookie, ...headers }, body });

  it.each([
    { name: 'Origin equal to the host', artifact: 'same-origin.txt', headers: () => ({ origin: server.url }), status: 201 },
    { name: 'fetch metadata same-origin', artifact: 'fetch-meta.txt', headers: () => ({ 'sec-fetch-site': 'same-origin' }), status: 201 },
    { name: 'another origin', artifact: 'evil-origin.txt', headers: () => ({ origin: 'http://evil.example' }), status: 401 },
    { name: 'a cross-site fetch', artifact: 'cross-site.txt', headers: () => ({ 'sec-fetch-site': 'cross-site' }), status: 401 },
    { name: 'no origin at all (not a browser)', artifact: 'no-origin.txt', headers: () => ({}), status: 401 },
  ])('$name → $status', async ({ artifact, headers, status }) => {
    const res = await put(artifact, headers());
    expect(res.status).toBe(status);
    const listed = await gql<{ artifact: { versions: { sha256: string; uploadedBy: string }[] } | null }>(server.url, 'query($n: String!) { artifact(name: $n) { versions { sha256 uploadedBy } } }', { n: artifact }, token);
    if (status === 201) expect(listed.data?.artifact?.versions).toEqual([{ sha256: crypto.createHash('sha256').update(body).digest('hex'), uploadedBy: 'admin' }]);
    else expect(listed.data?.artifact).toBeNull();
    const audit = await gql<{ auditEvents: { nodes: { outcome: string; actorType: string }[] } }>(server.url, '{ auditEvents(filter: { action: "pushArtifact" }, first: 1) { nodes { outcome actorType } } }', {}, token);
    expect(audit.data?.auditEvents.nodes[0]).toEqual(status === 201 ? { outcome: 'SUCCESS', actorType: 'USER' } : { outcome: 'DENIED', actorType: 'ANONYMOUS' });
  });
});
