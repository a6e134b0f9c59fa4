/**
 * Runs one command to its end: spawn under an explicit interpreter, capture capped output,
 * enforce the timeout and cancellation by killing the whole process tree.
 *
 * Lifecycle of one run:
 *
 *     (start) ──cwd missing / spawn fails / already aborted──▶ result, exitCode -1
 *        │
 *        ▼ spawned (onStarted)
 *     running ──timeout──▶ killing (TIMED_OUT) ──┐
 *        │    ──abort────▶ killing (CANCELLED) ──┤ tree gone, or drainMs after the kill
 *        ▼ leader exits                           ▼
 *     draining ──stdio closed, or drainMs──────▶ result
 *
 * The result is only returned once the kill of the tree has finished, so a TIMED_OUT or
 * CANCELLED result means no process of the command is left (modulo ones that left the
 * process group on purpose). After a normal exit, children still holding stdout get
 * `drainMs` to close it; then the agent stops reading and leaves them alone.
 */
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { DEFAULT_MAX_OUTPUT_BYTES, type CommandRequest } from './command-request.schema.js';
import { NO_EXIT_CODE, resultWithoutRun, type CommandResult, type CommandStatus } from './command-result.schema.js';
import { resolveInterpreter } from './interpreter.js';
import { createKillTree, type KillTree } from './kill-tree.js';
import { OutputCapture } from './output-capture.js';

/** How long to wait for stdio to close after the leader exited or the tree was killed. */
export const DEFAULT_DRAIN_MS = 2000;

/** Facts about a started process, given to {@link RunCommandOptions.onStarted}. */
export interface CommandStarted {
  readonly pid: number;
  /** ISO-8601 start time, equal to the result's `startedAt`. */
  readonly startedAt: string;
}

/** Options and test seams of {@link runCommand}; every one has a production default. */
export interface RunCommandOptions {
  /** Aborting it kills the tree; the result is CANCELLED. */
  readonly signal?: AbortSignal;
  /** Called once the process is running (not called when it never starts). */
  readonly onStarted?: (started: CommandStarted) => void;
  /** @default process.platform */
  readonly platform?: NodeJS.Platform;
  /** Environment the request's `env` is laid over. @default process.env */
  readonly baseEnv?: NodeJS.ProcessEnv;
  /** @default {@link DEFAULT_DRAIN_MS} */
  readonly drainMs?: number;
  /** Test seam. @default child_process.spawn */
  readonly spawn?: typeof nodeSpawn;
  /** Test seam: clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
  /** Test seam / tuning. @default createKillTree({ platform }) */
  readonly killTree?: KillTree;
}

type StopReason = Extract<CommandStatus, 'TIMED_OUT' | 'CANCELLED'>;

/**
 * Runs `request` and resolves with its result. Never rejects: a command that cannot start
 * resolves FAILED with exitCode -1 and `error`; one aborted before it started resolves
 * CANCELLED with exitCode -1. Stdin is closed. The request is trusted to be valid (see
 * `parseCommandRequest`).
 */
export async function runCommand(request: CommandRequest, options: RunCommandOptions = {}): Promise<CommandResult> {
  const now = options.now ?? Date.now;
  const platform = options.platform ?? process.platform;
  const startMs = now();
  const startedAt = new Date(startMs).toISOString();
  const notStarted = (status: CommandStatus, error: string): CommandResult =>
    resultWithoutRun({ id: request.id, status, error, startedAt, finishedAt: new Date(now()).toISOString() });

  if (options.signal?.aborted) return notStarted('CANCELLED', 'cancelled before the command started');
  if (request.cwd !== undefined) {
    const problem = await checkDirectory(request.cwd);
    if (problem !== undefined) return notStarted('FAILED', problem);
  }

  const invocation = resolveInterpreter(request.interpreter, request.command, platform);
  let child: ChildProcess;
  try {
    child = (options.spawn ?? nodeSpawn)(invocation.file, [...invocation.args], {
      cwd: request.cwd,
      env: { ...(options.baseEnv ?? process.env), ...request.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // POSIX: own process group, so the tree can be signalled as one. Windows: detached
      // would open a new console window; taskkill /T finds the tree without it.
      detached: platform !== 'win32',
      windowsHide: true,
      windowsVerbatimArguments: invocation.windowsVerbatimArguments,
    });
  } catch (error) {
    return notStarted('FAILED', `cannot start ${invocation.file}: ${messageOf(error)}`);
  }

  return superviseChild(child, request, {
    startMs,
    startedAt,
    now,
    drainMs: options.drainMs ?? DEFAULT_DRAIN_MS,
    killTree: options.killTree ?? createKillTree({ platform }),
    signal: options.signal,
    onStarted: options.onStarted,
    notStarted: (error) => notStarted('FAILED', `cannot start ${invocation.file}: ${error}`),
  });
}

interface SuperviseContext {
  readonly startMs: number;
  readonly startedAt: string;
  readonly now: () => number;
  readonly drainMs: number;
  readonly killTree: KillTree;
  readonly signal: AbortSignal | undefined;
  readonly onStarted: ((started: CommandStarted) => void) | undefined;
  readonly notStarted: (error: string) => CommandResult;
}

/** Watches a spawned child to its result; see the lifecycle at the top of the file. */
function superviseChild(child: ChildProcess, request: CommandRequest, ctx: SuperviseContext): Promise<CommandResult> {
  const maxBytes = request.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const stdout = new OutputCapture(maxBytes);
  const stderr = new OutputCapture(maxBytes);
  // Reading continues past the cap (the capture discards), so the child never blocks on a pipe.
  child.stdout?.on('data', (chunk: Buffer) => stdout.write(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.write(chunk));
  child.stdout?.on('error', () => undefined);
  child.stderr?.on('error', () => undefined);

  return new Promise<CommandResult>((resolve) => {
    let started = false;
    let settled = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let stopReason: StopReason | undefined;
    let killing: Promise<void> | undefined;
    let drainTimer: NodeJS.Timeout | undefined;

    const stop = (reason: StopReason): void => {
      if (stopReason !== undefined || exit !== undefined || child.pid === undefined) return;
      stopReason = reason;
      // A failed kill must not wedge the run: the drain timer still ends it.
      killing = ctx.killTree(child.pid).then(armDrain, armDrain);
    };
    const onAbort = (): void => stop('CANCELLED');
    const timeout = setTimeout(() => stop('TIMED_OUT'), request.timeoutMs);
    ctx.signal?.addEventListener('abort', onAbort, { once: true });

    // Stop waiting for stdio that a stray process keeps open (or for a process the kernel
    // cannot kill); the result is decided by what we know at that moment.
    const armDrain = (): void => {
      if (drainTimer !== undefined || settled) return;
      drainTimer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        void settle();
      }, ctx.drainMs);
    };

    const cleanUp = (): void => {
      clearTimeout(timeout);
      clearTimeout(drainTimer);
      ctx.signal?.removeEventListener('abort', onAbort);
    };

    const settle = async (): Promise<void> => {
      if (settled) return;
      settled = true;
      cleanUp();
      if (killing !== undefined) await killing;
      clearTimeout(drainTimer);
      const finishedMs = ctx.now();
      const code = exit?.code ?? null;
      const status: CommandStatus = stopReason ?? (code === 0 ? 'SUCCEEDED' : 'FAILED');
      resolve({
        id: request.id,
        status,
        exitCode: code ?? NO_EXIT_CODE,
        ...(exit?.signal ? { signal: exit.signal } : {}),
        stdout: stdout.text(),
        stderr: stderr.text(),
        stdoutTruncated: stdout.truncated,
        stderrTruncated: stderr.truncated,
        startedAt: ctx.startedAt,
        finishedAt: new Date(finishedMs).toISOString(),
        durationMs: elapsed(ctx.startMs, finishedMs),
      });
    };

    child.once('spawn', () => {
      started = true;
      if (child.pid !== undefined) ctx.onStarted?.({ pid: child.pid, startedAt: ctx.startedAt });
    });
    child.on('error', (error) => {
      if (started || settled) return; // after spawn, 'error' only reports failed signals; keep listening so none is unhandled
      settled = true;
      cleanUp();
      resolve(ctx.notStarted(messageOf(error)));
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      clearTimeout(timeout);
      armDrain();
    });
    child.once('close', () => void settle());
  });
}

/** Undefined when `path` is a directory, else a sentence saying why it cannot be the cwd. */
async function checkDirectory(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? undefined : `working directory ${path} is not a directory`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `working directory ${path} does not exist`
      : `working directory ${path} is not usable: ${messageOf(error)}`;
  }
}

function elapsed(fromMs: number, toMs: number): number {
  return Math.max(0, Math.round(toMs - fromMs));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
