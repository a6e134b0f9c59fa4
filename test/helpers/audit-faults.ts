import type { MikroORM } from '@mikro-orm/core';

/**
 * Makes `audit_events` refuse every insert on the real database (a trigger), the way a full
 * disk, a revoked grant or a broken replica would. Returns the undo.
 */
export async function auditUnwritable(orm: MikroORM): Promise<() => Promise<void>> {
  const conn = orm.em.getConnection();
  const mysql = orm.config.get('driver')?.name === 'MySqlDriver';
  if (mysql) await conn.execute("create trigger audit_unwritable before insert on audit_events for each row signal sqlstate '45000' set message_text = 'audit log unwritable (test)'");
  else await conn.execute("create trigger audit_unwritable before insert on audit_events begin select raise(abort, 'audit log unwritable (test)'); end");
  return async () => {
    await conn.execute('drop trigger audit_unwritable');
  };
}

/**
 * Every row of every entity table, as plain JSON, for "nothing changed" assertions. Volatile
 * columns nobody's change should be judged by (a session's last use) are left out.
 */
export async function databaseSnapshot(orm: MikroORM): Promise<Record<string, unknown[]>> {
  const conn = orm.em.getConnection();
  const out: Record<string, unknown[]> = {};
  const tables = [...new Set(Object.values(orm.getMetadata().getAll()).map((m) => m.tableName))].sort();
  for (const table of tables) {
    const rows = (await conn.execute(`select * from ${table}`)) as Record<string, unknown>[];
    out[table] = rows
      .map((r) => {
        const { last_used_at: _lastUsed, ...rest } = r;
        return JSON.stringify(rest);
      })
      .sort();
  }
  return out;
}
