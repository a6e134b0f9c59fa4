import type { EntityManager } from '@mikro-orm/core';
import { HostStatusEventRecord, type HostStatusChange } from '../../db/entities/index.js';
import type { HostAvailabilityInput, StatusChange } from './availability.js';
import type { ReportHost } from './report-hosts.js';
import { msOf, reportSql } from './report-sql.js';
import type { ReportRange } from './report-scope.js';

const STATE: HostStatusChange[] = ['ALIVE', 'DEAD'];
const LINK: HostStatusChange[] = ['CONNECTED', 'DISCONNECTED'];
const IN_CHUNK = 1000;

/**
 * Reads what the availability report needs, from indexes alone: every status change in the range
 * (the (at, host, change) index), and per host its last ALIVE/DEAD and CONNECTED/DISCONNECTED
 * before the range (two GROUP BY queries over the (host, change, at) index, then those rows by
 * id). Three reads, whatever the fleet size.
 */
export async function loadAvailabilityInput(em: EntityManager, hosts: readonly ReportHost[], range: ReportRange): Promise<HostAvailabilityInput[]> {
  const from = new Date(range.fromMs);
  const wanted = new Set(hosts.map((h) => h.id));
  const priorIds: number[] = [];
  const sql = reportSql(em);
  const e = sql.names(HostStatusEventRecord);
  for (const changes of [STATE, LINK]) {
    const rows = await sql.rows<{ host_id: number; last_id: number | string }>(
      `SELECT ${e.col('hostId')} AS host_id, MAX(${e.col('id')}) AS last_id FROM ${e.table} WHERE ${e.col('at')} < ? AND ${e.col('change')} IN (?, ?) GROUP BY ${e.col('hostId')}`,
      [sql.date(from), ...changes],
    );
    for (const r of rows) if (wanted.has(Number(r.host_id))) priorIds.push(Number(r.last_id));
  }
  type Row = { id: number | string; host_id: number | string; at: Date | number | string; change: HostStatusChange };
  const select = `SELECT ${e.col('id')} AS id, ${e.col('hostId')} AS host_id, ${e.col('at')} AS at, ${e.col('change')} AS ${e.col('change')} FROM ${e.table}`;
  const prior: Row[] = [];
  for (let i = 0; i < priorIds.length; i += IN_CHUNK) {
    const chunk = priorIds.slice(i, i + IN_CHUNK);
    prior.push(...(await sql.rows<Row>(`${select} WHERE ${e.col('id')} IN (${chunk.map(() => '?').join(',')})`, chunk)));
  }
  // raw rows, not entities: a 30-day range of a large fleet is hundreds of thousands of them
  // read in the (at, host, change) index's order, put in recording order here: no sort in the database
  const inRange = (await sql.rows<Row>(`${select} WHERE ${e.col('at')} >= ? AND ${e.col('at')} < ?`, [sql.date(from), sql.date(new Date(range.toMs))])).sort((a, b) => Number(a.id) - Number(b.id));
  const byHost = new Map<number, { atMs: number; seq: number; change: HostStatusChange }[]>();
  let seq = 0;
  for (const row of [...prior.sort((a, b) => Number(a.id) - Number(b.id)), ...inRange]) {
    const hostId = Number(row.host_id);
    if (!wanted.has(hostId)) continue;
    let list = byHost.get(hostId);
    if (!list) byHost.set(hostId, (list = []));
    list.push({ atMs: msOf(row.at), seq: seq++, change: row.change });
  }
  return hosts.map((h) => ({
    name: h.name,
    labels: h.labels,
    revokedAtMs: h.revokedAtMs,
    changes: (byHost.get(h.id) ?? []).sort((a, b) => a.atMs - b.atMs || a.seq - b.seq).map(({ atMs, change }): StatusChange => ({ atMs, change })),
  }));
}
