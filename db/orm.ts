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
  /** Where the ORM's own messages (migrations applied, SQL in debug) go. @default dropped */
  readonly log?: (message: string) => void;
}

/** MikroORM options for a target, shared by the server, the CLI and the migration generator. */
export function ormOptions(target: DatabaseTarget, opts: OpenDatabaseOptions = {}): Options {
  const common = {
    entities: ENTITIES,
    extensions: [Migrator],
    debug: opts.debug ?? false,
    logger: opts.log ?? (() => undefined),
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
    // MySQL commits DDL implicitly, so a transaction there would only pretend to be atomic.
    transactional: dialect === 'sqlite',
    allOrNothing: dialect === 'sqlite',
    // Only db/make-migration.ts turns snapshots on: running migrations must not write files.
    snapshot: false,
    snapshotName: '.snapshot',
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
    // WAL with NORMAL sync: commits survive a crash of the process; a power loss may lose the last
    // few, never consistency. FULL would fsync every heartbeat.
    await conn.execute('PRAGMA synchronous = NORMAL');
    await conn.execute('PRAGMA foreign_keys = ON');
  }
  return orm;
}

/** Applies pending migrations; returns the names applied. */
export async function migrateDatabase(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/**
 * The live schema as DDL text, one entry per table and index, normalized so two databases built
 * different ways (migrations vs. straight from the entities) compare equal when they match.
 */
export async function describeSchema(orm: Orm): Promise<Record<string, string>> {
  const conn = orm.em.getConnection();
  const out: Record<string, string> = {};
  if (orm.config.get('driver') === BetterSqliteDriver) {
    const rows = await conn.execute<{ name: string; sql: string }[]>(`select name, sql from sqlite_master where sql is not null and name not like 'sqlite_%' and name != 'ioms_migrations'`);
    for (const r of rows) out[r.name] = r.sql.replace(/\s+/g, ' ');
    return out;
  }
  const tables = await conn.execute<{ name: string }[]>(`select table_name as name from information_schema.tables where table_schema = database() and table_name != 'ioms_migrations'`);
  for (const t of tables) {
    const [row] = await conn.execute<Record<string, string>[]>(`show create table \`${t.name}\``);
    out[t.name] = String(row?.['Create Table'] ?? '').replace(/ AUTO_INCREMENT=\d+/, '');
  }
  return out;
}

/** Creates the schema straight from the entities (tests compare it with the migrated one). */
export async function createSchemaFromEntities(orm: Orm): Promise<void> {
  await orm.getSchemaGenerator().createSchema();
}
