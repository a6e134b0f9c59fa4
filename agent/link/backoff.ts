/**
 * Reconnect delays: exponential from `initialMs`, capped at `maxMs`, with "equal jitter" (half
 * fixed, half random) so a fleet reconnecting after a server restart spreads out.
 */
export interface BackoffPolicy {
  /** @default 500 */
  readonly initialMs: number;
  /** @default 60000 */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 60_000 };

export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
