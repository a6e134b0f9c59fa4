import { AgentChangeRecord, CronRunRecord, ProcessRestartRecord, type EventCountSource } from '../../db/entities/index.js';
import type { SqlNames } from './sql-columns.js';

const DAY_MS = 86_400_000;

/** Which columns of an event table are counted: host, item, time and status (and a second status column). */
interface TypedSpec<T extends object> {
  readonly entity: abstract new () => T;
  readonly host: keyof T & string;
  readonly item: keyof T & string;
  readonly at: keyof T & string;
  readonly status: keyof T & string;
  /** Grouped with `status`; the counted status is then `STATUS|DETAIL`. */
  readonly detail?: keyof T & string;
}

/** A source's spec with its property names checked against the entity, then kept as plain names. */
export type EventCountSpec = TypedSpec<Record<string, unknown>>;
const spec = <T extends object>(s: TypedSpec<T>): EventCountSpec => s as unknown as EventCountSpec;

/** Each counted source's table and columns, the one place they are named. */
export const EVENT_COUNT_SPECS: Readonly<Record<EventCountSource, EventCountSpec>> = {
  restart: spec<ProcessRestartRecord>({ entity: ProcessRestartRecord, host: 'hostId', item: 'process', at: 'at', status: 'outcome' }),
  cron: spec<CronRunRecord>({ entity: CronRunRecord, host: 'hostId', item: 'name', at: 'startedAt', status: 'status' }),
  change: spec<AgentChangeRecord>({ entity: AgentChangeRecord, host: 'hostId', item: 'resource', at: 'at', status: 'kind', detail: 'outcome' }),
};

/** SQL of one source's table: the column names and the expressions both the chore and the reports group by. */
export interface EventCountSql {
  /** The table, unaliased. */
  readonly table: string;
  readonly id: string;
  readonly host: string;
  readonly item: string;
  /** The time column as stored (bind bounds with the dialect's date form). */
  readonly at: string;
  /** `status`, or `status|detail`. */
  readonly status: string;
  /** Epoch ms of the time column. */
  readonly atMs: string;
  /** Epoch ms of the start of the time column's UTC day. */
  readonly dayMs: string;
}

/**
 * The expressions for one source, its columns qualified by `alias` (the table's alias in the
 * query). SQLite stores DATETIME as epoch ms; on MySQL/MariaDB the difference from the epoch is
 * plain calendar arithmetic on the stored UTC wall clock (no session time zone is involved).
 */
export function eventCountSql(names: SqlNames<Record<string, unknown>>, s: EventCountSpec, sqlite: boolean, alias: string): EventCountSql {
  const col = (prop: string) => `${alias}.${names.col(prop)}`;
  const at = col(s.at);
  const concat = (a: string, b: string) => (sqlite ? `${a} || '|' || ${b}` : `CONCAT(${a}, '|', ${b})`);
  return {
    table: names.table,
    id: col('id'),
    host: col(s.host),
    item: col(s.item),
    at,
    status: s.detail === undefined ? col(s.status) : concat(col(s.status), col(s.detail)),
    atMs: sqlite ? at : `(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', ${at}) DIV 1000)`,
    dayMs: sqlite ? `(${at} - ${at} % ${DAY_MS})` : `(TIMESTAMPDIFF(DAY, '1970-01-01 00:00:00', ${at}) * ${DAY_MS})`,
  };
}
