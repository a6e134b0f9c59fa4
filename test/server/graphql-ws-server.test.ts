import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { serveGraphqlWs, type WsExtra } from '../../api/server/graphql-ws-server.js';
import { KeepaliveWheel } from '../../api/server/keepalive.js';

const schema = buildSchema('type Query { hello: String } type Subscription { burst(n: Int!, bytes: Int!): String }');
/** `burst`: n events of `bytes` each, as fast as the server will take them (past the send buffer's high-water mark). */
async function* burst({ n, bytes }: { n: number; bytes: number }) {
  for (let i = 0; i < n; i++) yield { burst: `${i}:`.padEnd(bytes, 'x') };
}
const roots = { query: { hello: () => 'world' }, subscription: { burst } };

/** A graphql-ws server on a random port, its keepalive fast (200 ms). */
async function start(seen: { userAgent?: string; hadRequest?: boolean }[] = [], keepaliveMs = 200) {
  const server = http.createServer();
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const keepalive = new KeepaliveWheel<WebSocket>({ intervalMs: keepaliveMs, slots: 2 }).start();
  /** Writes to each TCP socket (counted for the test of coalescing). */
  const writes: { count: number }[] = [];
  wsServer.on('connection', (_socket, request) => {
    const counter = { count: 0 };
    writes.push(counter);
    const raw = request.socket as unknown as { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void };
    for (const k of ['_write', '_writev'] as const) {
      const original = raw[k].bind(raw);
      raw[k] = (...a: unknown[]) => {
        counter.count++;
        original(...a);
      };
    }
  });
  const handle = serveGraphqlWs<Record<string, unknown>, WsExtra>(
    {
      schema,
      roots,
      onConnect: (ctx) => {
        seen.push({ userAgent: ctx.extra.request?.headers['user-agent'], hadRequest: ctx.extra.request !== undefined });
        ctx.extra.request = undefined;
        return true;
      },
    },
    { wsServer, keepalive, production: true, logError: () => undefined },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    keepalive,
    writes,
    stop: async () => {
      keepalive.stop();
      await handle.dispose();
      server.close();
    },
  };
}

/** A raw graphql-transport-ws client; `autoPong: false` plays a peer that went away without a close. */
async function client(url: string, autoPong: boolean): Promise<{ ws: WebSocket; messages: unknown[] }> {
  const ws = new WebSocket(url, 'graphql-transport-ws', { autoPong, headers: { 'user-agent': 'test-agent' } });
  const messages: unknown[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(String(d))));
  await once(ws, 'open');
  ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  while (!messages.some((m) => (m as { type: string }).type === 'connection_ack')) await new Promise((r) => setTimeout(r, 10));
  return { ws, messages };
}

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops) await s();
  stops = [];
});

describe('serveGraphqlWs', () => {
  it('answers operations, and hands onConnect the upgrade request once', async () => {
    const seen: { userAgent?: string; hadRequest?: boolean }[] = [];
    const s = await start(seen);
    stops.push(s.stop);
    const { ws, messages } = await client(s.url, true);
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ hello }' } }));
    while (!messages.some((m) => (m as { type: string }).type === 'complete')) await new Promise((r) => setTimeout(r, 10));
    expect(messages).toContainEqual({ id: '1', type: 'next', payload: { data: { hello: 'world' } } });
    expect(seen).toEqual([{ userAgent: 'test-agent', hadRequest: true }]);
    ws.close();
  });

  it("writes an operation's answer (next and complete) to the socket in one write", async () => {
    const s = await start([], 60_000);
    stops.push(s.stop);
    const { ws, messages } = await client(s.url, true);
    s.writes[0]!.count = 0;
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ hello }' } }));
    while (!messages.some((m) => (m as { type: string }).type === 'complete')) await new Promise((r) => setTimeout(r, 10));
    expect(s.writes[0]!.count).toBe(1);
    ws.close();
  });

  it('delivers a burst larger than the send buffer whole and in order, then completes', async () => {
    const s = await start();
    stops.push(s.stop);
    const { ws, messages } = await client(s.url, true);
    ws.send(JSON.stringify({ id: 'b', type: 'subscribe', payload: { query: 'subscription { burst(n: 300, bytes: 1000) }' } }));
    while (!messages.some((m) => (m as { type: string }).type === 'complete')) await new Promise((r) => setTimeout(r, 10));
    const got = messages.filter((m) => (m as { type: string }).type === 'next').map((m) => Number(String((m as { payload: { data: { burst: string } } }).payload.data.burst).split(':')[0]));
    expect(got).toEqual(Array.from({ length: 300 }, (_, i) => i));
    ws.close();
  });

  it('drops a socket that stops answering pings within four intervals of its last message; keeps one that answers', async () => {
    const s = await start();
    stops.push(s.stop);
    const dead = await client(s.url, false);
    const live = await client(s.url, true);
    const started = performance.now();
    const [code] = (await once(dead.ws, 'close')) as [number];
    const elapsed = performance.now() - started;
    // terminate(): an abnormal close, seen by the peer as 1006, after one missed ping (its
    // connection_init was the last thing heard: a visit finds it heard, two find it quiet, the
    // second of them pings, the fourth drops).
    expect(code).toBe(1006);
    expect(elapsed).toBeLessThan(4 * 200 + 300);
    await new Promise((r) => setTimeout(r, 600));
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    expect(s.keepalive.size).toBe(1);
    live.ws.close();
    await once(live.ws, 'close');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.keepalive.size).toBe(0);
  });
});
