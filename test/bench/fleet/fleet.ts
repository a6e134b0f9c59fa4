/**
 * The fleet simulator: thousands of simulated agents (sim-agent.ts) spread over a few worker
 * processes, enrolled once through the real `enrollAgent` mutation and cached on disk for reuse.
 *
 *   const fleet = await Fleet.start({ server, adminToken, size: 10_000, cacheFile });
 *   await fleet.waitFor((c) => c.connected === fleet.size);
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gql, probeCredential, wsUrlOf } from './admin-client.js';
import { DEFAULT_EXECUTOR_POLICY, type ExecutorPolicy } from './fake-executor.js';
import type { SimCounters, SimCredential } from './sim-agent.js';
import type { WorkerReply, WorkerRequest } from './sim-worker.js';

export interface FleetOptions {
  /** http:// base URL of the server to enroll with (and connect to, unless `connectTo`). */
  readonly server: string;
  /** Servers the agents connect to, round robin (several replicas). @default [server] */
  readonly connectTo?: readonly string[];
  readonly adminToken: string;
  readonly size: number;
  /** @default 4 */
  readonly workers?: number;
  /** Where credentials are cached; one file per database. */
  readonly cacheFile: string;
  readonly policy?: Partial<ExecutorPolicy>;
  /** @default 15 000 (the real agent's default) */
  readonly heartbeatMs?: number;
  /** @default 60 000 (the real agent's default) */
  readonly metricsMs?: number;
  /** @default sim- */
  readonly namePrefix?: string;
  /** @default { fleet: 'sim' } */
  readonly labels?: Record<string, string>;
}

const ZERO: SimCounters = { connected: 0, connections: 0, refused: 0, instructions: 0, commands: 0, starts: 0, results: 0, resultRetries: 0, desiredStates: 0, reportErrors: 0 };

interface CacheFile {
  readonly server: string;
  readonly credentials: SimCredential[];
}

export class Fleet {
  private readonly perWorker: SimCounters[];
  private readonly rss: number[];
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly workers: ChildProcess[],
    readonly size: number,
  ) {
    this.perWorker = workers.map(() => ({ ...ZERO }));
    this.rss = workers.map(() => 0);
    workers.forEach((w, i) =>
      w.on('message', (m: WorkerReply) => {
        if (m.type !== 'counters') return;
        this.perWorker[i] = m.counters;
        this.rss[i] = m.rssBytes;
        const waiting = this.waiters;
        this.waiters = [];
        for (const wake of waiting) wake();
      }),
    );
  }

  /** Enrolls what the cache lacks, then starts every agent at once (a connect storm). */
  static async start(opts: FleetOptions): Promise<Fleet> {
    const count = opts.workers ?? 4;
    const workers = Array.from({ length: count }, () => fork(path.join(import.meta.dirname, 'sim-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    const credentials = await ensureCredentials(opts, workers);
    const fleet = new Fleet(workers, opts.size);
    const targets = (opts.connectTo ?? [opts.server]).map(wsUrlOf);
    const policy = { ...DEFAULT_EXECUTOR_POLICY, ...opts.policy };
    workers.forEach((w, i) => {
      const mine = credentials.filter((_, j) => j % count === i);
      // Agents of one worker go to the replicas round robin, so each replica gets a share of every worker.
      for (const [t, wsUrl] of targets.entries()) {
        request(w, { type: 'start', wsUrl, credentials: mine.filter((_, j) => j % targets.length === t), policy, heartbeatMs: opts.heartbeatMs ?? 15_000, metricsMs: opts.metricsMs ?? 60_000, agentVersion: 'sim-0.1.0' });
      }
    });
    return fleet;
  }

  counters(): SimCounters {
    const sum = { ...ZERO };
    for (const c of this.perWorker) for (const k of Object.keys(sum) as (keyof SimCounters)[]) sum[k] += c[k];
    return sum;
  }

  /** Resident memory of all worker processes. */
  rssBytes(): number {
    return this.rss.reduce((a, b) => a + b, 0);
  }

  /** Resolves with the elapsed ms once `done(counters)` holds; rejects after `timeoutMs`. */
  async waitFor(done: (c: SimCounters) => boolean, timeoutMs = 120_000): Promise<number> {
    const start = performance.now();
    while (!done(this.counters())) {
      if (performance.now() - start > timeoutMs) throw new Error(`fleet: condition not met within ${timeoutMs} ms (${JSON.stringify(this.counters())})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return performance.now() - start;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null) return resolve();
            w.once('exit', () => resolve());
            request(w, { type: 'stop' });
            setTimeout(() => w.kill('SIGKILL'), 15_000).unref();
          }),
      ),
    );
  }
}

function request(w: ChildProcess, req: WorkerRequest): void {
  w.send(req);
}

/** Cached credentials if they still work on this server, else a fresh enrollment of the missing ones. */
async function ensureCredentials(opts: FleetOptions, workers: ChildProcess[]): Promise<SimCredential[]> {
  const prefix = opts.namePrefix ?? 'sim-';
  let cached: SimCredential[] = [];
  try {
    const file = JSON.parse(fs.readFileSync(opts.cacheFile, 'utf8')) as CacheFile;
    cached = file.credentials.filter((c) => c.name.startsWith(prefix));
  } catch {
    cached = [];
  }
  const probe = [cached[0], cached[cached.length - 1]].filter((c): c is SimCredential => c !== undefined);
  for (const c of probe) {
    if (!(await probeCredential(opts.server, c.hostId, c.secret))) {
      cached = [];
      break;
    }
  }
  const have = new Set(cached.map((c) => c.index));
  const missing = Array.from({ length: opts.size }, (_, index) => index).filter((i) => !have.has(i));
  if (missing.length > 0) {
    const t = await gql<{ createEnrollmentToken: { token: string } }>(opts.server, opts.adminToken, 'mutation($i: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $i) { token } }', { i: { maxUses: Math.min(missing.length + 10, 100_000), ttlSeconds: 3600 } });
    const results = await Promise.all(
      workers.map(
        (w, wi) =>
          new Promise<WorkerReply & { type: 'enrolled' }>((resolve) => {
            const onMessage = (m: WorkerReply) => {
              if (m.type !== 'enrolled') return;
              w.off('message', onMessage);
              resolve(m);
            };
            w.on('message', onMessage);
            const share = missing.filter((_, j) => j % workers.length === wi).map((index) => ({ index, name: `${prefix}${String(index).padStart(5, '0')}` }));
            request(w, { type: 'enroll', server: opts.server, token: t.createEnrollmentToken.token, agents: share, labels: opts.labels ?? { fleet: 'sim' }, concurrency: 8 });
          }),
      ),
    );
    const errors = results.flatMap((r) => r.errors);
    if (errors.length) throw new Error(`fleet: ${errors.length} enrollments failed, e.g. ${errors.slice(0, 3).join(' | ')}`);
    cached = [...cached, ...results.flatMap((r) => r.credentials)];
    fs.mkdirSync(path.dirname(opts.cacheFile), { recursive: true });
    fs.writeFileSync(opts.cacheFile, JSON.stringify({ server: opts.server, credentials: cached } satisfies CacheFile), { mode: 0o600 });
  }
  const byIndex = new Map(cached.map((c) => [c.index, c]));
  return Array.from({ length: opts.size }, (_, i) => byIndex.get(i)!);
}
