/**
 * Re-asking for a result before giving up on a target.
 *
 * A target that stays RUNNING past its deadline (timeout + queue-for + grace, see the
 * dispatcher's `expire`) may have a result the server never stored: the agent reported it while
 * the database was away and its own re-sends did not get through, or the server lost it. Before
 * such a target is called UNREACHABLE, the server sends the same command again — same command
 * id, same attempt — so a live agent answers idempotently: from its result spool if the run
 * ended, by joining its running execution otherwise (never running it twice). A dead agent
 * does not answer, and after {@link MAX_REASKS} re-asks, each given {@link REASK_WAIT_MS}, the
 * target ends UNREACHABLE as before.
 *
 *   RUNNING past deadline ──reasks < MAX──▶ re-ask (reasks+1, reasked_at=now) ──answer──▶ result stored
 *          │                                   │ no answer within REASK_WAIT_MS
 *          │                                   └──────────────▶ (again, up to MAX_REASKS)
 *          └──reasks = MAX and waited──▶ UNREACHABLE
 */
import { raw, type EntityManager } from '@mikro-orm/core';
import { chunks, updateTargets, type TargetRow } from './target-rows.js';

/** Re-asks per target before it is called unreachable. @default 2 */
export const MAX_REASKS = 2;
/** How long an answer to a re-ask is awaited. @default 15 s */
export const REASK_WAIT_MS = 15_000;

/** What to do with a target past its deadline. */
export type LateDecision = 'REASK' | 'WAIT' | 'GIVE_UP';

/** What {@link decideLate} reads of a late target. */
export interface LateTarget {
  readonly status: TargetRow['status'];
  readonly reasks: number;
  readonly reaskedAt: Date | null;
}

/**
 * Pure: a late RUNNING target is re-asked while it has re-asks left and the last one had its
 * wait; it is given up once the last re-ask went unanswered for {@link REASK_WAIT_MS}. A late
 * SENT target was never started (its redelivery keeps offering it): it is given up directly.
 */
export function decideLate(target: LateTarget, now: Date, limits: { maxReasks: number; waitMs: number } = { maxReasks: MAX_REASKS, waitMs: REASK_WAIT_MS }): LateDecision {
  if (target.status !== 'RUNNING') return 'GIVE_UP';
  const waited = target.reaskedAt === null || now.getTime() - target.reaskedAt.getTime() >= limits.waitMs;
  if (!waited) return 'WAIT';
  return target.reasks < limits.maxReasks ? 'REASK' : 'GIVE_UP';
}

/** Dates as the dialect returns them in raw rows (SQLite: epoch ms). */
function dateOf(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Sorts `late` (targets of one job past their deadline) into those given up, which the caller
 * ends UNREACHABLE, and re-asks the due ones through `resend` (the dispatcher's delivery of the
 * same command and attempt) after counting the re-ask on their rows. Returns the given-up ones.
 */
export async function reaskLate(em: EntityManager, late: readonly TargetRow[], now: Date, resend: (targets: readonly TargetRow[]) => Promise<void>): Promise<TargetRow[]> {
  const running = late.filter((t) => t.status === 'RUNNING');
  if (running.length === 0) return [...late];
  const facts = new Map<number, LateTarget>();
  for (const part of chunks(running.map((t) => t.id))) {
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(`select id, status, reasks, reasked_at from job_targets where id in (${part.map(() => '?').join(', ')})`, part, 'all', em.getTransactionContext());
    for (const r of rows) facts.set(Number(r.id), { status: r.status as TargetRow['status'], reasks: Number(r.reasks ?? 0), reaskedAt: dateOf(r.reasked_at) });
  }
  const due: TargetRow[] = [];
  const givenUp: TargetRow[] = [];
  for (const t of late) {
    const f = facts.get(t.id);
    const decision = f ? decideLate(f, now) : 'GIVE_UP';
    if (decision === 'REASK') due.push(t);
    else if (decision === 'GIVE_UP') givenUp.push(t);
  }
  if (due.length) {
    // Counted before sending: a re-ask that reaches nobody still uses one up.
    await updateTargets(em, due.map((t) => t.id), ['RUNNING'], { reasks: raw('reasks + 1'), reaskedAt: now, bumpAttempts: true });
    await resend(due);
  }
  return givenUp;
}
