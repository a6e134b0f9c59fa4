import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../helpers/databases.js';
import { codes, gql, login, wsClient, wsOnce } from '../helpers/graphql.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const sqlite = databaseKinds()[0]!;

describe('request hardening', () => {
  let server: TestServer;
  let prod: TestServer;
  let token: string;
  const drops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const db = await sqlite.create();
    const db2 = await sqlite.create();
    drops.push(db.drop, db2.drop);
    server = await startTestServer(db.url);
    prod = await startTestServer(db2.url, { NODE_ENV: 'production' });
    token = await login(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    await prod?.close();
    for (const drop of drops) await drop();
  });

  const deep = `{ me ${'{ __typename '.repeat(1)}} }`;
  const tooDeep = `query { __schema { types { fields { type ${'{ ofType '.repeat(14)}{ name }${' }'.repeat(14)} } } } }`;

  it.each([
    ['a query nested past the depth limit', tooDeep, 'GRAPHQL_VALIDATION_FAILED'],
    ['more aliases than allowed', `{ ${Array.from({ length: 20 }, (_, i) => `m${i}: me { username }`).join(' ')} }`, 'GRAPHQL_VALIDATION_FAILED'],
  ])('refuses %s over HTTP and over WebSocket alike', async (_name, query, code) => {
    const http = await gql(server.url, query, {}, token);
    expect(http.status).toBe(400);
    expect(codes(http)).toContain(code);
    const { client } = wsClient(server.url, { token });
    const ws = await wsOnce(client, query);
    expect(ws.errors?.length).toBeGreaterThan(0);
    expect(ws.data).toBeUndefined();
    await client.dispose();
  });

  it('answers a plain query and the standard introspection query within the limits', async () => {
    expect((await gql(server.url, deep, {}, token)).errors).toBeUndefined();
    expect((await gql(server.url, getIntrospectionQuery(), {}, token)).errors).toBeUndefined();
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ me { username } }`, pad: 'x'.repeat(1_100_000) }) });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toMatch(/over/);
  });

  it('does not accept batched requests', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify([{ query: '{ me { username } }' }, { query: '{ me { username } }' }]) });
    expect(res.status).toBe(400);
  });

  it('blocks CSRF-able requests (a simple GET without a preflight header)', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  it('masks unexpected errors: no stack traces, no SQL', async () => {
    const r = await gql(server.url, '{ me { nope } }', {}, token);
    expect(JSON.stringify(r)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    const bad = await gql(server.url, 'query($a: AuditFilterInput) { auditEvents(filter: $a, after: "1; drop table users") { nodes { id } } }', {}, token);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('turns introspection off in production, on HTTP and WS', async () => {
    expect((await gql(server.url, '{ __schema { queryType { name } } }', {}, token)).errors).toBeUndefined();
    const prodToken = await login(prod.url, 'admin', ADMIN_PASSWORD);
    const http = await gql(prod.url, '{ __schema { queryType { name } } }', {}, prodToken);
    expect(codes(http)).toContain('GRAPHQL_VALIDATION_FAILED');
    const { client } = wsClient(prod.url, { token: prodToken });
    const ws = await wsOnce(client, '{ __schema { queryType { name } } }');
    expect(ws.errors?.[0]?.message).toMatch(/introspection/i);
    await client.dispose();
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('ioms_http_requests_total');
    expect(metrics).toContain('ioms_websockets_open');
    expect(metrics).toContain('ioms_process_cpu_seconds_total');
  });

  it('streams audit rows to an admin subscription, and refuses it to a viewer', async () => {
    await gql(server.url, 'mutation($i: CreateUserInput!) { createUser(input: $i) { username } }', { i: { username: 'watcher', password: 'watcher-password', role: 'VIEWER' } }, token);
    const { client } = wsClient(server.url, { token });
    const seen = new Promise<{ action: string; actor: string }>((resolve) => {
      client.subscribe<{ auditEventRecorded: { action: string; actor: string } }>({ query: 'subscription { auditEventRecorded { action actor } }' }, { next: (v) => v.data && resolve(v.data.auditEventRecorded), error: () => undefined, complete: () => undefined });
    });
    await new Promise((r) => setTimeout(r, 200));
    await gql(server.url, 'mutation { login(username: "watcher", password: "nope-nope") { token } }');
    expect(await seen).toEqual({ action: 'login', actor: 'watcher' });
    await client.dispose();
    const viewerToken = await login(server.url, 'watcher', 'watcher-password');
    const v = wsClient(server.url, { token: viewerToken });
    const refused = await wsOnce(v.client, 'subscription { auditEventRecorded { action } }');
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    await v.client.dispose();
  });
});
