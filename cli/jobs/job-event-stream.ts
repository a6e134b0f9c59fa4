/**
 * Follows a job's progress events across reconnects: every (re)subscription asks for the events
 * after the last `seq` seen, and anything at or before it is dropped, so the caller sees each
 * event once and in order. The transport is a seam (`subscribe`); `job-events-client.ts` is
 * the graphql-ws one.
 */
import { CliError } from '../errors.js';
import type { JobEventWire } from './job-wire.js';

export interface JobEventSink {
  next(event: JobEventWire): void;
  /** A GraphQL error list (refused: never retried) or a transport problem (retried). */
  error(err: unknown): void;
  /** The server ended the stream; unexpected while the job is not settled, so it is retried. */
  complete(): void;
}

/** Subscribes to the events after `afterSeq`; returns the unsubscribe function. */
export type SubscribeJobEvents = (afterSeq: number, sink: JobEventSink) => () => void;

export type JobStreamErrorCode =
  /** The server refused the subscription (not allowed, no such job, bad request). */
  | 'STREAM_REFUSED'
  /** The stream kept failing: `maxAttempts` retries without an event or a long-lived connection. */
  | 'STREAM_LOST';

export class JobStreamError extends CliError {
  override readonly name = 'JobStreamError';
  constructor(
    readonly code: JobStreamErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export interface FollowJobEventsOptions {
  /** Events after this seq are wanted. */
  readonly afterSeq: number;
  readonly subscribe: SubscribeJobEvents;
  /** Each new event once, in order; return true when no more are needed. */
  readonly onEvent: (event: JobEventWire) => boolean;
  /** @default isRetryableStreamError */
  readonly isRetryable?: (err: unknown) => boolean;
  /** Consecutive failed attempts before giving up. @default 8 */
  readonly maxAttempts?: number;
  /** Wait before retry `attempt` (1-based). @default exponential from 250 ms to 10 s with jitter */
  readonly backoffMs?: (attempt: number) => number;
  /** A subscription that stayed up this long resets the attempt count. @default 30000 */
  readonly healthyAfterMs?: number;
  /** Told before each retry. */
  readonly onRetry?: (attempt: number, err: unknown) => void;
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** @default Date.now */
  readonly now?: () => number;
}

export interface JobEventFollower {
  /** Resolves when `onEvent` returned true or `stop()` was called; rejects with JobStreamError. */
  readonly done: Promise<void>;
  /** The latest seq delivered. */
  lastSeq(): number;
  stop(): void;
}

/** graphql-ws close codes that a retry cannot fix. */
const FATAL_CLOSE_CODES = new Set([4004, 4005, 4400, 4401, 4403, 4406, 4409, 4429, 4500]);

/** GraphQL errors and fatal close codes are not retried; anything else (a dropped socket, a refused TCP connection) is. */
export function isRetryableStreamError(err: unknown): boolean {
  if (Array.isArray(err)) return false;
  const code = (err as { code?: unknown } | null)?.code;
  return !(typeof code === 'number' && FATAL_CLOSE_CODES.has(code));
}

/** `[{message}]`, a CloseEvent or an Error → one line. */
export function describeStreamError(err: unknown): string {
  if (Array.isArray(err)) return err.map((e) => (e as { message?: string }).message ?? String(e)).join('; ');
  const e = err as { code?: unknown; reason?: unknown; message?: unknown } | null;
  if (typeof e?.code === 'number') return `closed with ${e.code}${e.reason ? ` ${String(e.reason)}` : ''}`;
  if (typeof e?.message === 'string' && e.message) return e.message;
  return String(err);
}

const defaultBackoff = (attempt: number) => Math.min(10_000, 250 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);

export function followJobEvents(o: FollowJobEventsOptions): JobEventFollower {
  const isRetryable = o.isRetryable ?? isRetryableStreamError;
  const maxAttempts = o.maxAttempts ?? 8;
  const backoff = o.backoffMs ?? defaultBackoff;
  const healthyAfter = o.healthyAfterMs ?? 30_000;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  let lastSeq = o.afterSeq;
  let attempts = 0;
  let finished = false;
  let unsubscribe: () => void = () => undefined;
  let finish: (err?: Error) => void = () => undefined;

  const done = new Promise<void>((resolve, reject) => {
    finish = (err) => {
      if (finished) return;
      finished = true;
      unsubscribe();
      if (err) reject(err);
      else resolve();
    };
    const start = () => {
      if (finished) return;
      const startedAt = now();
      let ended = false;
      const retry = (err: unknown) => {
        if (ended || finished) return;
        ended = true;
        unsubscribe();
        if (!isRetryable(err)) return finish(new JobStreamError('STREAM_REFUSED', `the server refused the progress stream: ${describeStreamError(err)}`, { cause: err }));
        attempts = now() - startedAt >= healthyAfter ? 1 : attempts + 1;
        if (attempts > maxAttempts) {
          return finish(new JobStreamError('STREAM_LOST', `lost the progress stream after ${maxAttempts} attempts: ${describeStreamError(err)}`, { cause: err }));
        }
        o.onRetry?.(attempts, err);
        void sleep(backoff(attempts)).then(start);
      };
      const off = o.subscribe(lastSeq, {
        next(event) {
          if (ended || finished) return;
          attempts = 0;
          if (event.seq <= lastSeq) return;
          lastSeq = event.seq;
          if (o.onEvent(event)) finish();
        },
        error: retry,
        complete: () => retry(new Error('the server ended the progress stream')),
      });
      // A sink called synchronously may already have finished or retried.
      if (finished || ended) off();
      else unsubscribe = off;
    };
    start();
  });
  return { done, lastSeq: () => lastSeq, stop: () => finish() };
}
