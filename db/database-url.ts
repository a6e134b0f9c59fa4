import path from 'node:path';

/** Where the data lives, parsed from `IOMS_DATABASE_URL`. */
export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | { readonly dialect: 'mysql'; readonly clientUrl: string; readonly dbName: string };

export class DatabaseUrlError extends Error {
  readonly code = 'BAD_DATABASE_URL';
}

/** @default 'sqlite:.ioms/ioms.db' — the embedded, zero-setup database. */
export const DEFAULT_DATABASE_URL = 'sqlite:.ioms/ioms.db';

/**
 * `sqlite:PATH` (relative paths resolve against `cwd`; `sqlite::memory:` for tests) or
 * `mysql://user:pass@host:port/db` (MariaDB 10.11+ and MySQL 8).
 */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) throw new DatabaseUrlError(`no file in database URL "${url}" (use sqlite:PATH)`);
    return { dialect: 'sqlite', path: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  if (url.startsWith('mysql:') || url.startsWith('mariadb:')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseUrlError(`database URL "${redactUrl(url)}" is not a valid URL`);
    }
    const dbName = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!/^[A-Za-z0-9_$-]{1,64}$/.test(dbName)) {
      throw new DatabaseUrlError(`database URL "${redactUrl(url)}" needs a database name, e.g. mysql://root@127.0.0.1:3306/ioms`);
    }
    parsed.protocol = 'mysql:';
    parsed.pathname = '/';
    return { dialect: 'mysql', clientUrl: parsed.toString().replace(/\/$/, ''), dbName };
  }
  throw new DatabaseUrlError(`unsupported database URL "${redactUrl(url)}": use sqlite:PATH or mysql://user:pass@host:port/db`);
}

/** The URL with its password replaced, for logs and errors. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}
