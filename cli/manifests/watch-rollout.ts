/**
 * `ioms rollout status --watch`: a live rollout view from a snapshot plus `rolloutProgressed`.
 *
 * Level, not edge: the stream only brings news early. Every (re)subscription is followed by a
 * fresh `rolloutStatus` snapshot, so events lost while disconnected cannot leave a wrong row.
 * A row older than the one shown (by `updatedAt`) is ignored. With a selector the stream still
 * carries every host (it takes no selector), so a row for a host not in the view triggers a
 * snapshot instead of being shown: the server decides who matches.
 *
 * Ends when `--until-converged` is met, on timeout, on `stop()` (Ctrl-C), or with a
 * {@link RolloutStreamError} when the server refuses the stream or it keeps failing.
 */
import { ApiError } from '../api-client.js';
import { CliError } from '../errors.js';
import { describeStreamError, isRetryableStreamError } from '../jobs/job-event-stream.js';
import type { HostRolloutWire, RolloutStatusWire } from './manifest-wire.js';
import { rolloutRowChanged } from '../../manifests/rollout-fold.js';
import { rolloutView, type RolloutView } from './rollout-view.js';

export interface RolloutSink {
  next(row: HostRolloutWire): void;
  /** A GraphQL error list (refused: never retried) or a transport problem (retried). */
  error(err: unknown): void;
  complete(): void;
}

/** Subscribes to `rolloutProgressed`; returns the unsubscribe function. */
export type SubscribeRollout = (sink: RolloutSink) => () => void;

export type RolloutStreamErrorCode = 'STREAM_REFUSED' | 'STREAM_LOST';

export class RolloutStreamError extends CliError {
  override readonly name = 'RolloutStreamError';
  constructor(
    readonly code: RolloutStreamErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type WatchOutcome = 'converged' | 'timeout' | 'stopped';

export interface WatchRolloutOptions {
  readonly fetchStatus: () => Promise<RolloutStatusWire>;
  readonly subscribe: SubscribeRollout;
  /** Rows of hosts not in the view trigger a snapshot instead of being added. */
  readonly selector?: string;
  /**
   * Told of the view with the rows that changed (all rows for the first snapshot). The view is the
   * watcher's own fold, changed in place by later rows: read it, do not keep a copy of its rows.
   */
  readonly onView: (view: RolloutView, changed: readonly HostRolloutWire[]) => void;
  /** Resolve with 'converged' once the view is `converged()`. @default false */
  readonly untilConverged?: boolean;
  /** Resolve with 'timeout' after this long. @default none */
  readonly timeoutMs?: number;
  /** Consecutive failures before giving up. @default 8 */
  readonly maxAttempts?: number;
  /** @default exponential from 250 ms to 10 s with jitter */
  readonly backoffMs?: (attempt: number) => number;
  /** Unknown-host snapshots are coalesced over this long. @default 1000 */
  readonly resyncDelayMs?: number;
  /** Told before each retry. */
  readonly onRetry?: (attempt: number, err: unknown) => void;
  /** @default setTimeout */
  readonly setTimer?: (fn: () => void, ms: number) => () => void;
}

export interface RolloutWatcher {
  readonly done: Promise<WatchOutcome>;
  stop(): void;
}

const defaultBackoff = (attempt: number) => Math.min(10_000, 250 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
const defaultTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

export function watchRollout(o: WatchRolloutOptions): RolloutWatcher {
  const maxAttempts = o.maxAttempts ?? 8;
  const backoff = o.backoffMs ?? defaultBackoff;
  const setTimer = o.setTimer ?? defaultTimer;
  const resyncDelay = o.resyncDelayMs ?? 1000;
  let view: RolloutView | undefined;
  let attempts = 0;
  let finished = false;
  let generation = 0;
  let unsubscribe: () => void = () => undefined;
  let cancelTimeout: () => void = () => undefined;
  let cancelResync: (() => void) | undefined;
  let finish: (outcome: WatchOutcome | Error) => void = () => undefined;

  const done = new Promise<WatchOutcome>((resolve, reject) => {
    finish = (outcome) => {
      if (finished) return;
      finished = true;
      unsubscribe();
      cancelTimeout();
      cancelResync?.();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
  });

  const show = (current: RolloutView, changed: readonly HostRolloutWire[]) => {
    if (changed.length) o.onView(current, changed);
    if (o.untilConverged && current.converged()) finish('converged');
  };

  /** A snapshot replaces the view (the server decides who matches); the first one is always shown, even an empty fleet. */
  const applySnapshot = (status: RolloutStatusWire) => {
    const before = view;
    const next = rolloutView(status);
    view = next;
    if (!before) {
      o.onView(next, next.hosts);
      if (o.untilConverged && next.converged()) finish('converged');
      return;
    }
    show(
      next,
      next.hosts.filter((h) => rolloutRowChanged(before.row(h.host), h)),
    );
  };

  /** O(1) per row: the fold replaces the host's row in place and keeps the counts. */
  const onRow = (row: HostRolloutWire, pending: HostRolloutWire[] | undefined) => {
    if (pending) return void pending.push(row);
    if (!view) return;
    if (o.selector !== undefined && !view.row(row.host)) return scheduleResync();
    if (view.apply(row) === 'changed') show(view, [row]);
  };

  const scheduleResync = () => {
    if (cancelResync || finished) return;
    cancelResync = setTimer(() => {
      cancelResync = undefined;
      const gen = generation;
      o.fetchStatus().then(
        (status) => {
          if (!finished && gen === generation) applySnapshot(status);
        },
        (err: unknown) => retry(gen, err),
      );
    }, resyncDelay);
  };

  const retry = (gen: number, err: unknown) => {
    if (finished || gen !== generation) return;
    generation += 1;
    unsubscribe();
    if (err instanceof ApiError || !isRetryableStreamError(err)) return finish(new RolloutStreamError('STREAM_REFUSED', `the server refused the rollout stream: ${describeStreamError(err)}`));
    attempts += 1;
    if (attempts > maxAttempts) return finish(new RolloutStreamError('STREAM_LOST', `lost the rollout stream after ${maxAttempts} attempts: ${describeStreamError(err)}`));
    o.onRetry?.(attempts, err);
    setTimer(start, backoff(attempts));
  };

  /** Subscribe first, then read the snapshot; rows that arrive meanwhile are applied after it. */
  function start(): void {
    if (finished) return;
    const gen = generation;
    let pending: HostRolloutWire[] | undefined = [];
    unsubscribe = o.subscribe({
      next: (row) => {
        if (gen !== generation || finished) return;
        attempts = 0;
        onRow(row, pending);
      },
      error: (err) => retry(gen, err),
      complete: () => retry(gen, new Error('the server ended the rollout stream')),
    });
    o.fetchStatus().then(
      (status) => {
        if (finished || gen !== generation) return;
        attempts = 0;
        applySnapshot(status);
        const queued = pending ?? [];
        pending = undefined;
        for (const row of queued) if (!finished) onRow(row, undefined);
      },
      (err: unknown) => retry(gen, err),
    );
  }

  if (o.timeoutMs !== undefined) cancelTimeout = setTimer(() => finish('timeout'), o.timeoutMs);
  start();
  return { done, stop: () => finish('stopped') };
}
