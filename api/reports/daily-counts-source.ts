import type { EntityManager } from '@mikro-orm/core';
import type { DailyCount } from './daily-counts.js';
import { dayStartMs, msOf, num, reportSql } from './report-sql.js';
import type { ReportRange } from './report-scope.js';

/** Which table and columns to count: host, item, time and status. */
export interface CountSource<T extends object> {
  readonly entity: abstract new () => T;
  readonly host: keyof T & string;
  readonly item: keyof T & string;
  readonly at: keyof T & string;
  readonly status: keyof T & string;
}

/**
 * One GROUP BY over the range (host, item, UTC day, status → count and newest time), read through
 * the table's (host, item, time) index or a range scan — never row by row.
 */
export async function loadDailyCounts<T extends object>(em: EntityManager, src: CountSource<T>, range: ReportRange, hostIds: readonly number[] | null): Promise<DailyCount[]> {
  const sql = reportSql(em);
  const t = sql.names(src.entity);
  const day = sql.day(t.col(src.at));
  const hostFilter = hostIds === null ? '' : hostIds.length === 0 ? ' AND 1 = 0' : ` AND ${t.col(src.host)} IN (${hostIds.map(() => '?').join(',')})`;
  const rows = await sql.rows<{ host_id: number | string; item: string; day: string; status: string; n: number | string; last_at: Date | number | string }>(
    `SELECT ${t.col(src.host)} AS host_id, ${t.col(src.item)} AS item, ${day} AS day, ${t.col(src.status)} AS status, COUNT(*) AS n, MAX(${t.col(src.at)}) AS last_at
     FROM ${t.table} WHERE ${t.col(src.at)} >= ? AND ${t.col(src.at)} < ?${hostFilter}
     GROUP BY ${t.col(src.host)}, ${t.col(src.item)}, ${day}, ${t.col(src.status)}`,
    [sql.date(new Date(range.fromMs)), sql.date(new Date(range.toMs)), ...(hostIds ?? [])],
  );
  return rows.map((r) => ({ hostId: Number(r.host_id), item: r.item, dayMs: dayStartMs(r.day), status: r.status, count: num(r.n), lastMs: msOf(r.last_at) }));
}
