import type { EntityManager } from '@mikro-orm/core';
import { EventCountMarkRecord, EventDayCountRecord, EventItemRecord, type EventCountSource } from '../../db/entities/index.js';
import { EVENT_COUNT_SPECS, eventCountSql } from '../metrics/event-count-sources.js';
import type { DailyCount } from './daily-counts.js';
import { num, reportSql, type ReportSql } from './report-sql.js';
import { splitWholeDays, type ReportRange } from './report-scope.js';

type Row = { host_id: number | string; item: string; day_ms: number | string; status: string; n: number | string; last_ms: number | string };

/**
 * Events of one source counted per host, item, UTC day (when `byDay`) and status, with the newest
 * time of each — never a scan of the raw rows of the range:
 *
 * - the whole UTC days of the range from `event_day_counts` (a range of its primary key), for
 *   the rows the maintenance chore has counted (ids up to the source's mark);
 * - the rows above the mark in those days raw, through the primary key (the last minute or so);
 * - the partial days before the first whole day and after the last raw, through the time index.
 *
 * Without `byDay` every count is dated `range.fromMs`. The same count may come in parts (days and
 * the newest rows); they add up in {@link rollUpDailyCounts}.
 */
export async function loadDailyCounts(em: EntityManager, source: EventCountSource, range: ReportRange, hostIds: readonly number[] | null, byDay: boolean): Promise<DailyCount[]> {
  const sql = reportSql(em);
  const spec = EVENT_COUNT_SPECS[source];
  const e = eventCountSql(sql.names(spec.entity as abstract new () => Record<string, unknown>), spec, sql.sqlite, 'e');
  const inHosts = (col: string) => (hostIds === null ? '' : hostIds.length === 0 ? ' AND 1 = 0' : ` AND ${col} IN (${hostIds.map(() => '?').join(',')})`);
  const hostParams = hostIds ?? [];
  const { days, edges } = splitWholeDays(range.fromMs, range.toMs);
  const parts: DailyCount[][] = [];
  const dated = (dayMs: number | string) => (byDay ? num(dayMs) : range.fromMs);
  // raw rows grouped like the counts; `where` narrows them by time (and id)
  const rawCounts = async (where: string, params: readonly unknown[]): Promise<DailyCount[]> =>
    (
      await sql.rows<Row>(
        `SELECT ${e.host} AS host_id, ${e.item} AS item, ${byDay ? e.dayMs : '0'} AS day_ms, ${e.status} AS status, COUNT(*) AS n, MAX(${e.atMs}) AS last_ms
       FROM ${e.table} e WHERE ${where}${inHosts(e.host)}
       GROUP BY ${e.host}, ${e.item}, ${byDay ? `${e.dayMs}, ` : ''}${e.status}${sql.unordered}`,
        [...params, ...hostParams],
      )
    ).map((r) => ({ hostId: Number(r.host_id), item: r.item, dayMs: dated(r.day_ms), status: r.status, count: num(r.n), lastMs: num(r.last_ms) }));
  const at = (r: ReportRange) => [sql.date(new Date(r.fromMs)), sql.date(new Date(r.toMs))];
  if (days) {
    const countedId = await loadCountedId(sql, source);
    parts.push(await loadDayCounts(sql, source, days, byDay, inHosts, hostParams, dated));
    parts.push(await rawCounts(`${e.id} > ? AND ${e.at} >= ? AND ${e.at} < ?`, [countedId, ...at(days)]));
  }
  if (edges.length > 0) parts.push(await rawCounts(`(${edges.map(() => `(${e.at} >= ? AND ${e.at} < ?)`).join(' OR ')})`, edges.flatMap(at)));
  return parts.flat();
}

/** The highest id of the source the counts hold (0 before the chore's first count). */
async function loadCountedId(sql: ReportSql, source: EventCountSource): Promise<number> {
  const m = sql.names(EventCountMarkRecord);
  const [mark] = await sql.rows<{ counted: number | string }>(`SELECT ${m.col('countedId')} AS counted FROM ${m.table} WHERE ${m.col('source')} = ?`, [source]);
  return num(mark?.counted);
}

async function loadDayCounts(sql: ReportSql, source: EventCountSource, days: ReportRange, byDay: boolean, inHosts: (col: string) => string, hostParams: readonly number[], dated: (dayMs: number | string) => number): Promise<DailyCount[]> {
  const c = sql.names(EventDayCountRecord);
  const i = sql.names(EventItemRecord);
  const where = `${c.col('source')} = ? AND ${c.col('dayStartMs')} >= ? AND ${c.col('dayStartMs')} < ?${inHosts(c.col('hostId'))}`;
  const params = [source, days.fromMs, days.toMs, ...hostParams];
  type Counted = Omit<Row, 'item'> & { item_id: number | string };
  // by day the rows are the counts themselves; over the whole range they are summed per host, item and status
  const counted = byDay
    ? await sql.rows<Counted>(`SELECT ${c.col('hostId')} AS host_id, ${c.col('itemId')} AS item_id, ${c.col('dayStartMs')} AS day_ms, ${c.col('status')} AS status, ${c.col('count')} AS n, ${c.col('lastMs')} AS last_ms FROM ${c.table} WHERE ${where}`, params)
    : await sql.rows<Counted>(
        `SELECT ${c.col('hostId')} AS host_id, ${c.col('itemId')} AS item_id, 0 AS day_ms, ${c.col('status')} AS status, SUM(${c.col('count')}) AS n, MAX(${c.col('lastMs')}) AS last_ms FROM ${c.table} WHERE ${where} GROUP BY ${c.col('hostId')}, ${c.col('itemId')}, ${c.col('status')}${sql.unordered}`,
        params,
      );
  if (counted.length === 0) return [];
  const items = new Map((await sql.rows<{ id: number | string; item: string }>(`SELECT ${i.col('id')} AS id, ${i.col('item')} AS item FROM ${i.table} WHERE ${i.col('source')} = ?`, [source])).map((r) => [Number(r.id), r.item]));
  return counted.map((r) => ({ hostId: Number(r.host_id), item: items.get(Number(r.item_id)) ?? '', dayMs: dated(r.day_ms), status: r.status, count: num(r.n), lastMs: num(r.last_ms) }));
}
