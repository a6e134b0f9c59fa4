/**
 * The error codes a client of the server (the CLI, the dashboard, an agent) may see in a GraphQL
 * error's `extensions.code`. Anything else is an internal error and reaches the client only as
 * "internal server error". Declared here, beside the messages, so the agent can tell a final
 * refusal from a failure worth retrying without importing the server.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  /** The audit row of a change could not be written, so the change was not made. */
  'AUDIT_UNAVAILABLE',
  /** The database is unreachable; the request was not carried out. */
  'DATABASE_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Answers that sending the same report again cannot change: the server looked at it and said no
 * (a result for a command never sent to this host, or for another attempt; an unknown command).
 * Everything else — no answer, a database outage, a rate limit — is worth another try.
 */
export const FINAL_REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']);
