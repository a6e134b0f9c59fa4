/**
 * The raw baseline's server, a process of its own: a bare `ws` server that counts sockets,
 * broadcasts a message to all of them and times every reply. Driven over IPC by raw-baseline.ts.
 */
import { WebSocketServer, type WebSocket } from 'ws';

export type RawServerRequest = { type: 'broadcast'; expect: number; padBytes?: number } | { type: 'stats' } | { type: 'stop' };
export type RawServerReply =
  | { type: 'listening'; port: number; rssBytes: number }
  | { type: 'connected'; count: number }
  | { type: 'broadcasted'; latenciesMs: number[] }
  | { type: 'stats'; rssBytes: number; sockets: number };

// argv[2]: a fixed port (the reconnect baseline restarts the server on the same port). @default 0
const wss = new WebSocketServer({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1', backlog: 4096 });
const sockets = new Set<WebSocket>();
let onReply: ((ms: number) => void) | undefined;
let lastCount = -1;

wss.on('connection', (s) => {
  sockets.add(s);
  s.on('close', () => sockets.delete(s));
  s.on('message', (data: Buffer) => {
    // A heartbeat (raw-clients.ts) is acknowledged like the server acknowledges the agent's; anything else is a reply.
    if (data.length > 9 && data.toString('latin1', 0, 9) === '{"id":"h"') s.send('{"id":"h","type":"next","payload":{"data":{"reportHeartbeat":true}}}');
    else onReply?.(0);
  });
});
wss.on('listening', () => process.send?.({ type: 'listening', port: (wss.address() as { port: number }).port, rssBytes: process.memoryUsage().rss } satisfies RawServerReply));
setInterval(() => {
  if (sockets.size === lastCount) return;
  lastCount = sockets.size;
  process.send?.({ type: 'connected', count: sockets.size } satisfies RawServerReply);
}, 20).unref();

process.on('message', (msg: RawServerRequest) => {
  if (msg.type === 'broadcast') {
    const latencies: number[] = [];
    const start = performance.now();
    onReply = () => {
      latencies.push(performance.now() - start);
      if (latencies.length === msg.expect) {
        onReply = undefined;
        process.send?.({ type: 'broadcasted', latenciesMs: latencies } satisfies RawServerReply);
      }
    };
    // The same shape of message graphql-ws sends an agent: one `next` per socket, each with its own id.
    // `padBytes`: a payload of that many bytes instead (the size of a desired-state instruction), echoed back.
    let i = 0;
    const pad = msg.padBytes ? 'x'.repeat(msg.padBytes) : undefined;
    for (const s of sockets) s.send(JSON.stringify({ id: 'instructions', type: 'next', payload: { data: { agentInstructions: pad ? { id: `t${i++}`, kind: 'DESIRED_STATE', payload: { pad } } : { id: `t${i++}`, kind: 'SHELL', payload: { command: 'echo hi', timeoutMs: 60_000, attempt: 1 } } } } }));
  } else if (msg.type === 'stats') {
    process.send?.({ type: 'stats', rssBytes: process.memoryUsage().rss, sockets: sockets.size } satisfies RawServerReply);
  } else process.exit(0);
});
process.on('disconnect', () => process.exit(0));
