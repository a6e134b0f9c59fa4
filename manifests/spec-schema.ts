/**
 * zod schemas for the resources a Profile declares: processes, crontab entries
 * and files. Parsing applies defaults, so a parsed spec is the normalized form
 * that {@link specHash} hashes and `plan` compares: writing a default explicitly
 * never looks like a change.
 */
import { z } from 'zod';
import { cronScheduleProblem, timeZoneProblem } from './cron-schedule.js';
import { pathProblem, pathStyle } from './path-rules.js';

/**
 * Runs an object-level rule even when a field already failed, so that every
 * problem of a document is reported at once. Rules using it must read fields
 * defensively: they may see input that did not pass its field schema.
 */
export const evenWithFieldErrors = {
  when: (payload: { readonly value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

/** Turns a `(value) => problem | undefined` rule into a zod string schema. */
export function checkedString(problem: (value: string) => string | undefined, what: string) {
  return z.string({ error: `${what} must be a string` }).check((ctx) => {
    const message = problem(ctx.value);
    if (message !== undefined) ctx.issues.push({ code: 'custom', message, input: ctx.value });
  });
}

// eslint-disable-next-line no-control-regex
const NUL_RE = /\u0000/;

/** A string without NUL characters (which would truncate it at the OS boundary). */
export function plainString(what: string, maxChars: number) {
  return checkedString((value) => {
    if (NUL_RE.test(value)) return `${what} must not contain NUL characters`;
    if (value.length > maxChars) return `${what} must be at most ${maxChars} characters`;
    return undefined;
  }, what);
}

const RESOURCE_NAME_RE = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

/** Name of a process or crontab entry: 1–63 of `A-Za-z0-9._-`, alphanumeric at both ends. */
export const resourceNameSchema = z
  .string({ error: 'name must be a string' })
  .regex(RESOURCE_NAME_RE, 'name must be 1-63 characters of A-Z a-z 0-9 . _ - starting and ending with a letter or digit');

export const filePathSchema = checkedString((value) => pathProblem(value), 'path').describe(
  'Absolute POSIX (/opt/app/x) or Windows (C:\\app\\x) path, normalized',
);
export const directoryPathSchema = checkedString((value) => pathProblem(value, { directory: true }), 'directory');

const commandSchema = plainString('command', 4096)
  .min(1, 'command must not be empty')
  .describe('Program to run (absolute path or a name found on PATH); no shell is involved');
const argsSchema = z.array(plainString('argument', 32_768), { error: 'args must be a list of strings' }).max(1024);
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,255}$/;
const envSchema = z
  .record(
    z.string().regex(ENV_NAME_RE, 'environment variable names must match [A-Za-z_][A-Za-z0-9_]*'),
    plainString('environment value (quote numbers: "7000")', 32_768),
  )
  .refine((env) => Object.keys(env).length <= 256, 'at most 256 environment variables');

export const RESTART_POLICIES = ['always', 'on-failure', 'never'] as const;

export const restartSchema = z
  .strictObject({
    policy: z
      .enum(RESTART_POLICIES, { error: 'policy must be always, on-failure or never' })
      .default('always')
      .describe('always: restart on any exit; on-failure: only after a non-zero exit or a signal; never'),
    backoffSeconds: z.number().positive().max(3600).default(1).describe('First restart delay; doubles per restart'),
    maxBackoffSeconds: z.number().positive().max(86_400).default(60).describe('Upper bound of the restart delay'),
    startLimit: z
      .int()
      .min(1)
      .max(100_000)
      .default(5)
      .describe('Quick deaths in a row after which the process is FATAL and left alone'),
    retryAfterSeconds: z
      .int()
      .min(1)
      .max(86_400)
      .optional()
      .describe('Start a FATAL process again after this many seconds (default: stay FATAL until restarted or changed)'),
  })
  .refine((r) => r.maxBackoffSeconds >= r.backoffSeconds, {
    message: 'maxBackoffSeconds must be at least backoffSeconds',
    path: ['maxBackoffSeconds'],
  });

export const processSchema = z.strictObject({
  name: resourceNameSchema,
  command: commandSchema,
  args: argsSchema.default([]),
  cwd: directoryPathSchema.optional(),
  env: envSchema.default({}),
  restart: restartSchema.prefault({}),
});

export const cronEntrySchema = z
  .strictObject({
    name: resourceNameSchema,
    schedule: checkedString(cronScheduleProblem, 'schedule').describe(
      'Cron: "min hour dom month dow", or 6 fields with seconds first',
    ),
    timezone: checkedString(timeZoneProblem, 'timezone').optional().describe('IANA time zone; default: the host time zone'),
    command: plainString('command', 16_384)
      .min(1, 'command must not be empty')
      .optional()
      .describe('Command line run by the host shell (/bin/sh -c, cmd.exe /c)'),
    restartProcess: resourceNameSchema.optional().describe('Restart this guarded process instead of running a command'),
    timeoutSeconds: z.int().min(1).max(86_400).default(3600).describe('A run is killed after this long'),
  })
  .superRefine((entry, ctx) => {
    if ((entry.command === undefined) === (entry.restartProcess === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of command or restartProcess', path: [] });
    }
  }, evenWithFieldErrors);

const ARTIFACT_RE = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,254}(@[A-Za-z0-9][A-Za-z0-9._+-]{0,127})?$/;

export const fileSchema = z
  .strictObject({
    path: filePathSchema,
    artifact: z
      .string({ error: 'artifact must be a string' })
      .regex(ARTIFACT_RE, 'artifact must be name or name@version (A-Z a-z 0-9 . _ + -)')
      .describe('Artifact store entry: name or name@version'),
    md5: z
      .string({ error: 'md5 must be a quoted string' })
      .regex(/^[0-9a-fA-F]{32}$/, 'md5 must be 32 hex digits')
      .toLowerCase()
      .optional(),
    sha256: z
      .string({ error: 'sha256 must be a quoted string' })
      .regex(/^[0-9a-fA-F]{64}$/, 'sha256 must be 64 hex digits')
      .toLowerCase()
      .optional()
      .describe('Verified before md5 when both are given'),
    mode: z
      .string({ error: 'mode must be a quoted octal string such as "0644"' })
      .regex(/^[0-7]{3,4}$/, 'mode must be 3 or 4 octal digits such as "0644"')
      .overwrite((mode) => mode.padStart(4, '0'))
      .optional()
      .describe('POSIX permission bits as a quoted octal string; ignored on Windows'),
    owner: z
      .string({ error: 'owner must be a string' })
      .regex(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,31}(:[A-Za-z0-9_][A-Za-z0-9._-]{0,31})?$/, 'owner must be user or user:group')
      .optional()
      .describe('POSIX user or user:group; ignored on Windows'),
    extractTo: directoryPathSchema.optional().describe('Unpack the archive (zip, tar.gz) into this directory'),
    restartProcess: resourceNameSchema.optional().describe('Restart this guarded process when the file changes'),
  })
  .superRefine((file, ctx) => {
    const { path, extractTo } = file as { path: unknown; extractTo: unknown };
    if (typeof path !== 'string' || typeof extractTo !== 'string') return;
    const [fileStyle, dirStyle] = [pathStyle(path), pathStyle(extractTo)];
    if (fileStyle !== undefined && dirStyle !== undefined && fileStyle !== dirStyle) {
      ctx.addIssue({ code: 'custom', message: 'extractTo must be the same kind of path (POSIX or Windows) as path', path: ['extractTo'] });
    }
  }, evenWithFieldErrors);

export type RestartPolicy = (typeof RESTART_POLICIES)[number];
export type ProcessSpec = z.output<typeof processSchema>;
export type CronSpec = z.output<typeof cronEntrySchema>;
export type FileSpec = z.output<typeof fileSchema>;
