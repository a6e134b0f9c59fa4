import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RawServerReply, RawServerRequest } from './raw-server.js';

/**
 * The raw baseline for the fleet benchmarks, measured in the same run: a bare `ws` server process
 * and `n` bare sockets in `workers` processes, on the same loopback. Connect storm (until the
 * server holds all `n`), broadcast-and-reply latencies, and the server's RSS holding them.
 */
export class RawBaseline {
  private constructor(
    private readonly server: ChildProcess,
    private readonly clients: ChildProcess[],
    readonly connectMs: number,
    /** The server's RSS before any socket connected. */
    readonly rssBeforeBytes: number,
  ) {}

  /** `heartbeatMs`: each socket also sends a heartbeat-sized message that often (0: none). */
  static async start(n: number, workers = 4, heartbeatMs = 0): Promise<RawBaseline> {
    const server = fork(path.join(import.meta.dirname, 'raw-server.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await next(server, 'listening');
    const start = performance.now();
    const clients = Array.from({ length: workers }, (_, i) => fork(path.join(import.meta.dirname, 'raw-clients.ts'), [`ws://127.0.0.1:${port.port}/`, String(Math.floor(n / workers) + (i < n % workers ? 1 : 0)), String(heartbeatMs)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    for (;;) {
      const c = await next(server, 'connected');
      if (c.count >= n) break;
    }
    return new RawBaseline(server, clients, performance.now() - start, port.rssBytes);
  }

  /** `padBytes`: send a payload of that size instead of a command (answered with as many bytes). */
  async broadcast(expect: number, padBytes?: number): Promise<number[]> {
    send(this.server, { type: 'broadcast', expect, ...(padBytes ? { padBytes } : {}) });
    return (await next(this.server, 'broadcasted')).latenciesMs;
  }

  /** The raw server's pid (for its CPU time from /proc). */
  get serverPid(): number {
    return this.server.pid!;
  }

  async rssBytes(): Promise<number> {
    send(this.server, { type: 'stats' });
    return (await next(this.server, 'stats')).rssBytes;
  }

  async stop(): Promise<void> {
    for (const c of this.clients) c.send('stop');
    send(this.server, { type: 'stop' });
    await Promise.all([this.server, ...this.clients].map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
  }
}

function send(p: ChildProcess, req: RawServerRequest): void {
  p.send(req);
}

function next<T extends RawServerReply['type']>(p: ChildProcess, type: T): Promise<Extract<RawServerReply, { type: T }>> {
  return new Promise((resolve) => {
    const on = (m: RawServerReply) => {
      if (m.type !== type) return;
      p.off('message', on);
      resolve(m as Extract<RawServerReply, { type: T }>);
    };
    p.on('message', on);
  });
}
