/**
 * Commands between server and agent: the one command-id rule, the attempt number, one
 * instruction member per action (top-level members of the instruction union, discriminated by
 * `kind`) and the one result shape (stored in the agent's spool, reported to the server).
 */
import { z } from 'zod';

/** Most bytes of stdout or stderr a result carries (the agent caps at 1 MiB by default). */
export const MAX_COMMAND_OUTPUT_CHARS = 1024 * 1024;
/** A command result report as JSON text, checked before parsing. */
export const MAX_COMMAND_REPORT_BYTES = 3 * 1024 * 1024;

/**
 * The one command-id rule: the idempotency key of one command on one host. It becomes part of
 * a file name (the agent's result spool), so it is letters, digits, `.`, `_` and `-`, starts
 * with a letter or digit, and is at most 128 characters. The server's job targets use the
 * form `t<targetId>` ({@link jobCommandId}); the agent's cron runs use their own names.
 */
export const COMMAND_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const commandIdSchema = z.string().regex(COMMAND_ID_PATTERN, 'command id must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}');

/** The command id of a job target, as the server sends it. */
export const jobCommandId = (targetId: number): string => `t${targetId}`;
/** A command id the server issued for a job target: a {@link commandIdSchema} of the form `t<targetId>`. */
export const jobCommandIdSchema = commandIdSchema.regex(/^t\d{1,18}$/, 'id must be t<number>');

export const COMMAND_STATUSES = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

/**
 * Which execution of a job target a message is about: 1 for the first dispatch. The server sends
 * it with the command and keeps it on the target; re-sending the same command (redelivery after
 * a reconnect, a re-ask past the deadline) keeps it, so the agent answers from its spool or its
 * running execution. A result or start report is accepted only for the attempt the target was
 * last sent as.
 */
export const MAX_ATTEMPT = 1_000_000;
export const attemptSchema = z.int().min(1).max(MAX_ATTEMPT);

const resultFields = {
  id: commandIdSchema,
  /** The attempt this result answers (absent for cron runs and for results spooled before attempts existed). */
  attempt: attemptSchema.optional(),
  status: z.enum(COMMAND_STATUSES),
  /** The process's exit code; -1 when it never started or was ended by a signal. */
  exitCode: z.number().int().min(-1).max(2 ** 32),
  /** The signal that ended the process, when one did (e.g. `SIGTERM`). */
  signal: z.string().optional(),
  /** Captured standard output, UTF-8, at most `maxOutputBytes` bytes. */
  stdout: z.string(),
  stderr: z.string(),
  /** True when the stream produced more than `maxOutputBytes` and the rest was discarded. */
  stdoutTruncated: z.boolean(),
  stderrTruncated: z.boolean(),
  /** ISO-8601 time the start was attempted. */
  startedAt: z.string().max(40),
  /** ISO-8601 time the result was decided. */
  finishedAt: z.string().max(40),
  durationMs: z.number().int().min(0),
  /** Why the command could not start or was interrupted, in words. */
  error: z.string().optional(),
};

/** One run's result as the agent keeps it (its spool, strict: written and read by the agent). */
export const commandResultSchema = z.strictObject(resultFields);
export type CommandResult = z.infer<typeof commandResultSchema>;

/** A result as the agent reports it: a job target's id, output capped (unknown fields dropped). */
export const commandResultReportSchema = z.object({
  ...resultFields,
  id: jobCommandIdSchema,
  /** An agent older than attempts sends none: it can only be answering the first. */
  attempt: attemptSchema.default(1),
  signal: z.string().max(16).optional(),
  stdout: z.string().max(MAX_COMMAND_OUTPUT_CHARS),
  stderr: z.string().max(MAX_COMMAND_OUTPUT_CHARS),
  error: z.string().max(1024).optional(),
});
export type CommandResultReport = z.infer<typeof commandResultReportSchema>;

/** The agent began running a job target's command (`reportCommandStarted(id, attempt)`). */
export const commandStartedReportSchema = z.object({ id: jobCommandIdSchema, attempt: attemptSchema.optional() });
export type CommandStartedReport = z.infer<typeof commandStartedReportSchema>;

/** Where the agent downloads an artifact from, and what it must hash to. */
export const artifactDownloadSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  md5: z.string().regex(/^[0-9a-f]{32}$/),
  url: z.string().min(1).max(4096),
});
export type ArtifactDownload = z.infer<typeof artifactDownloadSchema>;

const payloadBase = { timeoutMs: z.number().int().positive(), attempt: attemptSchema };

/** One command member of the server → agent instruction union: `{ id, kind, payload }`, `id` the target's command id. */
const command = <K extends string, P extends z.ZodRawShape>(kind: K, payload: P) =>
  z.object({ id: jobCommandIdSchema, kind: z.literal(kind), payload: z.object({ ...payloadBase, ...payload }) });

/**
 * What the server asks an agent to do for a job target: one member of the instruction union
 * (see `instruction.schema.ts`) per action, each with exactly its fields. `id` is the target's
 * command id (the agent's idempotency key). To add an action, add a member here; the agent's
 * and the server's exhaustive switches then say where it is missing.
 */
export const commandInstructionSchema = z.discriminatedUnion('kind', [
  command('SHELL', {
    command: z.string().min(1).max(65_536),
    interpreter: z.enum(['sh', 'bash', 'cmd', 'powershell']).optional(),
    cwd: z.string().max(1024).optional(),
    env: z.record(z.string(), z.string()).optional(),
  }),
  command('RESTART_PROCESS', { processName: z.string().min(1).max(128) }),
  command('COLLECT_INVENTORY', {}),
  command('SET_PASSWORD', { username: z.string().min(1).max(128), password: z.string().max(1024) }),
  command('DOWNLOAD', { artifact: artifactDownloadSchema, path: z.string().min(1).max(4096), mode: z.string().max(8).optional() }),
  command('UPGRADE_AGENT', { artifact: artifactDownloadSchema }),
]);
export type CommandInstruction = z.infer<typeof commandInstructionSchema>;
export type CommandKind = CommandInstruction['kind'];
/** Every command action, in the union's order. */
export const COMMAND_KINDS = commandInstructionSchema.options.map((o) => o.shape.kind.value) as readonly CommandKind[];
/** The member of {@link CommandInstruction} for one action. */
export type CommandInstructionOf<K extends CommandKind> = Extract<CommandInstruction, { kind: K }>;

/** True for the instruction kinds that are commands (type guard over any `{ kind }`). */
export function isCommandKind(kind: string): kind is CommandKind {
  return (COMMAND_KINDS as readonly string[]).includes(kind);
}

/**
 * A job's command before it is addressed to a target: no `id`, no `attempt` (distributed over
 * the union's members). The server validates one per job and dispatch step and addresses it
 * per target with {@link addressCommand}.
 */
export type CommandTemplate = CommandInstruction extends infer T ? (T extends { kind: infer K; payload: infer P } ? { kind: K; payload: Omit<P, 'attempt'> } : never) : never;

/** The instruction for one target: `template` with its command id and the attempt it is sent as. */
export function addressCommand(template: CommandTemplate, id: string, attempt: number): CommandInstruction {
  return { id, kind: template.kind, payload: { ...template.payload, attempt } } as CommandInstruction;
}
