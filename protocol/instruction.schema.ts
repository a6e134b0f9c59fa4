/**
 * Every message the server sends an agent (the `agentInstructions` subscription): a union
 * discriminated by `kind`, validated by the agent at its edge ({@link parseInstruction}) and
 * built by the server only through the constructors below.
 *
 * - `DESIRED_STATE`: the host's whole desired state. Its `desired` member is checked here only
 *   as an object; its resource schema is `manifests/`' `desiredStateSchema`, which the agent
 *   applies next (see `manifests/desired-instruction.ts`, built on {@link desiredStatePayloadSchema}).
 * - one member per command action (`SHELL`, `RESTART_PROCESS`, `COLLECT_INVENTORY`,
 *   `SET_PASSWORD`, `DOWNLOAD`, `UPGRADE_AGENT`; `command.schema.ts`): one job target's command,
 *   `id` its command id, `payload` the action's fields with the timeout and the attempt.
 * - `PROCESS_LOGS` / `PROCESS_LOGS_STOP`: `ioms logs` (process-logs.schema.ts).
 *
 * To add a message (say, streaming a guarded process's log), add a member to
 * {@link instructionSchema} and a constructor; the agent's exhaustive switch fails to compile
 * until it handles the new kind.
 */
import { z } from 'zod';
import { artifactDownloadSchema, commandInstructionSchema, type CommandInstruction } from './command.schema.js';
import { processLogsRequestSchema, processLogsStopSchema, type ProcessLogsRequest } from './process-logs.schema.js';

/** The DESIRED_STATE payload's envelope (see the module comment for `desired`). */
export const desiredStatePayloadSchema = z.object({
  revision: z.int().nullable(),
  hash: z.string().max(128),
  desired: z.record(z.string(), z.unknown()),
  /** By artifact reference (`name` or `name@version`) as the files name it. */
  artifacts: z.record(z.string().max(512), artifactDownloadSchema).default({}),
});

export const instructionSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string().min(1).max(128), kind: z.literal('DESIRED_STATE'), payload: desiredStatePayloadSchema }),
  ...commandInstructionSchema.options,
  z.object({ id: z.string().min(1).max(128), kind: z.literal('PROCESS_LOGS'), payload: processLogsRequestSchema }),
  z.object({ id: z.string().min(1).max(128), kind: z.literal('PROCESS_LOGS_STOP'), payload: processLogsStopSchema }),
]);
export type Instruction = z.infer<typeof instructionSchema>;
export type InstructionKind = Instruction['kind'];
export const INSTRUCTION_KINDS = instructionSchema.options.map((o) => o.shape.kind.value) as readonly InstructionKind[];

export type InstructionResult = { readonly ok: true; readonly instruction: Instruction } | { readonly ok: false; readonly problem: string };

/** Validates a message from the server; never throws. The problem never quotes the input. */
export function parseInstruction(raw: unknown): InstructionResult {
  const parsed = instructionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, instruction: parsed.data };
  const issue = parsed.error.issues[0];
  const more = parsed.error.issues.length - 1;
  return { ok: false, problem: `invalid instruction: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'schema mismatch'}${more > 0 ? ` (+${more} more)` : ''}` };
}

/** The DESIRED_STATE message for a desired state with this hash. */
export function desiredStateInstruction(payload: z.input<typeof desiredStatePayloadSchema> & { readonly hash: string }): Instruction {
  return { id: `desired-${payload.hash.replace(/^sha256:/, '').slice(0, 12)}`, kind: 'DESIRED_STATE', payload: desiredStatePayloadSchema.parse(payload) };
}

/** The message for one job target's command (validated: throws on a command the protocol refuses). */
export function commandInstruction(command: CommandInstruction): Instruction {
  return commandInstructionSchema.parse(command);
}

/** The PROCESS_LOGS message: a guarded process's output for one `ioms logs` request. */
export function processLogsInstruction(request: ProcessLogsRequest): Instruction {
  return { id: `logs-${request.requestId}`, kind: 'PROCESS_LOGS', payload: processLogsRequestSchema.parse(request) };
}

/** The PROCESS_LOGS_STOP message: the reader of a followed request went away. */
export function processLogsStopInstruction(requestId: string): Instruction {
  return { id: `logs-stop-${requestId}`, kind: 'PROCESS_LOGS_STOP', payload: processLogsStopSchema.parse({ requestId }) };
}
