import type { TargetStatus } from '../../db/entities/index.js';

/** The statuses in which a target accepts its result: it was sent to its host and not yet ended. */
export const ACCEPTS_RESULT: readonly TargetStatus[] = ['SENT', 'RUNNING'];

export type ResultDecision =
  | { readonly kind: 'STORE' }
  /** Already ended after being sent (a re-sent result whose acknowledgement was lost, a late one): acknowledged, nothing changes. */
  | { readonly kind: 'ACKNOWLEDGE' }
  /** Never sent to this host: a forged or confused report. */
  | { readonly kind: 'REFUSE'; readonly reason: string };

/**
 * Whether a host's result for one of its own targets may be stored. Only a target that was sent
 * (SENT, RUNNING) takes a result; one still QUEUED, or ended without ever being sent, was not
 * run by this host and its "result" is refused — it would otherwise mark work done that never
 * happened and slip past a rolling batch's failure budget.
 */
export function decideResult(target: { readonly status: TargetStatus; readonly attempts: number }): ResultDecision {
  if (ACCEPTS_RESULT.includes(target.status)) return { kind: 'STORE' };
  if (target.attempts > 0) return { kind: 'ACKNOWLEDGE' };
  return { kind: 'REFUSE', reason: `the command was never sent to this host (it is ${target.status.toLowerCase()})` };
}
