/**
 * Typed errors of the agent's command runner. Every error carries a stable `code`
 * so callers (the agent's link) can map it without matching on message text.
 */

/** Closed set of failure codes raised by `agent/exec`. */
export type ExecErrorCode =
  /** A command request failed schema validation (bad id, empty command, ...). */
  | 'INVALID_REQUEST'
  /** An id cannot be used as an idempotency key / file name. */
  | 'INVALID_ID'
  /** Reading or writing the result spool failed. */
  | 'SPOOL_IO'
  /** A limiter was configured with a limit that is not a positive integer. */
  | 'INVALID_LIMIT'
  /** A task was aborted while it waited for a limiter slot; it never ran. */
  | 'ABORTED';

/** An error raised by `agent/exec`, with a machine-readable `code`. */
export class ExecError extends Error {
  override readonly name = 'ExecError';
  readonly code: ExecErrorCode;

  constructor(code: ExecErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
