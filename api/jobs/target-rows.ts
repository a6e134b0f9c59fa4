import { raw, type EntityManager } from '@mikro-orm/core';
import { MySqlPlatform } from '@mikro-orm/mysql';
import { JobTargetRecord, type TargetStatus } from '../../db/entities/index.js';
import { insertRows, sqlValue } from './insert-rows.js';

/** The columns of a target the dispatch and ingest paths need, as a plain row (no ORM entity). */
export interface TargetRow {
  readonly id: number;
  readonly jobId: number;
  readonly hostId: number;
  readonly hostName: string;
  readonly status: TargetStatus;
  readonly attempts: number;
  /** The attempt it was last dispatched as (0 before the first). */
  readonly attempt: number;
  /** As the database returns it (a string or epoch ms), or null. */
  readonly startedAt?: string | number | Date | null;
}

/** Ids per `IN (…)` list. */
export const ID_CHUNK = 1_000;

export function chunks<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function toRow(r: Record<string, unknown>): TargetRow {
  return { id: Number(r.id), jobId: Number(r.job_id), hostId: Number(r.host_id), hostName: String(r.host_name), status: r.status as TargetStatus, attempts: Number(r.attempts), attempt: Number(r.attempt ?? 0), startedAt: (r.started_at as string | number | null | undefined) ?? null };
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Reads targets by id (only those in `statuses`, when given). Inside a transaction on MySQL the
 * rows are locked (`FOR UPDATE`) until it ends, so a status read here is the status the
 * following UPDATE changes: another replica's dispatcher or ingest waits, then sees the new one.
 * SQLite has one writer at a time, so its transaction alone gives the same.
 */
export async function selectTargets(em: EntityManager, ids: readonly number[], statuses?: readonly TargetStatus[], lock = false): Promise<TargetRow[]> {
  const out: TargetRow[] = [];
  const conn = em.getConnection();
  const forUpdate = lock && em.getPlatform() instanceof MySqlPlatform ? ' for update' : '';
  for (const part of chunks(ids)) {
    const where = statuses ? ` and status in (${placeholders(statuses.length)})` : '';
    const rows = await conn.execute<Record<string, unknown>[]>(`select id, job_id, host_id, host_name, status, attempts, attempt, started_at from job_targets where id in (${placeholders(part.length)})${where}${forUpdate}`, [...part, ...(statuses ?? [])], 'all', em.getTransactionContext());
    out.push(...rows.map(toRow));
  }
  return out;
}

/** The next `limit` QUEUED targets of a job whose host is online and not revoked (index job_id, status). */
export async function dispatchableTargets(em: EntityManager, jobId: number, limit: number): Promise<TargetRow[]> {
  const rows = await em
    .getConnection()
    .execute<Record<string, unknown>[]>(
      `select t.id, t.job_id, t.host_id, t.host_name, t.status, t.attempts, t.attempt from job_targets t join hosts h on h.id = t.host_id where t.job_id = ? and t.status = 'QUEUED' and h.online = 1 and h.revoked_at is null order by t.id limit ?`,
      [jobId, limit],
      'all',
      em.getTransactionContext(),
    );
  return rows.map(toRow);
}

/** Targets of a job in `statuses` (optionally sent before `sentBefore`), plain rows. */
export async function targetsOf(em: EntityManager, where: { jobId?: number; hostId?: number; statuses: readonly TargetStatus[]; sentBefore?: Date; queueDeadlineBefore?: Date }, limit = 10_000): Promise<TargetRow[]> {
  const rows = await em.find(
    JobTargetRecord,
    {
      ...(where.jobId !== undefined ? { jobId: where.jobId } : {}),
      ...(where.hostId !== undefined ? { hostId: where.hostId } : {}),
      status: { $in: [...where.statuses] },
      ...(where.sentBefore ? { sentAt: { $lt: where.sentBefore } } : {}),
      ...(where.queueDeadlineBefore ? { queueDeadline: { $lt: where.queueDeadlineBefore } } : {}),
    },
    { fields: ['id', 'jobId', 'hostId', 'hostName', 'status', 'attempts', 'attempt'], limit, orderBy: { id: 'asc' }, disableIdentityMap: true },
  );
  return rows.map((r) => ({ id: r.id, jobId: r.jobId, hostId: r.hostId, hostName: r.hostName, status: r.status, attempts: r.attempts, attempt: r.attempt }));
}

/** The targets of many hosts in `statuses`, plain rows (index host_id, status), one SELECT per chunk of hosts. */
export async function targetsOfHosts(em: EntityManager, hostIds: readonly number[], statuses: readonly TargetStatus[]): Promise<TargetRow[]> {
  const out: TargetRow[] = [];
  for (const part of chunks(hostIds)) {
    const rows = await em
      .getConnection()
      .execute<Record<string, unknown>[]>(`select id, job_id, host_id, host_name, status, attempts from job_targets where host_id in (${placeholders(part.length)}) and status in (${placeholders(statuses.length)}) order by id`, [...part, ...statuses], 'all', em.getTransactionContext());
    out.push(...rows.map(toRow));
  }
  return out;
}

/** What a new target row holds; everything else starts at its default (attempts 0, no result). */
export interface NewTarget {
  readonly hostId: number;
  readonly hostName: string;
}

/**
 * The QUEUED rows of a new job, one multi-row INSERT per chunk inside the caller's transaction
 * (a row per target exists before anything is dispatched).
 */
export function insertTargets(tx: EntityManager, jobId: number, targets: readonly NewTarget[], queueDeadline: Date): Promise<void> {
  const columns = ['job_id', 'host_id', 'host_name', 'status', 'attempts', 'attempt', 'reasks', 'queue_deadline', 'stdout_truncated', 'stderr_truncated'];
  return insertRows(tx, 'job_targets', columns, targets.map((t) => [jobId, t.hostId, t.hostName, 'QUEUED', 0, 0, 0, queueDeadline, false, false]));
}

/** One UPDATE for many targets (chunked), only where the status is still one of `from`. */
export async function updateTargets(em: EntityManager, ids: readonly number[], from: readonly TargetStatus[], set: Partial<Record<keyof JobTargetRecord, unknown>> & { bumpAttempts?: boolean }): Promise<number> {
  const { bumpAttempts, ...values } = set;
  let changed = 0;
  for (const part of chunks(ids)) {
    changed += await em.nativeUpdate(JobTargetRecord, { id: { $in: part }, status: { $in: [...from] } }, { ...values, ...(bumpAttempts ? { attempts: raw('attempts + 1') } : {}) } as never);
  }
  return changed;
}

/** Bytes of text per multi-row UPDATE (keeps a statement well under max_allowed_packet). */
const UPDATE_TEXT_BUDGET = 4 * 1024 * 1024;
/** Rows per multi-row UPDATE. */
const UPDATE_ROWS = 200;

/**
 * Gives each target its own values in one statement per chunk:
 * `UPDATE job_targets SET col = CASE id WHEN ? THEN ? … END, … WHERE id IN (…)`. The caller has
 * locked and checked the rows (see {@link selectTargets}); `columns` are database column names.
 */
export async function updateTargetsEach(em: EntityManager, columns: readonly string[], rows: readonly { id: number; values: readonly unknown[]; textBytes: number }[]): Promise<void> {
  const conn = em.getConnection();
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && end - start < UPDATE_ROWS && (end === start || bytes + rows[end]!.textBytes <= UPDATE_TEXT_BUDGET)) bytes += rows[end++]!.textBytes;
    const part = rows.slice(start, end);
    const params: unknown[] = [];
    const sets = columns.map((col, c) => {
      for (const r of part) params.push(r.id, sqlValue(em, r.values[c]));
      return `${em.getPlatform().quoteIdentifier(col)} = case id ${part.map(() => 'when ? then ?').join(' ')} end`;
    });
    params.push(...part.map((r) => r.id));
    await conn.execute(`update job_targets set ${sets.join(', ')} where id in (${placeholders(part.length)})`, params, 'run', em.getTransactionContext());
    start = end;
  }
}
