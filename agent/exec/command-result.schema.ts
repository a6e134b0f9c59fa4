/**
 * What one run of a command produced. Stored in the result spool and reported to the server;
 * validated with zod when read back from disk.
 */
import { type CommandResult, type CommandStatus } from '../../protocol/command.schema.js';

/**
 * Terminal states of a run:
 * - `SUCCEEDED`: exited with code 0.
 * - `FAILED`: exited non-zero, died of a signal nobody sent, never started (exitCode -1 and
 *   `error`), or was interrupted by an agent restart.
 * - `TIMED_OUT`: the timeout expired and the process tree was killed.
 * - `CANCELLED`: the caller aborted the run and the process tree was killed.
 *
 * The statuses and the result schema are the wire protocol's (one definition for the spool and
 * the report).
 */
export { COMMAND_STATUSES, commandResultSchema, type CommandResult, type CommandStatus } from '../../protocol/command.schema.js';

/** `exitCode` when the process never started or ended without an exit code (killed by a signal). */
export const NO_EXIT_CODE = -1;

/** Facts for {@link resultWithoutRun}. */
export interface ResultWithoutRunFacts {
  readonly id: string;
  readonly status: CommandStatus;
  readonly error: string;
  /** ISO-8601 */
  readonly startedAt: string;
  /** ISO-8601 */
  readonly finishedAt: string;
}

/** The result of a command that produced no process output: never started, cancelled early, or interrupted. */
export function resultWithoutRun(facts: ResultWithoutRunFacts): CommandResult {
  return {
    id: facts.id,
    status: facts.status,
    exitCode: NO_EXIT_CODE,
    stdout: '',
    stderr: '',
    stdoutTruncated: false,
    stderrTruncated: false,
    startedAt: facts.startedAt,
    finishedAt: facts.finishedAt,
    durationMs: Math.max(0, Date.parse(facts.finishedAt) - Date.parse(facts.startedAt)) || 0,
    error: facts.error,
  };
}
