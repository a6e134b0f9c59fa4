import crypto from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { MySqlPlatform, type AbstractSqlConnection } from '@mikro-orm/knex';

/** Releases a held lock; never rejects. */
export type ReleaseLock = () => Promise<void>;

/** A cluster-wide "only one replica at a time" guard for a chore. */
export interface MaintenanceLock {
  /** Takes the lock without waiting; undefined when another holder has it. */
  tryAcquire(): Promise<ReleaseLock | undefined>;
}

export const METRICS_MAINTENANCE_LOCK = 'ioms:metrics-maintenance';

/**
 * On MySQL/MariaDB a named lock (`GET_LOCK(name, 0)`), shared by every replica on the same
 * database. On SQLite there is a single server process, so the lock is always granted.
 */
export function maintenanceLockFor(orm: MikroORM, name = METRICS_MAINTENANCE_LOCK): MaintenanceLock {
  return orm.em.getPlatform() instanceof MySqlPlatform ? new MySqlNamedLock(orm, lockNameFor(name, orm.config.get('dbName') ?? '')) : { tryAcquire: async () => async () => undefined };
}

/** MySQL's limit on a lock name's length. */
const MAX_LOCK_NAME_LENGTH = 64;

/**
 * A named lock is global to the MySQL server, not to one database: two clusters (or test runs)
 * with their own databases on one server would otherwise skip each other's chores. So the name
 * carries the database: `ioms:job-tick@ioms`, or a digest of the database name when that is too long.
 */
export function lockNameFor(chore: string, database: string): string {
  const plain = `${chore}@${database}`;
  if (plain.length <= MAX_LOCK_NAME_LENGTH) return plain;
  return `${chore}@${crypto.createHash('sha256').update(database).digest('hex').slice(0, MAX_LOCK_NAME_LENGTH - chore.length - 1)}`;
}

/**
 * A MySQL named lock belongs to the session that took it, and the pool hands out a different
 * session per statement. So the lock is taken inside an otherwise empty transaction, which
 * pins one pooled connection until release. If that connection dies, the server frees the lock.
 */
export class MySqlNamedLock implements MaintenanceLock {
  constructor(
    private readonly orm: MikroORM,
    readonly name: string,
  ) {}

  async tryAcquire(): Promise<ReleaseLock | undefined> {
    const knex = (this.orm.em.getConnection() as AbstractSqlConnection).getKnex();
    const trx = await knex.transaction();
    let got = false;
    try {
      const [rows] = (await trx.raw('SELECT GET_LOCK(?, 0) AS got', [this.name])) as [{ got: number | string | null }[]];
      got = Number(rows[0]?.got) === 1;
    } finally {
      if (!got) await trx.commit().catch(() => undefined);
    }
    if (!got) return undefined;
    return async () => {
      await trx.raw('SELECT RELEASE_LOCK(?)', [this.name]).catch(() => undefined);
      await trx.commit().catch(() => undefined);
    };
  }
}
