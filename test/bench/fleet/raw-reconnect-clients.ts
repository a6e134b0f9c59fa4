/**
 * The reconnect baseline's clients: `n` bare `ws` sockets that reconnect whenever closed, with the
 * agent's own backoff (agent/link/backoff.ts: 500 ms doubling, equal jitter). Reports how many
 * are open to the parent whenever that changes.
 */
import WebSocket from 'ws';
import { backoffDelay } from '../../../agent/link/backoff.js';

const [url, nText] = process.argv.slice(2);
const n = Number(nText);
let open = 0;
let stopping = false;
const sockets = new Set<WebSocket>();

function dial(attempt: number): void {
  if (stopping) return;
  const s = new WebSocket(url!);
  sockets.add(s);
  let opened = false;
  s.on('open', () => {
    opened = true;
    open++;
  });
  s.on('error', () => undefined);
  s.on('close', () => {
    sockets.delete(s);
    if (opened) open--;
    setTimeout(() => dial(opened ? 0 : attempt + 1), backoffDelay(opened ? 0 : attempt));
  });
}

for (let i = 0; i < n; i++) dial(0);
let last = -1;
setInterval(() => {
  if (open === last) return;
  last = open;
  process.send?.({ type: 'open', count: open });
}, 20).unref();
process.on('message', () => {
  stopping = true;
  for (const s of sockets) s.terminate();
  setTimeout(() => process.exit(0), 100);
});
process.on('disconnect', () => process.exit(0));
