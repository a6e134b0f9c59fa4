/**
 * The agent link: sequential report round trips (reportHeartbeat over graphql-ws, which writes
 * the host's last-seen time) against raw `ws` echo round trips on the same loopback, same run.
 *
 *   npx tsx test/bench/link.bench.ts [N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket, { WebSocketServer } from 'ws';
import { loadServerConfig } from '../../api/config.js';
import { createLogger } from '../../api/logger.js';
import { startServer } from '../../api/server/start-server.js';
import { LogSink } from '../helpers/test-server.js';

const N = Number(process.argv[2] ?? 3000);

async function rawWs(): Promise<number> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss.on('connection', (s) => s.on('message', (m) => s.send(m)));
  await new Promise((r) => wss.once('listening', r));
  const port = (wss.address() as { port: number }).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((r) => ws.once('open', r));
  const msg = JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'mutation($r: String!) { reportHeartbeat(report: $r) }', variables: { r: JSON.stringify({ seq: 1, at: new Date().toISOString() }) } } });
  const start = performance.now();
  for (let i = 0; i < N; i++) {
    await new Promise<void>((resolve) => {
      ws.once('message', () => resolve());
      ws.send(msg);
    });
  }
  const secs = (performance.now() - start) / 1000;
  ws.close();
  wss.close();
  return N / secs;
}

async function iomsLink(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-bench-link-'));
  const config = loadServerConfig({ IOMS_PORT: '0', IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}`, IOMS_DATA_DIR: dir, IOMS_ADMIN_PASSWORD: 'bench-password' }, dir);
  const server = await startServer(config, { logger: createLogger('warn', new LogSink()), onAdminCreated: () => undefined });
  try {
    const em = server.services.orm.em.fork();
    const { token } = await server.services.enrollment.createToken(em, { createdBy: 'bench' });
    const { host, secret } = await server.services.enrollment.enroll(server.services.orm.em.fork(), { token, name: 'bench-host' }, '127.0.0.1');
    // An agent socket may send a burst of 200 messages, then 20 a second (api/server/socket-budget.ts):
    // the round trips run in rounds of 150 on a fresh connection each, and only they are timed.
    const ROUND = 150;
    const open = async () => {
      const client = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { hostId: host.id, secret }, lazy: false });
      const once = () =>
        new Promise<void>((resolve, reject) => {
          client.subscribe({ query: 'mutation($r: String!) { reportHeartbeat(report: $r) }', variables: { r: JSON.stringify({ seq: 1, at: new Date().toISOString() }) } }, { next: () => undefined, error: reject, complete: resolve });
        });
      await once();
      return { client, once };
    };
    let ms = 0;
    for (let done = 0; done < N; done += ROUND) {
      const { client, once } = await open();
      const start = performance.now();
      for (let i = done; i < Math.min(N, done + ROUND); i++) await once();
      ms += performance.now() - start;
      await client.dispose();
    }
    return N / (ms / 1000);
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const raw = await rawWs();
const ioms = await iomsLink();
console.log(`link round trips, ${N} sequential (IOMS: rounds of 150 per connection, inside the socket budget), loopback`);
console.log(`  raw ws echo:                 ${raw.toFixed(0)} round trips/s`);
console.log(`  IOMS reportHeartbeat (SQLite): ${ioms.toFixed(0)} round trips/s`);
console.log(`  ratio IOMS/raw:              ${(ioms / raw).toFixed(3)}`);
