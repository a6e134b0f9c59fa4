import type { EntityManager } from '@mikro-orm/core';
import { JobRecord, JobTargetRecord } from '../../db/entities/index.js';
import type { JobDayCount, SlowCommand, TargetDayCount } from './commands.js';
import { dayStartMs, msOf, num, reportSql } from './report-sql.js';
import type { ReportRange } from './report-scope.js';

/** Slowest targets listed. */
export const SLOWEST_COMMANDS = 20;

/**
 * Jobs created in the range (through the jobs' created-at index) and their targets: one GROUP BY
 * for jobs per day and user, one for targets per day, user, host and status, and the slowest
 * targets. `hostIds` (a selector's hosts) limits all three to targets on those hosts.
 */
export async function loadCommandCounts(em: EntityManager, range: ReportRange, hostIds: readonly number[] | null): Promise<{ jobs: JobDayCount[]; targets: TargetDayCount[]; slowest: SlowCommand[] }> {
  const sql = reportSql(em);
  const j = sql.names(JobRecord);
  const t = sql.names(JobTargetRecord);
  const day = sql.day(`j.${j.col('createdAt')}`);
  const inRange = `j.${j.col('createdAt')} >= ? AND j.${j.col('createdAt')} < ?`;
  const bounds = [sql.date(new Date(range.fromMs)), sql.date(new Date(range.toMs))];
  const hostFilter = hostIds === null ? '' : hostIds.length === 0 ? ' AND 1 = 0' : ` AND t.${t.col('hostId')} IN (${hostIds.map(() => '?').join(',')})`;
  const hostParams = hostIds ?? [];
  const join = `${j.table} j JOIN ${t.table} t ON t.${t.col('jobId')} = j.${j.col('id')}`;
  const jobs = await sql.rows<{ day: string; created_by: string; n: number | string }>(
    hostIds === null
      ? `SELECT ${day} AS day, j.${j.col('createdBy')} AS created_by, COUNT(*) AS n FROM ${j.table} j WHERE ${inRange} GROUP BY ${day}, j.${j.col('createdBy')}`
      : `SELECT ${day} AS day, j.${j.col('createdBy')} AS created_by, COUNT(DISTINCT j.${j.col('id')}) AS n FROM ${join} WHERE ${inRange}${hostFilter} GROUP BY ${day}, j.${j.col('createdBy')}`,
    [...bounds, ...(hostIds === null ? [] : hostParams)],
  );
  const targets = await sql.rows<{ day: string; created_by: string; host_id: number | string; status: string; n: number | string }>(
    `SELECT ${day} AS day, j.${j.col('createdBy')} AS created_by, t.${t.col('hostId')} AS host_id, t.${t.col('status')} AS status, COUNT(*) AS n
     FROM ${join} WHERE ${inRange}${hostFilter}
     GROUP BY ${day}, j.${j.col('createdBy')}, t.${t.col('hostId')}, t.${t.col('status')}`,
    [...bounds, ...hostParams],
  );
  const slowest = await sql.rows<{ job_id: number | string; command: string; created_by: string; host: string; status: string; duration_ms: number | string; finished_at: Date | number | string | null }>(
    `SELECT j.${j.col('id')} AS job_id, j.${j.col('command')} AS command, j.${j.col('createdBy')} AS created_by, t.${t.col('hostName')} AS host, t.${t.col('status')} AS status, t.${t.col('durationMs')} AS duration_ms, t.${t.col('finishedAt')} AS finished_at
     FROM ${join} WHERE ${inRange}${hostFilter} AND t.${t.col('durationMs')} IS NOT NULL
     ORDER BY t.${t.col('durationMs')} DESC, t.${t.col('id')} ASC LIMIT ${SLOWEST_COMMANDS}`,
    [...bounds, ...hostParams],
  );
  return {
    jobs: jobs.map((r) => ({ dayMs: dayStartMs(r.day), user: r.created_by, jobs: num(r.n) })),
    targets: targets.map((r) => ({ dayMs: dayStartMs(r.day), user: r.created_by, hostId: Number(r.host_id), status: r.status, count: num(r.n) })),
    slowest: slowest.map((r) => ({ jobId: Number(r.job_id), command: r.command, user: r.created_by, host: r.host, status: r.status, durationMs: num(r.duration_ms), finishedAt: r.finished_at === null ? null : new Date(msOf(r.finished_at)) })),
  };
}
