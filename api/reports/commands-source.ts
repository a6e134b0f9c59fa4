import type { EntityManager } from '@mikro-orm/core';
import { JobRecord, JobTargetRecord } from '../../db/entities/index.js';
import type { JobDayCount, SlowCommand, TargetDayCount, TargetHostCount } from './commands.js';
import { dayStartMs, msOf, num, reportSql } from './report-sql.js';
import type { ReportRange } from './report-scope.js';

/** Slowest targets listed. */
export const SLOWEST_COMMANDS = 20;

/**
 * Jobs created in the range (through the jobs' created-at index) and their targets (through the
 * targets' (job, status, host, duration) index, which holds every column these reads need): jobs
 * per UTC day and user, targets per day, user and status and per host and status, and the slowest
 * targets. Every grouping is small (days × users × statuses, hosts × statuses). `hostIds` (a
 * selector's hosts) limits all of them to targets on those hosts.
 */
export async function loadCommandCounts(em: EntityManager, range: ReportRange, hostIds: readonly number[] | null): Promise<{ jobs: JobDayCount[]; targets: { byDay: TargetDayCount[]; byHost: TargetHostCount[] }; slowest: SlowCommand[] }> {
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
  const byDay = await sql.rows<{ day: string; created_by: string; status: string; n: number | string }>(
    `SELECT ${day} AS day, j.${j.col('createdBy')} AS created_by, t.${t.col('status')} AS status, COUNT(*) AS n
     FROM ${join} WHERE ${inRange}${hostFilter}
     GROUP BY ${day}, j.${j.col('createdBy')}, t.${t.col('status')}`,
    [...bounds, ...hostParams],
  );
  const byHost = await sql.rows<{ host_id: number | string; status: string; n: number | string }>(
    `SELECT t.${t.col('hostId')} AS host_id, t.${t.col('status')} AS status, COUNT(*) AS n
     FROM ${join} WHERE ${inRange}${hostFilter}
     GROUP BY t.${t.col('hostId')}, t.${t.col('status')}${sql.unordered}`,
    [...bounds, ...hostParams],
  );
  // the slowest ids first (from the index alone), then those few targets' other columns
  const slowest = await sql.rows<{ job_id: number | string; command: string; created_by: string; host: string; status: string; duration_ms: number | string; finished_at: Date | number | string | null }>(
    `SELECT j.${j.col('id')} AS job_id, j.${j.col('command')} AS command, j.${j.col('createdBy')} AS created_by, t.${t.col('hostName')} AS host, t.${t.col('status')} AS status, t.${t.col('durationMs')} AS duration_ms, t.${t.col('finishedAt')} AS finished_at
     FROM (SELECT t.${t.col('id')} AS id FROM ${join} WHERE ${inRange}${hostFilter} AND t.${t.col('durationMs')} IS NOT NULL
           ORDER BY t.${t.col('durationMs')} DESC, t.${t.col('id')} ASC LIMIT ${SLOWEST_COMMANDS}) s
     JOIN ${t.table} t ON t.${t.col('id')} = s.id JOIN ${j.table} j ON j.${j.col('id')} = t.${t.col('jobId')}
     ORDER BY t.${t.col('durationMs')} DESC, t.${t.col('id')} ASC`,
    [...bounds, ...hostParams],
  );
  return {
    jobs: jobs.map((r) => ({ dayMs: dayStartMs(r.day), user: r.created_by, jobs: num(r.n) })),
    targets: {
      byDay: byDay.map((r) => ({ dayMs: dayStartMs(r.day), user: r.created_by, status: r.status, count: num(r.n) })),
      byHost: byHost.map((r) => ({ hostId: Number(r.host_id), status: r.status, count: num(r.n) })),
    },
    slowest: slowest.map((r) => ({ jobId: Number(r.job_id), command: r.command, user: r.created_by, host: r.host, status: r.status, durationMs: num(r.duration_ms), finishedAt: r.finished_at === null ? null : new Date(msOf(r.finished_at)) })),
  };
}
