/**
 * The command request the agent receives from its link, validated at this boundary.
 * Everything but `command` is data: it is never pasted into a shell.
 */
import { z } from 'zod';
import { attemptSchema, commandIdSchema } from '../../protocol/command.schema.js';
import { ExecError } from './exec-error.js';

/** Interpreters a command string can be handed to. */
export const INTERPRETERS = ['sh', 'bash', 'cmd', 'powershell'] as const;
export type InterpreterName = (typeof INTERPRETERS)[number];

/** Default cap on captured output, per stream. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
/** Largest `maxOutputBytes` a request may ask for, per stream. */
export const MAX_OUTPUT_BYTES_LIMIT = 16 * 1024 * 1024;
/** Longest timeout a request may ask for (one day). */
export const MAX_TIMEOUT_MS = 24 * 60 * 60 * 1000;
/**
 * Longest command string accepted. Linux caps one argument at 128 KiB; Windows caps a whole
 * command line at 32,767 characters (cmd.exe at 8,191), so long commands fail there at spawn.
 */
export const MAX_COMMAND_LENGTH = 65_536;

/** The one command-id rule is the wire protocol's (it becomes part of a spool file name). */
export { COMMAND_ID_PATTERN, commandIdSchema } from '../../protocol/command.schema.js';

const noNul = (value: string): boolean => !value.includes('\0');


export const commandRequestSchema = z
  .object({
    id: commandIdSchema,
    /** The job attempt this run answers; stored with the run and its result (absent for cron runs). */
    attempt: attemptSchema.optional(),
    /** The command line, handed to the interpreter as exactly one argument. */
    command: z.string().min(1).max(MAX_COMMAND_LENGTH).refine(noNul, 'command must not contain NUL'),
    /** @default 'sh' on POSIX, 'cmd' on Windows */
    interpreter: z.enum(INTERPRETERS).optional(),
    /** Working directory; must exist. @default the agent's working directory */
    cwd: z.string().min(1).refine(noNul, 'cwd must not contain NUL').optional(),
    /** Variables added to (or overriding) the agent's environment. */
    env: z
      .record(
        z.string().regex(/^[^=\0]+$/, 'environment variable names must not be empty or contain = or NUL'),
        z.string().refine(noNul, 'environment values must not contain NUL'),
      )
      .optional(),
    /** Wall-clock limit; on expiry the whole process tree is killed. */
    timeoutMs: z.number().int().positive().max(MAX_TIMEOUT_MS),
    /** Cap on captured bytes per stream. @default 1 MiB (DEFAULT_MAX_OUTPUT_BYTES) */
    maxOutputBytes: z.number().int().positive().max(MAX_OUTPUT_BYTES_LIMIT).optional(),
  })
  .strict();

export type CommandRequest = z.infer<typeof commandRequestSchema>;

/** Validates an untrusted request; throws `ExecError` `INVALID_REQUEST` listing every problem. */
export function parseCommandRequest(input: unknown): CommandRequest {
  const parsed = commandRequestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`);
  throw new ExecError('INVALID_REQUEST', `invalid command request: ${problems.join('; ')}`, { cause: parsed.error });
}
