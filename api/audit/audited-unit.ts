import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/core';
import { AppError } from '../errors.js';
import type { AuditEntry, AuditService } from './audit.service.js';

/**
 * The one way an audited change is made (GraphQL mutations through `accessGuard`, `login`,
 * `enrollAgent`, the artifact upload route): fail closed.
 *
 *   work ──ok──▶ flush work ──▶ insert audit row (SUCCESS) ──▶ COMMIT ──▶ after-commit effects
 *     │                               │ fails
 *     │                               ▼
 *     │                         ROLLBACK, AUDIT_UNAVAILABLE to the caller (nothing changed)
 *     └─throws─▶ ROLLBACK ──▶ audit row (FAILURE / DENIED) in its own write ──▶ the error
 *                                      │ fails
 *                                      ▼
 *                                AUDIT_UNAVAILABLE (still nothing changed)
 *
 * Side effects that other parts of the server act on (pub/sub messages, dispatching a job,
 * removing a blob) are queued with {@link afterCommit} while a unit is open and run only once it
 * committed; a rolled-back unit drops them.
 */

/** Why an audited change was refused although the caller was allowed to make it. */
export function auditUnavailable(cause: unknown): AppError {
  const err = new AppError('AUDIT_UNAVAILABLE', 'the change was not made: its audit record could not be written (the audit log is unavailable); try again later');
  (err as { cause?: unknown }).cause = cause;
  return err;
}

type Effect = () => void | Promise<unknown>;

interface OpenUnit {
  readonly effects: Effect[];
  readonly undo: Effect[];
}

const units = new AsyncLocalStorage<OpenUnit>();

/**
 * Runs `effect` once the enclosing audited unit commits (the unit waits for it before it answers),
 * or at once outside one. Never throws.
 */
export function afterCommit(effect: Effect): void {
  const unit = units.getStore();
  if (unit) unit.effects.push(effect);
  else void runQuietly(effect);
}

/** Runs `effect` if the enclosing audited unit rolls back (e.g. to drop a file it wrote); never outside one. */
export function afterRollback(effect: Effect): void {
  units.getStore()?.undo.push(effect);
}

async function runQuietly(effect: Effect): Promise<void> {
  try {
    await effect();
  } catch {
    // An effect is a notification or a clean-up; its own code logs what went wrong.
  }
}

const alreadyAudited = new WeakSet<object>();

/** Marks `err` as audited, so the guard does not write a second row for it; returns it. */
export function markAudited<E>(err: E): E {
  if (err && typeof err === 'object') alreadyAudited.add(err);
  return err;
}

export function wasAudited(err: unknown): boolean {
  return Boolean(err && typeof err === 'object' && alreadyAudited.has(err));
}

/** How an error thrown by the work is recorded: refusals (access, throttle) as DENIED. */
export type OutcomeOf = (err: unknown) => 'FAILURE' | 'DENIED';

const DENIAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'TOO_MANY_REQUESTS']);
export const defaultOutcomeOf: OutcomeOf = (err) => {
  const code = (err as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === 'string' && DENIAL_CODES.has(code) ? 'DENIED' : 'FAILURE';
};

/** What the work may add to its audit row once it knows more (who enrolled, what was stored). */
export interface AuditNote {
  entry?: Partial<Omit<AuditEntry, 'outcome'>>;
}

export interface AuditedUnitDeps {
  readonly audit: AuditService;
  /** A fresh entity manager for the refusal row, outside the rolled-back transaction. */
  readonly fork: () => EntityManager;
}

/**
 * Runs `work` in one transaction with its SUCCESS audit row. See the diagram above.
 * `em` is the unit of work's parent (the transaction is a fork of it).
 */
export async function runAudited<T>(deps: AuditedUnitDeps, em: EntityManager, entry: Omit<AuditEntry, 'outcome'>, work: (tx: EntityManager, note: AuditNote) => Promise<T>, outcomeOf: OutcomeOf = defaultOutcomeOf): Promise<T> {
  const unit: OpenUnit = { effects: [], undo: [] };
  const note: AuditNote = {};
  let auditFailed: unknown;
  let result: T;
  let row: ReturnType<AuditService['build']> | undefined;
  try {
    result = await units.run(unit, () =>
      em.transactional(async (tx) => {
        const value = await work(tx, note);
        await tx.flush();
        try {
          row = deps.audit.build(tx, { ...entry, ...note.entry, outcome: 'SUCCESS' });
          await tx.flush();
        } catch (err) {
          auditFailed = err;
          throw err;
        }
        return value;
      }),
    );
  } catch (err) {
    await Promise.all(unit.undo.map(runQuietly));
    if (auditFailed !== undefined) throw markAudited(auditUnavailable(auditFailed));
    if (!wasAudited(err)) await recordRefusal(deps, { ...entry, ...note.entry, outcome: outcomeOf(err), reason: reasonOf(err) });
    throw markAudited(err);
  }
  if (row) deps.audit.recorded(row);
  await Promise.all(unit.effects.map(runQuietly));
  return result;
}

/** Writes the audit row of a refused or failed attempt; AUDIT_UNAVAILABLE when it cannot. */
export async function recordRefusal(deps: AuditedUnitDeps, entry: AuditEntry): Promise<void> {
  try {
    await deps.audit.record(deps.fork(), entry);
  } catch (err) {
    throw markAudited(auditUnavailable(err));
  }
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
