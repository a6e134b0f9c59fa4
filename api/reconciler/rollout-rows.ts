/**
 * Writing the rollout rows a pass changed: per chunk one multi-row UPDATE (each host its values
 * through `CASE host_id`) and one multi-row INSERT for hosts without a row yet.
 *
 * Each write is guarded by what the pass read: an existing row is updated only while its
 * `updated_at` is still the one read, a new row inserted only while none exists. A row some
 * other writer changed meanwhile (another replica's pass, or an agent report creating the row)
 * is left alone and its host reported as a conflict, for the caller to reconcile again from
 * fresh state; a stale pass can then never overwrite a newer decision.
 */
import type { EntityManager } from '@mikro-orm/core';
import { MySqlPlatform } from '@mikro-orm/mysql';
import type { DesiredState } from '../../manifests/index.js';
import type { RolloutRow } from './host-state.js';

/** One host's new row. */
export interface RowWrite {
  readonly hostId: number;
  readonly row: RolloutRow;
  /** The desired state to store with it: set when the desired hash or revision changed, else the stored one stays. */
  readonly desired: DesiredState | undefined;
  /** The row's `updatedAt` as the pass read it; null when there was no row. */
  readonly expectedUpdatedAt: Date | null;
}

/** Hosts per statement (a `CASE` and an `IN` list of this many). */
export const ROW_WRITE_CHUNK = 500;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Stores `writes` (see the module comment) in one transaction and returns the hosts whose
 * write did not land because their row changed under the pass (all of a statement's hosts
 * when it matched fewer rows than it named: a pass over them again writes nothing for those
 * that did land).
 */
export async function writeRolloutRows(em: EntityManager, writes: readonly RowWrite[], now: Date): Promise<number[]> {
  if (writes.length === 0) return [];
  return em.transactional(async (tx) => {
    const conflicts: number[] = [];
    const sorted = [...writes].sort((a, b) => a.hostId - b.hostId); // row locks in key order: two writers cannot deadlock
    const updates = sorted.filter((w) => w.expectedUpdatedAt !== null);
    const inserts = sorted.filter((w) => w.expectedUpdatedAt === null);
    for (let i = 0; i < updates.length; i += ROW_WRITE_CHUNK) {
      const chunk = updates.slice(i, i + ROW_WRITE_CHUNK);
      if ((await updateRows(tx, chunk, now)) < chunk.length) conflicts.push(...chunk.map((w) => w.hostId));
    }
    for (let i = 0; i < inserts.length; i += ROW_WRITE_CHUNK) {
      const chunk = inserts.slice(i, i + ROW_WRITE_CHUNK);
      if ((await insertRows(tx, chunk, now)) < chunk.length) conflicts.push(...chunk.map((w) => w.hostId));
    }
    return conflicts;
  });
}

/** The columns a pass sets, with each write's value as a statement parameter. */
function columns(w: RowWrite): [string, unknown][] {
  return [
    ['revision_id', w.row.revisionId],
    ['desired_hash', w.row.desiredHash],
    ['drift', JSON.stringify(w.row.drift)],
    ['status', w.row.status],
    ['converged_revision_id', w.row.convergedRevisionId],
  ];
}

async function updateRows(tx: EntityManager, chunk: readonly RowWrite[], now: Date): Promise<number> {
  const platform = tx.getPlatform();
  const sets: string[] = [];
  const params: unknown[] = [];
  const names = columns(chunk[0]!).map(([name]) => name);
  names.forEach((name, c) => {
    sets.push(`${name} = case host_id ${chunk.map(() => 'when ? then ?').join(' ')} end`);
    for (const w of chunk) params.push(w.hostId, columns(w)[c]![1]);
  });
  const withDesired = chunk.filter((w) => w.desired !== undefined);
  if (withDesired.length) {
    sets.push(`desired = case host_id ${withDesired.map(() => 'when ? then ?').join(' ')} else desired end`);
    for (const w of withDesired) params.push(w.hostId, JSON.stringify(w.desired));
  }
  sets.push('updated_at = ?');
  params.push(platform.processDateProperty(now));
  params.push(...chunk.map((w) => w.hostId));
  for (const w of chunk) params.push(w.hostId, platform.processDateProperty(w.expectedUpdatedAt!));
  const sql = `update host_states set ${sets.join(', ')} where host_id in (${placeholders(chunk.length)}) and updated_at = case host_id ${chunk.map(() => 'when ? then ?').join(' ')} end`;
  const res = await tx.getConnection().execute<{ affectedRows: number }>(sql, params, 'run', tx.getTransactionContext());
  return res.affectedRows;
}

async function insertRows(tx: EntityManager, chunk: readonly RowWrite[], now: Date): Promise<number> {
  const platform = tx.getPlatform();
  const names = ['host_id', ...columns(chunk[0]!).map(([name]) => name), 'desired', 'updated_at'];
  const params: unknown[] = [];
  for (const w of chunk) params.push(w.hostId, ...columns(w).map(([, v]) => v), w.desired === undefined ? null : JSON.stringify(w.desired), platform.processDateProperty(now));
  const rows = chunk.map(() => `(${placeholders(names.length)})`).join(', ');
  // A row created meanwhile (an agent report's) wins: this host is then reconciled again.
  // (MySQL counts a row `on duplicate key update` left as it was as found, so IGNORE there.)
  const mysql = platform instanceof MySqlPlatform;
  const sql = `insert${mysql ? ' ignore' : ''} into host_states (${names.join(', ')}) values ${rows}${mysql ? '' : ' on conflict (host_id) do nothing'}`;
  const res = await tx.getConnection().execute<{ affectedRows: number }>(sql, params, 'run', tx.getTransactionContext());
  return res.affectedRows;
}
