import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../helpers/processes.js';

/**
 * The raw baseline of the reconnect storm, measured in the same run: a bare `ws` server on a fixed
 * port and `n` bare sockets that reconnect with the agent's backoff. The server is SIGKILLed, and
 * once every client saw its socket close a new one is started on the same port; the figure is the
 * time from that start until all `n` are open again (as for IOMS: restart → all online).
 */
export async function rawReconnectStorm(n: number, workers = 4): Promise<{ connectMs: number; reconnectMs: number }> {
  const port = await freePort();
  const startServer = () => fork(path.join(import.meta.dirname, 'raw-server.ts'), [String(port)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let server = startServer();
  await message(server, (m) => m.type === 'listening');
  const counts = Array.from({ length: workers }, () => 0);
  let changed: (() => void) | undefined;
  const clients: ChildProcess[] = Array.from({ length: workers }, (_, i) => {
    const c = fork(path.join(import.meta.dirname, 'raw-reconnect-clients.ts'), [`ws://127.0.0.1:${port}/`, String(Math.floor(n / workers) + (i < n % workers ? 1 : 0))], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    c.on('message', (m: { type: string; count: number }) => {
      counts[i] = m.count;
      changed?.();
    });
    return c;
  });
  const until = async (done: (open: number) => boolean) => {
    while (!done(counts.reduce((a, b) => a + b, 0))) await new Promise<void>((r) => (changed = r));
  };
  try {
    const t0 = performance.now();
    await until((open) => open >= n);
    const connectMs = performance.now() - t0;
    server.kill('SIGKILL');
    await until((open) => open === 0);
    const restartedAt = performance.now();
    server = startServer();
    await until((open) => open >= n);
    return { connectMs, reconnectMs: performance.now() - restartedAt };
  } finally {
    for (const c of clients) c.send('stop');
    server.kill('SIGKILL');
    await Promise.all(clients.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  }
}

function message(p: ChildProcess, match: (m: { type: string }) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (!match(m)) return;
      p.off('message', on);
      resolve();
    };
    p.on('message', on);
  });
}
