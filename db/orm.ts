import fs from 'node:fs';
import path from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { MySqlDriver } from '@mikro-orm/mysql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities/index.js';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { MYSQL_MIGRATIONS } from './migrations/mysql/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

export type Orm = MikroORM;

export interface OpenDatabaseOptions {
  /** Log SQL (debug aid). @default false */
  readonly debug?: boolean;
}

/** MikroORM options for a target, shared by the server, the CLI and the migration generator. */
export function ormOptions(target: DatabaseTarget, opts: OpenDatabaseOptions = {}): Options {
  const common = {
    entities: ENTITIES,
    extensions: [Migrator],
    debug: opts.debug ?? false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
  } satisfies Options;
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') fs.mkdirSync(path.dirname(target.path), { recursive: true });
    return {
      ...common,
      driver: BetterSqliteDriver,
      dbName: target.path,
      migrations: migrationOptions('sqlite'),
      pool: { min: 1, max: 1 },
    };
  }
  return {
    ...common,
    driver: MySqlDriver,
    clientUrl: target.clientUrl,
    dbName: target.dbName,
    timezone: '+00:00',
    migrations: migrationOptions('mysql'),
    pool: { min: 0, max: 10 },
  };
}

function migrationOptions(dialect: DatabaseTarget['dialect']): Options['migrations'] {
  const dir = path.join(import.meta.dirname, 'migrations', dialect);
  return {
    tableName: 'ioms_migrations',
    migrationsList: dialect === 'sqlite' ? SQLITE_MIGRATIONS : MYSQL_MIGRATIONS,
    path: dir,
    pathTs: dir,
    transactional: true,
    allOrNothing: true,
    snapshot: false,
    emit: 'ts',
  };
}

/** Connects to the database named by `url`; the caller closes it. */
export async function openDatabase(url: string, opts: OpenDatabaseOptions = {}): Promise<Orm> {
  const target = parseDatabaseUrl(url);
  const orm = await MikroORM.init(ormOptions(target, opts));
  if (target.dialect === 'sqlite') {
    const conn = orm.em.getConnection();
    await conn.execute('PRAGMA journal_mode = WAL');
    await conn.execute('PRAGMA busy_timeout = 5000');
    await conn.execute('PRAGMA foreign_keys = ON');
  }
  return orm;
}

/** Applies pending migrations; returns the names applied. */
export async function migrateDatabase(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** The SQL that would still be needed to make the schema match the entities ('' when it matches). */
export async function schemaDrift(orm: Orm): Promise<string> {
  const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false });
  return sql.trim();
}
