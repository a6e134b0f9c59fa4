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
  /** A second status column grouped with the first; the count's status is then `STATUS|DETAIL`. */
  readonly detail?: keyof T & string;
}

/**
 * One GROUP BY over the range (host, item, UTC day when `byDay`, status → count and newest time),
 * read through the table's (host, item, time) index or a range scan — never row by row. Without
 * `byDay` every count is dated `range.fromMs`.
 */
export async function loadDailyCounts<T extends object>(em: EntityManager, src: CountSource<T>, range: ReportRange, hostIds: readonly number[] | null, byDay: boolean): Promise<DailyCount[]> {
  const sql = reportSql(em);
  const t = sql.names(src.entity);
  // without periods the day is not needed, and grouping by it multiplies the groups by the days
  const day = byDay ? sql.day(t.col(src.at)) : `'${new Date(range.fromMs).toISOString().slice(0, 10)}'`;
  const hostFilter = hostIds === null ? '' : hostIds.length === 0 ? ' AND 1 = 0' : ` AND ${t.col(src.host)} IN (${hostIds.map(() => '?').join(',')})`;
  const detail = src.detail === undefined ? '' : `, ${t.col(src.detail)}`;
  const rows = await sql.rows<{ host_id: number | string; item: string; day: string; status: string; detail?: string; n: number | string; last_at: Date | number | string }>(
    `SELECT ${t.col(src.host)} AS host_id, ${t.col(src.item)} AS item, ${day} AS day, ${t.col(src.status)} AS status${detail ? `${detail} AS detail` : ''}, COUNT(*) AS n, MAX(${t.col(src.at)}) AS last_at
     FROM ${t.table} WHERE ${t.col(src.at)} >= ? AND ${t.col(src.at)} < ?${hostFilter}
     GROUP BY ${t.col(src.host)}, ${t.col(src.item)}, ${byDay ? `${day}, ` : ''}${t.col(src.status)}${detail}`,
    [sql.date(new Date(range.fromMs)), sql.date(new Date(range.toMs)), ...(hostIds ?? [])],
  );
  return rows.map((r) => ({ hostId: Number(r.host_id), item: r.item, dayMs: byDay ? dayStartMs(r.day) : range.fromMs, status: src.detail === undefined ? r.status : `${r.status}|${r.detail}`, count: num(r.n), lastMs: msOf(r.last_at) }));
}
