import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

/** One database a test can run against, created empty and dropped afterwards. */
export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export interface DatabaseKind {
  readonly name: 'sqlite' | 'mysql';
  create(): Promise<TestDatabase>;
}

/**
 * SQLite always; MySQL/MariaDB too when IOMS_TEST_MYSQL_URL names a server
 * (e.g. mysql://root@127.0.0.1:3306/ioms_test). Each `create` makes a fresh database,
 * so test files can run in parallel.
 */
export function databaseKinds(): DatabaseKind[] {
  const kinds: DatabaseKind[] = [{ name: 'sqlite', create: createSqlite }];
  const mysqlUrl = process.env.IOMS_TEST_MYSQL_URL;
  if (mysqlUrl) kinds.push({ name: 'mysql', create: () => createMysql(mysqlUrl) });
  return kinds;
}

async function createSqlite(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-test-db-'));
  return { url: `sqlite:${path.join(dir, 'ioms.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function createMysql(baseUrl: string): Promise<TestDatabase> {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/^\//, '') || 'ioms_test';
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const server = new URL(baseUrl);
  server.pathname = '/';
  const conn = await mysql.createConnection(server.toString());
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await conn.end();
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
