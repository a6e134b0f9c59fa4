/**
 * A FIFO concurrency limit: at most `limit` tasks run at once; the rest wait in arrival
 * order. The agent runs commands through one limiter so a burst of commands cannot starve
 * its link, heartbeats and supervisor of CPU, file handles and processes.
 */
import { ExecError } from './exec-error.js';

/** Commands one agent runs at once unless configured otherwise. */
export const DEFAULT_COMMAND_CONCURRENCY = 4;

/** Runs tasks under a concurrency limit. */
export interface Limiter {
  /**
   * Runs `task` once a slot is free (immediately if one is) and settles as it does. Slots are
   * granted in call order. A task that throws still frees its slot.
   */
  run<T>(task: () => Promise<T>, options?: LimiterRunOptions): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

/** Options of {@link Limiter.run}. */
export interface LimiterRunOptions {
  /**
   * Aborting it while the task still waits removes the task from the queue; `run` then
   * rejects with `ExecError` `ABORTED` and the task never runs. No effect once it runs.
   */
  readonly signal?: AbortSignal;
}

/** Creates a limiter. Throws `ExecError` `INVALID_LIMIT` unless `limit` is a positive integer. */
export function createLimiter(limit: number = DEFAULT_COMMAND_CONCURRENCY): Limiter {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ExecError('INVALID_LIMIT', `concurrency limit must be a positive integer, got ${limit}`);
  }
  const queue: Array<() => void> = [];
  let active = 0;

  const release = (): void => {
    const next = queue.shift();
    if (next === undefined) active -= 1;
    else next(); // hand the slot over directly, so no later caller can jump the queue
  };

  const acquire = (signal: AbortSignal | undefined): Promise<void> => {
    if (signal?.aborted) return Promise.reject(aborted());
    if (active < limit) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = queue.indexOf(grant);
        if (index >= 0) queue.splice(index, 1);
        reject(aborted());
      };
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
    });
  };

  return {
    async run<T>(task: () => Promise<T>, options: LimiterRunOptions = {}): Promise<T> {
      await acquire(options.signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

function aborted(): ExecError {
  return new ExecError('ABORTED', 'aborted while waiting for a free command slot');
}
