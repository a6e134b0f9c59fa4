import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from '../protocol/error-codes.js';

/** The vocabulary lives in protocol/ (the agent reads it too). */
export { ERROR_CODES, type ErrorCode };

const PUBLIC_CODES = new Set<string>(ERROR_CODES);

/** A refusal or failure whose message is meant for the caller. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'sign in first: no valid session token') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const badInput = (message: string, extra?: Record<string, unknown>) => new AppError('BAD_USER_INPUT', message, extra);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);

/**
 * The one place errors are mapped for clients: known codes pass with their message, everything
 * else (SQL errors, bugs, stack traces) is masked and handed to `log`.
 */
export function maskError(formatted: GraphQLFormattedError, original: unknown, log: (err: unknown) => void): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log(original);
  return { message: 'internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
