/**
 * What one run of a command produced. Stored in the result spool and reported to the server;
 * validated with zod when read back from disk.
 */
import { z } from 'zod';
import { commandIdSchema } from './command-request.schema.js';

/**
 * Terminal states of a run:
 * - `SUCCEEDED`: exited with code 0.
 * - `FAILED`: exited non-zero, died of a signal nobody sent, never started (exitCode -1 and
 *   `error`), or was interrupted by an agent restart.
 * - `TIMED_OUT`: the timeout expired and the process tree was killed.
 * - `CANCELLED`: the caller aborted the run and the process tree was killed.
 */
export const COMMAND_STATUSES = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

/** `exitCode` when the process never started or ended without an exit code (killed by a signal). */
export const NO_EXIT_CODE = -1;

export const commandResultSchema = z
  .object({
    id: commandIdSchema,
    status: z.enum(COMMAND_STATUSES),
    /** The process's exit code; -1 when it never started or was ended by a signal. */
    exitCode: z.number().int(),
    /** The signal that ended the process, when one did (e.g. `SIGTERM`). */
    signal: z.string().optional(),
    /** Captured standard output, UTF-8, at most `maxOutputBytes` bytes. */
    stdout: z.string(),
    stderr: z.string(),
    /** True when the stream produced more than `maxOutputBytes` and the rest was discarded. */
    stdoutTruncated: z.boolean(),
    stderrTruncated: z.boolean(),
    /** ISO-8601 time the start was attempted. */
    startedAt: z.string(),
    /** ISO-8601 time the result was decided. */
    finishedAt: z.string(),
    durationMs: z.number().int().nonnegative(),
    /** Why the command could not start or was interrupted, in words. */
    error: z.string().optional(),
  })
  .strict();

export type CommandResult = z.infer<typeof commandResultSchema>;

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
