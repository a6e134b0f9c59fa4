import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cleanUpSpawnedAgents, stateDirOf, trackSpawnedAgent } from './guarded-cleanup.js';

export const IOMS_BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'ioms.js');

export interface ServerProcess {
  readonly url: string;
  readonly proc: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Servers {@link spawnServer} started, SIGKILLed when the test file ends (see below). */
const spawnedServers = new Set<ChildProcess>();

/**
 * Runs `ioms server` as a real process and waits until it logs its URL (at most `startTimeoutMs`).
 * A server still running when the test file ends is killed then: a test that timed out during a
 * restart would otherwise leave its new server behind.
 */
export async function spawnServer(env: Record<string, string>, cwd: string, nodeArgs: readonly string[] = [], startTimeoutMs = 30_000): Promise<ServerProcess> {
  const proc = spawn(process.execPath, [...nodeArgs, IOMS_BIN, 'server'], { cwd, env: { ...process.env, IOMS_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  spawnedServers.add(proc);
  proc.once('exit', () => spawnedServers.delete(proc));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server that is late must not be left running (on a shared database it would take jobs' ticks).
      proc.kill('SIGKILL');
      reject(new Error(`server did not start within ${startTimeoutMs / 1000} s:\n${out}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"url":"([^"]+)"[^\n]*"msg":"IOMS server listening"/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    proc,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve(proc.exitCode);
        proc.once('exit', (code) => resolve(code));
        proc.kill(signal);
      }),
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `ioms` command with its own config file. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [IOMS_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.once('exit', (code) => resolve({ code, stdout, stderr }));
    proc.stdin.end(input ?? '');
  });
}

export interface AgentProcess {
  readonly proc: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * When this module runs inside vitest, every server {@link spawnServer} started, every agent {@link spawnAgent} started, and the guarded
 * processes it left (they outlive their agent by design), are killed when the test file ends
 * (see `guarded-cleanup.ts`). The hook is registered at import, so on the file's root suite;
 * `afterAll` hooks run in reverse order, so it runs after the file's own ones. Outside vitest
 * (benchmarks) the process `exit` handler does the same.
 */
function killSpawnedServers(): void {
  for (const proc of spawnedServers) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  spawnedServers.clear();
}
if (process.env.VITEST) {
  const { afterAll } = await import('vitest');
  afterAll(() => {
    killSpawnedServers();
    cleanUpSpawnedAgents();
  });
}
process.once('exit', () => {
  killSpawnedServers();
  cleanUpSpawnedAgents();
});

/** Runs `ioms agent …` as a real process; see above for what is killed when the test file ends. */
export function spawnAgent(args: string[], env: Record<string, string> = {}): AgentProcess {
  const fullEnv = { ...process.env, ...env };
  const proc = spawn(process.execPath, [IOMS_BIN, 'agent', '--log-level', 'debug', ...args], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  trackSpawnedAgent(proc, stateDirOf(args, fullEnv));
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return {
    proc,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve(proc.exitCode);
        proc.once('exit', (code) => resolve(code));
        proc.kill(signal);
      }),
  };
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 15_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A free loopback port (for servers that must come back on the same port). */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}
