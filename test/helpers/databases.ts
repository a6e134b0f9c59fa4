import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

/** One database a test can run against, created for it and dropped afterwards. */
export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export interface CreateOptions {
  /**
   * No tables at all, for the tests of the migrations themselves. Otherwise a MySQL database
   * comes with the migrated schema already (see {@link databaseKinds}). @default false
   */
  readonly empty?: boolean;
}

export interface DatabaseKind {
  readonly name: 'sqlite' | 'mysql';
  create(opts?: CreateOptions): Promise<TestDatabase>;
}

/**
 * SQLite always; MySQL/MariaDB too when IOMS_TEST_MYSQL_URL names a server
 * (e.g. mysql://root@127.0.0.1:3306/ioms_test). Each `create` makes a fresh database,
 * so test files can run in parallel.
 *
 * A SQLite database starts empty: whoever opens it migrates it (the server, `openMetricsDb`, …),
 * in well under a second. Migrating MariaDB takes seconds, so a MySQL database is a copy of a
 * template migrated once per set of migrations (`<prefix>_tpl_<hash of db/migrations/mysql>`,
 * kept on the server for the next run): the same `SHOW CREATE TABLE` statements and the
 * `ioms_migrations` rows, so the migrations that still run on it find nothing to do.
 * test/db/migrations.test.ts checks that a copy has exactly the migrated schema.
 */
export function databaseKinds(): DatabaseKind[] {
  const kinds: DatabaseKind[] = [{ name: 'sqlite', create: createSqlite }];
  const mysqlUrl = process.env.IOMS_TEST_MYSQL_URL;
  if (mysqlUrl) kinds.push({ name: 'mysql', create: (opts) => createMysql(mysqlUrl, opts) });
  return kinds;
}

async function createSqlite(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-test-db-'));
  return { url: `sqlite:${path.join(dir, 'ioms.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function createMysql(baseUrl: string, opts: CreateOptions = {}): Promise<TestDatabase> {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/^\//, '') || 'ioms_test';
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const server = new URL(baseUrl);
  server.pathname = '/';
  const schema = opts.empty ? [] : await templateSchema(server, prefix);
  const conn = await mysql.createConnection({ uri: server.toString(), multipleStatements: true });
  try {
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
    if (schema.length) await conn.query([`USE \`${name}\``, 'SET FOREIGN_KEY_CHECKS = 0', ...schema, 'SET FOREIGN_KEY_CHECKS = 1'].join(';\n'));
  } finally {
    await conn.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await mysql.createConnection(server.toString());
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

const MYSQL_MIGRATIONS_DIR = path.join(import.meta.dirname, '..', '..', 'db', 'migrations', 'mysql');
let templateStatements: Promise<string[]> | undefined;

/**
 * The statements that give a new database the template's schema and rows, building the
 * template first when this set of migrations has none yet (one builder at a time across
 * processes: a MySQL named lock). Read once per process.
 */
function templateSchema(server: URL, prefix: string): Promise<string[]> {
  templateStatements ??= (async () => {
    const files = fs.readdirSync(MYSQL_MIGRATIONS_DIR).filter((f) => f.endsWith('.ts')).sort();
    const hash = crypto.createHash('sha256');
    for (const f of files) hash.update(f).update('\0').update(fs.readFileSync(path.join(MYSQL_MIGRATIONS_DIR, f))).update('\0');
    const template = `${prefix}_tpl_${hash.digest('hex').slice(0, 12)}`;
    const conn = await mysql.createConnection(server.toString());
    try {
      await conn.query('SELECT GET_LOCK(?, 300)', [template]);
      try {
        await ensureTemplate(conn, server, template);
      } finally {
        await conn.query('SELECT RELEASE_LOCK(?)', [template]);
      }
      const [tables] = await conn.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = ? ORDER BY table_name', [template, 'BASE TABLE']);
      const statements: string[] = [];
      for (const { name } of tables as { name: string }[]) {
        const [rows] = await conn.query(`SHOW CREATE TABLE \`${template}\`.\`${name}\``);
        statements.push(String((rows as Record<string, string>[])[0]!['Create Table']).replace(/ AUTO_INCREMENT=\d+/, ''));
        const [[{ n }]] = (await conn.query(`SELECT COUNT(*) AS n FROM \`${template}\`.\`${name}\``)) as unknown as [[{ n: number }]];
        if (Number(n) > 0) statements.push(`INSERT INTO \`${name}\` SELECT * FROM \`${template}\`.\`${name}\``);
      }
      return statements;
    } finally {
      await conn.end();
    }
  })();
  return templateStatements;
}

/** Migrates `template` unless it is there with every migration applied (a build cut short is redone). */
async function ensureTemplate(conn: mysql.Connection, server: URL, template: string): Promise<void> {
  const { MYSQL_MIGRATIONS } = await import('../../db/migrations/mysql/index.js');
  try {
    const [[{ n }]] = (await conn.query(`SELECT COUNT(*) AS n FROM \`${template}\`.ioms_migrations`)) as unknown as [[{ n: number }]];
    if (Number(n) === MYSQL_MIGRATIONS.length) return;
  } catch {
    // no template yet
  }
  await conn.query(`DROP DATABASE IF EXISTS \`${template}\``);
  await conn.query(`CREATE DATABASE \`${template}\` CHARACTER SET utf8mb4`);
  const { migrateDatabase, openDatabase } = await import('../../db/orm.js');
  const url = new URL(server);
  url.pathname = `/${template}`;
  const orm = await openDatabase(url.toString());
  try {
    await migrateDatabase(orm);
  } finally {
    await orm.close(true);
  }
}
