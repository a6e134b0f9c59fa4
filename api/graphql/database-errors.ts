import type { GraphQLFormattedError } from 'graphql';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'SQLITE_BUSY']);

/** True when `err` (or a cause) says the database could not be reached, rather than a bug. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown } | undefined, depth = 0; e && depth < 6; depth++) {
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && /Timeout acquiring a connection|connect ECONNREFUSED|Connection lost|Can't connect to|database is locked/i.test(e.message)) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

/** The client's view of an operation that failed because the database is away: retry later; nothing was changed. */
export function databaseUnavailable(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { message: 'the database is unavailable; nothing was changed — try again shortly', locations: formatted.locations, path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE' } };
}
