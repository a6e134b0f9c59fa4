/**
 * A per-connection message budget: a token bucket refilled at `ratePerSecond` up to `burst`.
 * Each operation a socket sends costs one token; a refused (invalid) report costs
 * `refusedReportCost` more, so a client that floods bad reports runs dry first. A message
 * without a token is refused (TOO_MANY_REQUESTS); a socket refused `closeAfterRefusals` times
 * within `refusalWindowMs` is closed (4429) — its client reconnects with its own backoff.
 *
 *   take() ──tokens left──▶ OK
 *     └──empty──▶ REFUSE ──(refusals in window ≥ closeAfterRefusals)──▶ CLOSE
 *
 * Pure: the caller passes `nowMs`.
 */
export interface BudgetPolicy {
  readonly ratePerSecond: number;
  readonly burst: number;
  readonly refusedReportCost: number;
  readonly closeAfterRefusals: number;
  readonly refusalWindowMs: number;
}

/**
 * Agents send a heartbeat every 15 s, a metrics sample every few seconds and one result per
 * command; 20 a second sustained with bursts of 200 (a batch of results after a reconnect) is
 * far above that. @default (IOMS_AGENT_SOCKET_RATE, IOMS_AGENT_SOCKET_BURST, IOMS_AGENT_REFUSED_REPORT_COST,
 * IOMS_SOCKET_CLOSE_AFTER_REFUSALS, IOMS_SOCKET_REFUSAL_WINDOW_SECONDS; `socket-budget-config.ts`)
 */
export const AGENT_BUDGET: BudgetPolicy = { ratePerSecond: 20, burst: 200, refusedReportCost: 10, closeAfterRefusals: 200, refusalWindowMs: 10_000 };
/** A dashboard or CLI: a few subscriptions and queries per page. @default (IOMS_USER_SOCKET_RATE, IOMS_USER_SOCKET_BURST) */
export const USER_BUDGET: BudgetPolicy = { ratePerSecond: 20, burst: 100, refusedReportCost: 0, closeAfterRefusals: 200, refusalWindowMs: 10_000 };

/** The WebSocket close code for a socket that kept exceeding its budget. */
export const CLOSE_OVER_BUDGET = 4429;

/** An agent closed for exceeding its budget is refused (4429, before authentication) this long. @default 30 s (IOMS_AGENT_SOCKET_COOLDOWN_SECONDS) */
export const OVER_BUDGET_COOLDOWN_MS = 30_000;

export type BudgetVerdict = 'OK' | 'REFUSE' | 'CLOSE';

export class SocketBudget {
  private tokens: number;
  private last: number;
  private refusals: number[] = [];

  constructor(
    readonly policy: BudgetPolicy,
    nowMs: number,
  ) {
    this.tokens = policy.burst;
    this.last = nowMs;
  }

  /** One operation arriving at `nowMs`. */
  take(nowMs: number): BudgetVerdict {
    this.refill(nowMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'OK';
    }
    this.refusals.push(nowMs);
    const since = nowMs - this.policy.refusalWindowMs;
    while (this.refusals.length && this.refusals[0]! < since) this.refusals.shift();
    return this.refusals.length >= this.policy.closeAfterRefusals ? 'CLOSE' : 'REFUSE';
  }

  /** A report that was refused as invalid costs extra. */
  penalize(nowMs: number): void {
    this.refill(nowMs);
    this.tokens = Math.max(-this.policy.burst, this.tokens - this.policy.refusedReportCost);
  }

  private refill(nowMs: number): void {
    const elapsed = Math.max(0, nowMs - this.last) / 1000;
    this.tokens = Math.min(this.policy.burst, this.tokens + elapsed * this.policy.ratePerSecond);
    this.last = nowMs;
  }
}
