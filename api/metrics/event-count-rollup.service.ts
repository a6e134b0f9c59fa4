import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { EVENT_COUNT_SOURCES, EventCountMarkRecord, EventDayCountRecord, EventItemRecord, type EventCountSource } from '../../db/entities/index.js';
import { EVENT_COUNT_SPECS, eventCountSql, type EventCountSql } from './event-count-sources.js';
import { MetricsError } from './metrics-error.js';
import { sqlNames, type SqlNames } from './sql-columns.js';

/** Most source ids one pass counts per source; catching up on a long history takes several passes. @default 500000 */
export const MAX_IDS_PER_PASS = 500_000;

export interface EventCountRun {
  readonly source: EventCountSource;
  /** Rows with `fromId < id ≤ toId` were counted. */
  readonly fromId: number;
  readonly toId: number;
  /** Count rows inserted or updated. */
  readonly rows: number;
}

/**
 * Keeps `event_day_counts` (per source, UTC day, host, item and status: how many events and the
 * newest) in step with the event tables, for the restarts, cron and changes reports.
 *
 * Incremental by id: each pass notes the new rows' items in `event_items`, counts the rows
 * written since the last pass with one INSERT … SELECT … GROUP BY that adds to the existing
 * counts (upsert), and moves the source's
 * mark (`event_count_marks`) in the same transaction, so a re-run adds nothing twice. A row is
 * counted into the day of its own time, so a late event (an agent that was offline for days)
 * lands on its day. Ids are handed out before transactions commit, so a pass counts only up to
 * the highest id the *previous* pass saw: a row is counted one pass (about a minute) after it was
 * written, and a transaction still open while a pass looks is not skipped. Until then the reports
 * read those rows raw (every row above the mark), so their figures never lag.
 *
 * Runs in the metrics maintenance chore, under its lock. The same SQL runs on SQLite and MySQL.
 */
export class EventCountRollupService {
  private readonly c: SqlNames<EventDayCountRecord>;
  private readonly m: SqlNames<EventCountMarkRecord>;
  private readonly i: SqlNames<EventItemRecord>;
  private readonly sqlite: boolean;

  constructor(
    private readonly orm: MikroORM,
    private readonly maxIdsPerPass = MAX_IDS_PER_PASS,
  ) {
    this.c = sqlNames(orm, EventDayCountRecord);
    this.m = sqlNames(orm, EventCountMarkRecord);
    this.i = sqlNames(orm, EventItemRecord);
    this.sqlite = orm.em.getPlatform().constructor.name.toLowerCase().includes('sqlite');
  }

  /** One pass over every source. @throws MetricsError `METRICS_ROLLUP_FAILED` */
  async follow(): Promise<EventCountRun[]> {
    const runs: EventCountRun[] = [];
    for (const source of EVENT_COUNT_SOURCES) {
      const run = await this.countSource(source);
      if (run) runs.push(run);
    }
    return runs;
  }

  /** Counts one source's rows from its mark up to what the previous pass saw; undefined when there was nothing to count. */
  async countSource(source: EventCountSource): Promise<EventCountRun | undefined> {
    const { m } = this;
    const conn = this.orm.em.getConnection() as AbstractSqlConnection;
    const e = eventCountSql(sqlNames(this.orm, EVENT_COUNT_SPECS[source].entity as abstract new () => Record<string, unknown>), EVENT_COUNT_SPECS[source], this.sqlite, 'e');
    try {
      return await conn.transactional(async (trx) => {
        const rows = <R>(sql: string, params: unknown[]) => conn.execute<R[]>(sql, params, 'all', trx);
        const run = async (sql: string, params: unknown[]) => (await conn.execute<{ affectedRows: number }>(sql, params, 'run', trx)).affectedRows;
        const [mark] = await rows<{ counted: number | string; seen: number | string }>(`SELECT ${m.col('countedId')} AS counted, ${m.col('seenId')} AS seen FROM ${m.table} WHERE ${m.col('source')} = ?`, [source]);
        const [top] = await rows<{ max: number | string | null }>(`SELECT MAX(${e.id}) AS max FROM ${e.table} e`, []);
        const maxId = Number(top?.max ?? 0);
        if (!mark) {
          await run(`INSERT INTO ${m.table} (${m.col('source')}, ${m.col('countedId')}, ${m.col('seenId')}) VALUES (?, 0, ?)`, [source, maxId]);
          return undefined;
        }
        const fromId = Number(mark.counted);
        const toId = Math.max(fromId, Math.min(Number(mark.seen), fromId + this.maxIdsPerPass));
        let written = 0;
        if (toId > fromId) {
          await run(this.addItems(e), [source, fromId, toId]);
          written = await run(this.upsert(e), [source, source, fromId, toId]);
        }
        await run(`UPDATE ${m.table} SET ${m.col('countedId')} = ?, ${m.col('seenId')} = ? WHERE ${m.col('source')} = ?`, [toId, Math.max(maxId, toId), source]);
        return toId > fromId ? { source, fromId, toId, rows: written } : undefined;
      });
    } catch (cause) {
      throw new MetricsError('METRICS_ROLLUP_FAILED', `count ${source} events per day`, { cause });
    }
  }

  /** The items of the ids (?, ?] that `event_items` does not hold yet. */
  private addItems(e: EventCountSql): string {
    const { i } = this;
    const select = `SELECT DISTINCT ?, ${e.item} FROM ${e.table} e WHERE ${e.id} > ? AND ${e.id} <= ?`;
    return this.sqlite ? `INSERT OR IGNORE INTO ${i.table} (${i.col('source')}, ${i.col('item')}) ${select}` : `INSERT IGNORE INTO ${i.table} (${i.col('source')}, ${i.col('item')}) ${select}`;
  }

  /** INSERT … SELECT … GROUP BY of the ids (?, ?] that adds to the counts already there. */
  private upsert(e: EventCountSql): string {
    const { c, i } = this;
    const cols = [c.col('source'), c.col('dayStartMs'), c.col('hostId'), c.col('itemId'), c.col('status'), c.col('count'), c.col('lastMs')];
    const item = `i.${i.col('id')}`;
    const select = `SELECT ?, ${e.dayMs}, ${e.host}, ${item}, ${e.status}, COUNT(*), MAX(${e.atMs})
      FROM ${e.table} e JOIN ${i.table} i ON i.${i.col('source')} = ? AND i.${i.col('item')} = ${e.item}
      WHERE ${e.id} > ? AND ${e.id} <= ? GROUP BY ${e.dayMs}, ${e.host}, ${item}, ${e.status}`;
    const [count, last] = [c.col('count'), c.col('lastMs')];
    const onConflict = this.sqlite
      ? `ON CONFLICT (${cols.slice(0, 5).join(', ')}) DO UPDATE SET ${count} = ${count} + excluded.${count}, ${last} = MAX(${last}, excluded.${last})`
      : `ON DUPLICATE KEY UPDATE ${count} = ${count} + VALUES(${count}), ${last} = GREATEST(${last}, VALUES(${last}))`;
    return `INSERT INTO ${c.table} (${cols.join(', ')}) ${select} ${onConflict}`;
  }
}
