import type { TargetStatus } from '../../db/entities/index.js';

/** The statuses in which a target accepts its result: it was sent to its host and not yet ended. */
export const ACCEPTS_RESULT: readonly TargetStatus[] = ['SENT', 'RUNNING'];

export type ResultDecision =
  | { readonly kind: 'STORE' }
  /** Already ended after being sent (a re-sent result whose acknowledgement was lost, a late one): acknowledged, nothing changes. */
  | { readonly kind: 'ACKNOWLEDGE' }
  /** Never sent to this host, or sent as another attempt: a forged, confused or stale report. */
  | { readonly kind: 'REFUSE'; readonly reason: string };

/** What {@link decideResult} reads of a target. */
export interface ResultTarget {
  readonly status: TargetStatus;
  /** Deliveries so far (0: never sent). */
  readonly attempts: number;
  /** The attempt it was last dispatched as; 0 for a target sent before attempts were recorded. */
  readonly attempt: number;
}

/**
 * Whether a host's result for one of its own targets may be stored. Only a target that was sent
 * (SENT, RUNNING) takes a result, and only for the attempt it was last sent as: one still
 * QUEUED, or ended without ever being sent, was not run by this host and its "result" is refused
 * — it would otherwise mark work done that never happened and slip past a rolling batch's
 * failure budget — and a result of an earlier attempt is stale (the target was sent again as a
 * new attempt) and is refused too, never stored over the attempt that counts.
 *
 * @param attempt the attempt the report names (an agent older than attempts answers attempt 1).
 */
export function decideResult(target: ResultTarget, attempt: number): ResultDecision {
  if (target.attempt > 0 && attempt !== target.attempt) return { kind: 'REFUSE', reason: `it answers attempt ${attempt}, but the command was last sent as attempt ${target.attempt}` };
  if (ACCEPTS_RESULT.includes(target.status)) return { kind: 'STORE' };
  if (target.attempts > 0) return { kind: 'ACKNOWLEDGE' };
  return { kind: 'REFUSE', reason: `the command was never sent to this host (it is ${target.status.toLowerCase()})` };
}

/**
 * Whether a start report moves a target to RUNNING: only a SENT target, for the attempt it was
 * sent as. Anything else (a repeat, a stale attempt) changes nothing and is not an error.
 */
export function acceptsStart(target: ResultTarget, attempt: number | undefined): boolean {
  return target.status === 'SENT' && (target.attempt === 0 || (attempt ?? 1) === target.attempt);
}
