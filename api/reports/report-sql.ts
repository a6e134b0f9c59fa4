import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { sqlNames, type SqlNames } from '../metrics/sql-columns.js';

/**
 * The few places where report SQL differs between SQLite and MySQL/MariaDB: how a DATETIME is
 * bound (SQLite stores epoch milliseconds) and how it is cut to its UTC day (`YYYY-MM-DD`; MySQL
 * sessions run in UTC, see db/orm.ts).
 */
export interface ReportSql {
  readonly sqlite: boolean;
  readonly names: <T extends object>(entity: abstract new () => T) => SqlNames<T>;
  readonly date: (d: Date) => Date | number;
  readonly day: (column: string) => string;
  /** The whole part of a non-negative number (SQLite has no FLOOR without its math extension). */
  readonly floor: (expr: string) => string;
  /**
   * Ends a GROUP BY whose rows need no order: MariaDB sorts grouped rows unless told not to
   * (`ORDER BY NULL`), which for tens of thousands of groups costs as much as the grouping.
   */
  readonly unordered: string;
  /** Rows of one statement; BIGINT aggregates may come back as strings (MySQL). */
  readonly rows: <R>(sql: string, params: readonly unknown[]) => Promise<R[]>;
}

export function reportSql(em: EntityManager): ReportSql {
  const sqlite = em.getPlatform().constructor.name.toLowerCase().includes('sqlite');
  const conn = em.getConnection() as AbstractSqlConnection;
  const orm = { getMetadata: () => em.getMetadata(), em } as unknown as Parameters<typeof sqlNames>[0];
  return {
    sqlite,
    unordered: sqlite ? '' : ' ORDER BY NULL',
    names: (entity) => sqlNames(orm, entity),
    date: (d) => (sqlite ? d.getTime() : d),
    floor: (expr) => (sqlite ? `CAST(${expr} AS INTEGER)` : `FLOOR(${expr})`),
    day: (column) => (sqlite ? `strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')` : `DATE_FORMAT(${column}, '%Y-%m-%d')`),
    rows: <R,>(sql: string, params: readonly unknown[]) => conn.execute<R[]>(sql, [...params], 'all', em.getTransactionContext()),
  };
}

/** `YYYY-MM-DD` (a UTC day) → its start in epoch ms. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function num(v: number | string | null | undefined): number {
  return v === null || v === undefined ? 0 : Number(v);
}

/** Milliseconds from a DATETIME column read raw (SQLite: epoch ms; MySQL: a Date). */
export function msOf(v: Date | number | string): number {
  return v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v.includes('T') || v.endsWith('Z') ? v : `${v.replace(' ', 'T')}Z`);
}
