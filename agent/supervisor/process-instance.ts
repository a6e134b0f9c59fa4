/**
 * One running instance of a guarded process, whether this agent spawned it (a child: its exit
 * is an event with code and signal) or adopted it from an earlier agent (not a child: its end
 * is noticed by polling its identity, and the exit code is unknown: only a parent can read it, and
 * every view says "unknown (adopted)", see docs/manifests.md "Adopted processes"). The lifecycle in
 * `guarded-process.ts` treats both alike through `RunningInstance`.
 */
import { type ChildProcess, type SpawnOptions, spawn as nodeSpawn } from 'node:child_process';
import { closeSync } from 'node:fs';
import { isStillSameProcess, readProcessStartTime } from './process-identity.js';
import { TREE_SPAWN_OPTIONS } from './process-tree.js';
import { type LogPaths, capLogFile, openLogFiles } from './log-files.js';
import type { Timers } from './timers.js';
import type { ExitInfo, ProcessSpec } from './types.js';

/** The subset of `child_process.spawn` the supervisor calls. */
export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface RunningInstance {
  readonly pid: number;
  readonly startedAtMs: number;
  /** Identity guard recorded next to the pid; see `process-identity.ts`. */
  readonly startTime?: string;
  readonly adopted: boolean;
  /** Resolves once, when the instance has ended (never after `release`). */
  readonly exited: Promise<ExitInfo>;
  /** Stops watching without touching the process; for agent shutdown and after a stop. */
  release(): void;
}

export type SpawnResult =
  | { readonly ok: true; readonly instance: RunningInstance }
  | { readonly ok: false; readonly error: string };

export interface SpawnDeps {
  readonly spawn: SpawnFn;
  readonly now: () => number;
  readonly logPaths: LogPaths;
  readonly maxLogBytes: number;
  readonly readStartTime: (pid: number) => string | undefined;
}

/**
 * Starts `spec` with stdout/stderr appended to its log files, in its own process tree.
 * Resolves with the instance, or with the reason it could not start (missing executable, bad cwd).
 */
export async function spawnInstance(spec: ProcessSpec, deps: SpawnDeps): Promise<SpawnResult> {
  let fds: { stdout: number; stderr: number };
  try {
    capLogFile(deps.logPaths.stdout, deps.maxLogBytes);
    capLogFile(deps.logPaths.stderr, deps.maxLogBytes);
    fds = openLogFiles(deps.logPaths);
  } catch (error) {
    return { ok: false, error: `prepare log files: ${(error as Error).message}` };
  }
  let child: ChildProcess;
  try {
    child = deps.spawn(spec.command, spec.args ?? [], {
      ...TREE_SPAWN_OPTIONS,
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', fds.stdout, fds.stderr],
    });
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    closeSync(fds.stdout);
    closeSync(fds.stderr);
  }
  const pid = child.pid;
  if (pid === undefined) {
    const error = await new Promise<Error>((resolve) => child.once('error', resolve));
    return { ok: false, error: error.message };
  }
  const startedAtMs = deps.now();
  const startTime = deps.readStartTime(pid);
  let onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    onExit = (code, signal) => resolve({ code: code ?? undefined, signal: signal ?? undefined });
    child.once('exit', onExit);
  });
  // A spawned child can still emit 'error' (e.g. a failed kill); it must not crash the agent.
  child.on('error', () => undefined);
  return {
    ok: true,
    instance: {
      pid,
      startedAtMs,
      startTime,
      adopted: false,
      exited,
      release: () => {
        if (onExit !== undefined) child.off('exit', onExit);
        child.unref();
      },
    },
  };
}

export interface AdoptDeps {
  readonly now: () => number;
  readonly timers: Timers;
  readonly pollMs: number;
  readonly readStartTime?: (pid: number) => string | undefined;
}

/**
 * Watches a process started by an earlier agent. Its identity (pid + start time) is checked
 * every `pollMs`; once it no longer matches, `exited` resolves with an unknown exit.
 */
export function adoptInstance(
  identity: { readonly pid: number; readonly startTime?: string; readonly startedAtMs: number },
  deps: AdoptDeps,
): RunningInstance {
  let handle: unknown;
  let released = false;
  const readStartTime = deps.readStartTime ?? readProcessStartTime;
  const exited = new Promise<ExitInfo>((resolve) => {
    const poll = (): void => {
      if (released) return;
      if (!isStillSameProcess(identity, readStartTime)) {
        resolve({});
        return;
      }
      handle = deps.timers.setTimeout(poll, deps.pollMs);
    };
    poll();
  });
  return {
    pid: identity.pid,
    startedAtMs: identity.startedAtMs,
    startTime: identity.startTime,
    adopted: true,
    exited,
    release: () => {
      released = true;
      if (handle !== undefined) deps.timers.clearTimeout(handle);
    },
  };
}

/** Default spawn: Node's own. */
export const defaultSpawn: SpawnFn = (command, args, options) => nodeSpawn(command, [...args], options);
