import type { EntityManager } from '@mikro-orm/core';

/** Rows per multi-row INSERT: 500 rows of a dozen columns stay far below both dialects' parameter limits. */
export const INSERT_CHUNK = 500;

/** A column value for raw SQL, as the dialect stores it (SQLite: dates as epoch ms, booleans as 0/1; JSON as text). */
export function sqlValue(em: EntityManager, v: unknown): unknown {
  if (v instanceof Date) return em.getPlatform().processDateProperty(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v ?? null;
}

/**
 * `INSERT INTO table (columns…) VALUES (…), (…) …`, one statement per {@link INSERT_CHUNK} rows,
 * through the caller's transaction when there is one. For the hot paths that write a row per
 * target or per event: no entity, change set or identity map per row. `columns` are database
 * column names; each row gives their values in that order.
 */
export async function insertRows(em: EntityManager, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const conn = em.getConnection();
  const platform = em.getPlatform();
  const head = `insert into ${platform.quoteIdentifier(table)} (${columns.map((c) => platform.quoteIdentifier(c)).join(', ')}) values `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const part = rows.slice(i, i + INSERT_CHUNK);
    const params: unknown[] = [];
    for (const row of part) for (const v of row) params.push(sqlValue(em, v));
    await conn.execute(head + part.map(() => tuple).join(', '), params, 'run', em.getTransactionContext());
  }
}
