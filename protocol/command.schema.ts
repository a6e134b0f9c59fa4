import { z } from 'zod';

/** Most bytes of stdout or stderr a result carries (the agent caps at 1 MiB by default). */
export const MAX_COMMAND_OUTPUT_CHARS = 1024 * 1024;
/** A command result report as JSON text, checked before parsing. */
export const MAX_COMMAND_REPORT_BYTES = 3 * 1024 * 1024;

/** The idempotency key of a job target on the agent: `t<targetId>`. */
export const commandIdSchema = z.string().regex(/^t\d{1,18}$/);

export const commandResultReportSchema = z.object({
  id: commandIdSchema,
  status: z.enum(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED']),
  exitCode: z.number().int().min(-1).max(2 ** 32),
  signal: z.string().max(16).optional(),
  stdout: z.string().max(MAX_COMMAND_OUTPUT_CHARS),
  stderr: z.string().max(MAX_COMMAND_OUTPUT_CHARS),
  stdoutTruncated: z.boolean(),
  stderrTruncated: z.boolean(),
  startedAt: z.string().max(40),
  finishedAt: z.string().max(40),
  durationMs: z.number().int().min(0),
  error: z.string().max(1024).optional(),
});
export type CommandResultReport = z.infer<typeof commandResultReportSchema>;

/** What the server asks an agent to run (the payload of a RUN_COMMAND instruction). */
export const runCommandInstructionSchema = z.object({
  id: commandIdSchema,
  kind: z.enum(['SHELL', 'RESTART_PROCESS', 'COLLECT_INVENTORY', 'SET_PASSWORD', 'DOWNLOAD', 'UPGRADE_AGENT']),
  command: z.string().max(65_536).optional(),
  interpreter: z.enum(['sh', 'bash', 'cmd', 'powershell']).optional(),
  cwd: z.string().max(1024).optional(),
  env: z.record(z.string(), z.string()).optional(),
  timeoutMs: z.number().int().positive(),
  processName: z.string().max(128).optional(),
  username: z.string().max(128).optional(),
  password: z.string().max(1024).optional(),
  artifact: z.object({ sha256: z.string(), md5: z.string(), url: z.string() }).optional(),
  path: z.string().max(4096).optional(),
  mode: z.string().max(8).optional(),
});
export type RunCommandInstruction = z.infer<typeof runCommandInstructionSchema>;
