/**
 * The agent's command executor: the one entry point the link calls. It turns "deliver at
 * least once" into "execute at most once" using the result spool as its memory.
 *
 * For one id:
 *
 *     execute ─▶ spool has result? ──yes──▶ stored result (not run again)
 *                   │ no
 *                   ▼
 *               started, no result? ──yes──▶ FAILED "agent restarted while the command ran" (stored)
 *                   │ no
 *                   ▼
 *               wait for a slot ─▶ markStarted (durable) ─▶ run ─▶ put (durable) ─▶ result
 *
 * Concurrent `execute` calls for one id share one run. Results stay in the spool until the
 * link acks them there (`spool.unacked()` / `spool.ack(id)`).
 */
import { parseCommandRequest, type CommandRequest } from './command-request.schema.js';
import { resultWithoutRun, type CommandResult } from './command-result.schema.js';
import { ExecError } from './exec-error.js';
import { createLimiter, DEFAULT_COMMAND_CONCURRENCY } from './limiter.js';
import { type ResultSpool } from './result-spool.js';
import { runCommand, type CommandStarted, type RunCommandOptions } from './run-command.js';

/** Error text of a run the agent lost because it stopped (crash, kill, power) while it ran. */
export const INTERRUPTED_ERROR = 'agent restarted while the command ran; it was not run again';

/** The part of the result spool the executor needs. */
export type ExecutorSpool = Pick<ResultSpool, 'entry' | 'get' | 'interrupted' | 'markStarted' | 'put'>;

/** Runs one command to its result; {@link runCommand} in production. */
export type RunFn = (request: CommandRequest, options: RunCommandOptions) => Promise<CommandResult>;

/** Options of {@link createExecutor}. */
export interface ExecutorOptions {
  readonly spool: ExecutorSpool;
  /** Commands running at once. @default {@link DEFAULT_COMMAND_CONCURRENCY} */
  readonly limit?: number;
  /** Called when a command's process is running, so the link can report RUNNING (for the request's attempt). */
  readonly onStarted?: (id: string, started: CommandStarted, attempt: number | undefined) => void;
  /** Test seam. @default runCommand */
  readonly run?: RunFn;
  /** Test seam: clock in epoch ms. @default Date.now */
  readonly now?: () => number;
}

/** Executes commands idempotently under a concurrency limit. */
export interface Executor {
  /**
   * Validates `request` and returns the result of its one execution: stored, shared with a
   * run in progress, or produced now. Rejects with `ExecError` `INVALID_REQUEST` for a bad
   * request (nothing is stored) and `SPOOL_IO` when the spool cannot be written (if the
   * start marker was written, the command counts as started and is never run again).
   */
  execute(request: unknown): Promise<CommandResult>;
  /**
   * Cancels the run of `id` in this process: a waiting command never starts, a running one
   * has its tree killed; either way its result is CANCELLED. False if `id` is not in flight.
   */
  cancel(id: string): boolean;
  /**
   * Stores a FAILED result for every run a previous agent process left started but
   * unfinished, so it reaches the server through `unacked()`. Call once at agent start.
   */
  recoverInterrupted(): Promise<CommandResult[]>;
  /** Commands running now and waiting for a slot. */
  stats(): { readonly running: number; readonly waiting: number };
}

/** Creates an executor over `options.spool`. */
export function createExecutor(options: ExecutorOptions): Executor {
  const { spool } = options;
  const limiter = createLimiter(options.limit ?? DEFAULT_COMMAND_CONCURRENCY);
  const run = options.run ?? runCommand;
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, Promise<CommandResult>>();
  const controllers = new Map<string, AbortController>();

  /** Shares one promise per id for as long as it is pending. */
  const once = (id: string, work: () => Promise<CommandResult>): Promise<CommandResult> => {
    const pending = inFlight.get(id);
    if (pending !== undefined) return pending;
    const promise = work().finally(() => {
      inFlight.delete(id);
      controllers.delete(id);
    });
    inFlight.set(id, promise);
    return promise;
  };

  /** The result as stored: stamped with the attempt it answers, when there is one. */
  const stamped = (result: CommandResult, attempt: number | undefined): CommandResult => (attempt ? { ...result, attempt } : result);

  const storeInterrupted = async (id: string, startedAt: string, attempt: number | undefined): Promise<CommandResult> => {
    const result = stamped(resultWithoutRun({
      id,
      status: 'FAILED',
      error: INTERRUPTED_ERROR,
      startedAt,
      finishedAt: new Date(Math.max(now(), Date.parse(startedAt) || 0)).toISOString(),
    }), attempt);
    await spool.put(id, result);
    return result;
  };

  const runOnce = async (request: CommandRequest, controller: AbortController): Promise<CommandResult> => {
    const { id } = request;
    const entry = spool.entry(id);
    if (entry?.state === 'completed') {
      const stored = await spool.get(id);
      if (stored !== undefined) return stored;
      throw new ExecError('SPOOL_IO', `stored result of ${id} disappeared; not running it again`);
    }
    if (entry?.state === 'started') return storeInterrupted(id, entry.startedAt, entry.attempt);

    let result: CommandResult;
    try {
      result = await limiter.run(
        async () => {
          await spool.markStarted(id, { startedAt: new Date(now()).toISOString(), ...(request.attempt ? { attempt: request.attempt } : {}) });
          return run(request, {
            signal: controller.signal,
            onStarted: (started) => options.onStarted?.(id, started, request.attempt),
          });
        },
        { signal: controller.signal },
      );
    } catch (error) {
      if (!(error instanceof ExecError && error.code === 'ABORTED')) throw error;
      const at = new Date(now()).toISOString();
      result = resultWithoutRun({ id, status: 'CANCELLED', error: 'cancelled before the command started', startedAt: at, finishedAt: at });
    }
    result = stamped(result, request.attempt);
    await spool.put(id, result);
    return result;
  };

  return {
    execute(input: unknown): Promise<CommandResult> {
      let request: CommandRequest;
      try {
        request = parseCommandRequest(input);
      } catch (error) {
        return Promise.reject(error);
      }
      const pending = inFlight.get(request.id);
      if (pending !== undefined) return pending;
      const controller = new AbortController();
      controllers.set(request.id, controller);
      return once(request.id, () => runOnce(request, controller));
    },

    cancel(id: string): boolean {
      const controller = controllers.get(id);
      if (controller === undefined) return false;
      controller.abort();
      return true;
    },

    async recoverInterrupted(): Promise<CommandResult[]> {
      const recovered: CommandResult[] = [];
      for (const { id, startedAt, attempt } of spool.interrupted()) {
        if (inFlight.has(id)) continue; // started by this process: still running, not lost
        recovered.push(await once(id, () => storeInterrupted(id, startedAt, attempt)));
      }
      return recovered;
    },

    stats() {
      return { running: limiter.active, waiting: limiter.waiting };
    },
  };
}
