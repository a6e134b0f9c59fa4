/**
 * The restart policy as a decision object (Nomad style): given how an instance ended and the
 * recent history, decide whether to restart it, after how long, or to give up. Pure: the clock
 * and the random source come in as arguments.
 *
 * Rules, in order:
 * 1. `never` → leave it EXITED. `on-failure` and a clean exit (code 0, no signal) → EXITED.
 *    An exit observed only by polling (an adopted instance) has no code: it counts as a failure.
 * 2. An instance that ran at least `healthyUptimeMs` resets the history and restarts at once.
 * 3. Otherwise it is a quick failure. Quick failures inside `startLimitWindowMs` are counted;
 *    when they reach `startLimit` the process is FATAL (reported once, never restarted by itself).
 * 4. Else restart after an exponential backoff with jitter (see `backoffDelayMs`).
 */
import type { ExitInfo, RestartSpec } from './types.js';

/** @default startLimit when the spec gives none */
export const DEFAULT_START_LIMIT = 5;
/** Quick failures older than this no longer count toward the start limit. */
export const DEFAULT_START_LIMIT_WINDOW_MS = 60_000;
/** An instance that lived this long is healthy: its exit resets the backoff. */
export const DEFAULT_HEALTHY_UPTIME_MS = 10_000;
/** Delays are spread by ±20 % so a fleet does not restart in lock step. */
export const BACKOFF_JITTER_FRACTION = 0.2;

export const RESTART_REASONS = {
  POLICY_NEVER: 'PolicyNever',
  EXITED_CLEANLY: 'ExitedCleanly',
  HEALTHY_RUN_ENDED: 'HealthyRunEnded',
  QUICK_FAILURE: 'QuickFailure',
  START_LIMIT_REACHED: 'StartLimitReached',
} as const;
export type RestartReason = (typeof RESTART_REASONS)[keyof typeof RESTART_REASONS];

export type RestartDecision =
  | { readonly kind: 'restart'; readonly delayMs: number; readonly reason: RestartReason }
  | { readonly kind: 'exit'; readonly reason: RestartReason }
  | { readonly kind: 'fatal'; readonly reason: RestartReason; readonly message: string };

/** Epoch-millisecond times of the quick failures in a row, oldest first. */
export interface RestartHistory {
  readonly quickFailuresAtMs: readonly number[];
}

export const EMPTY_HISTORY: RestartHistory = { quickFailuresAtMs: [] };

export interface RestartTuning {
  /** @default DEFAULT_START_LIMIT_WINDOW_MS */
  readonly startLimitWindowMs: number;
  /** @default DEFAULT_HEALTHY_UPTIME_MS */
  readonly healthyUptimeMs: number;
}

export const DEFAULT_RESTART_TUNING: RestartTuning = {
  startLimitWindowMs: DEFAULT_START_LIMIT_WINDOW_MS,
  healthyUptimeMs: DEFAULT_HEALTHY_UPTIME_MS,
};

export interface RestartInput {
  readonly restart: RestartSpec;
  readonly exit: ExitInfo;
  readonly startedAtMs: number;
  readonly exitedAtMs: number;
  readonly history: RestartHistory;
  readonly tuning: RestartTuning;
  /** A number in [0, 1). */
  readonly random: () => number;
}

export interface RestartOutcome {
  readonly decision: RestartDecision;
  readonly history: RestartHistory;
}

/** True unless the instance exited with code 0 and no signal. */
export function isFailedExit(exit: ExitInfo): boolean {
  return exit.error !== undefined || exit.signal !== undefined || exit.code !== 0;
}

/**
 * Delay before restart number `attempt` of a run of quick failures (1-based).
 * The first is immediate, so a one-off crash (or `kill -9`) is repaired at once; then
 * `base, 2·base, 4·base, …` capped at `max`, each spread by ±BACKOFF_JITTER_FRACTION and kept
 * within [base, max].
 */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  if (attempt <= 1) return 0;
  const nominal = Math.min(maxMs, baseMs * 2 ** (attempt - 2));
  const spread = 1 - BACKOFF_JITTER_FRACTION + 2 * BACKOFF_JITTER_FRACTION * random();
  return Math.round(Math.min(maxMs, Math.max(baseMs, nominal * spread)));
}

/** Decides what follows an exit. See the module comment for the rules. */
export function decideRestart(input: RestartInput): RestartOutcome {
  const { restart, exit, tuning } = input;
  if (restart.policy === 'never') {
    return { decision: { kind: 'exit', reason: RESTART_REASONS.POLICY_NEVER }, history: EMPTY_HISTORY };
  }
  if (restart.policy === 'on-failure' && !isFailedExit(exit)) {
    return { decision: { kind: 'exit', reason: RESTART_REASONS.EXITED_CLEANLY }, history: EMPTY_HISTORY };
  }
  if (input.exitedAtMs - input.startedAtMs >= tuning.healthyUptimeMs) {
    return { decision: { kind: 'restart', delayMs: 0, reason: RESTART_REASONS.HEALTHY_RUN_ENDED }, history: EMPTY_HISTORY };
  }
  const quickFailuresAtMs = [
    ...input.history.quickFailuresAtMs.filter((at) => input.exitedAtMs - at < tuning.startLimitWindowMs),
    input.exitedAtMs,
  ];
  const history = { quickFailuresAtMs };
  const startLimit = restart.startLimit ?? DEFAULT_START_LIMIT;
  if (quickFailuresAtMs.length >= startLimit) {
    const windowSeconds = Math.round(tuning.startLimitWindowMs / 1000);
    return {
      decision: {
        kind: 'fatal',
        reason: RESTART_REASONS.START_LIMIT_REACHED,
        message: `exited quickly ${quickFailuresAtMs.length} times within ${windowSeconds}s (start limit ${startLimit})`,
      },
      history,
    };
  }
  const delayMs = backoffDelayMs(
    quickFailuresAtMs.length,
    restart.backoffSeconds * 1000,
    restart.maxBackoffSeconds * 1000,
    input.random,
  );
  return { decision: { kind: 'restart', delayMs, reason: RESTART_REASONS.QUICK_FAILURE }, history };
}
