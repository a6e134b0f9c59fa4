/**
 * Which changes a pass made, and of what kind, pure. A pass carries out the plan of one
 * desired-state hash; its actions are INTENDED while the host has not yet converged on that hash
 * (a new revision, a first apply) and CORRECTIVE once it had (the host drifted on its own and the
 * agent put it back). Holds are not changes: the agent leaves them alone.
 */
import type { ChangeOutcome, ChangeRecord } from '../../protocol/change-report.schema.js';
import type { ActionOutcome } from './execute-plan.js';

const OUTCOMES: Readonly<Record<ActionOutcome['result'], ChangeOutcome>> = { done: 'DONE', failed: 'FAILED', reported: 'FAILED', skipped: 'SKIPPED' };

export interface PassContext {
  /** The desired-state hash the pass planned from, and its revision. */
  readonly hash: string;
  readonly revision: number | null;
  /** The hash this host last converged on (null: never). */
  readonly convergedHash: string | null;
  /** When the pass ended (ISO-8601). */
  readonly at: string;
  /** One fresh id per change (crypto.randomUUID in production). */
  readonly newId: () => string;
}

export function changesMade(outcomes: readonly ActionOutcome[], pass: PassContext): ChangeRecord[] {
  const kind = pass.convergedHash === pass.hash ? 'CORRECTIVE' : 'INTENDED';
  return outcomes
    .filter((o) => o.action.type !== 'Hold')
    .map((o) => ({
      id: pass.newId(),
      at: pass.at,
      key: o.action.key.slice(0, 512),
      action: o.action.type,
      reason: o.action.reason,
      kind,
      outcome: OUTCOMES[o.result],
      hash: pass.hash,
      revision: pass.revision,
      ...(o.error !== undefined ? { error: o.error.slice(0, 1000) } : {}),
    }));
}
