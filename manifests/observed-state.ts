/**
 * Observed state: what an agent reports about the resources IOMS manages on its
 * host. Only managed resources are reported, so an observed resource that is not
 * desired is one the agent took on from an earlier desired state.
 *
 * This is a wire type validated by the server at the edge. Objects are not
 * strict: unknown fields are dropped, so a newer agent may report more than an
 * older server knows.
 */
import { z } from 'zod';
import { SPEC_HASH_RE } from './spec-hash.js';

export const PROCESS_STATES = ['STARTING', 'RUNNING', 'BACKOFF', 'STOPPED', 'FATAL', 'EXITED'] as const;
/**
 * - `STARTING` spawned, not yet past its start window; `RUNNING` up;
 * - `BACKOFF` died, waiting to be restarted by its policy;
 * - `STOPPED` stopped on purpose (or not started);
 * - `EXITED` exited and its policy says not to restart (`on-failure` after exit 0, `never`);
 * - `FATAL` died too often in a row (`restart.startLimit`) and is left alone until a new spec,
 *   `ioms exec --action restart-process`, or its `restart.retryAfterSeconds` starts it again.
 *
 * See the state diagram in `agent/supervisor/guarded-process.ts` and docs/manifests.md.
 */
export type ProcessState = (typeof PROCESS_STATES)[number];

const specHashSchema = z.string().regex(SPEC_HASH_RE, 'specHash must be sha256:<64 hex digits>');
const isoTime = z.iso.datetime({ offset: true });
const name = z.string().min(1).max(128);

export const observedProcessSchema = z.object({
  name,
  pid: z.int().positive().optional(),
  state: z.enum(PROCESS_STATES),
  /** Restarts by the restart policy since the spec was applied. */
  restarts: z.int().min(0),
  /** {@link specHash} of the spec the agent runs. */
  specHash: specHashSchema,
  /** CPU use in percent of one core. */
  cpu: z.number().min(0).optional(),
  /** Resident memory in bytes. */
  rss: z.int().min(0).optional(),
  /** How the last instance ended: its exit code, or the signal that ended it. */
  lastExitCode: z.int().optional(),
  lastSignal: z.string().max(32).optional(),
  /** Why the process is in its state, in words (for FATAL: the restart budget it used up). */
  reason: z.string().max(512).optional(),
  /** When a FATAL process is started again by its `restart.retryAfterSeconds`. */
  retryAt: isoTime.optional(),
  /** When the running instance started (or was adopted); for uptime. */
  startedAt: isoTime.optional(),
});

export const observedCronSchema = z.object({
  name,
  specHash: specHashSchema,
  lastRun: isoTime.optional(),
  nextRun: isoTime.optional(),
  /** Set when the agent could not schedule this entry (it does not run): why, in words. */
  error: z.string().max(512).optional(),
});

export const observedFileSchema = z.object({
  path: z.string().min(1).max(4096),
  exists: z.boolean(),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).toLowerCase().optional(),
  md5: z.string().regex(/^[0-9a-fA-F]{32}$/).toLowerCase().optional(),
  /** POSIX permission bits, 4 octal digits; absent on Windows. */
  mode: z
    .string()
    .regex(/^[0-7]{3,4}$/)
    .overwrite((mode) => mode.padStart(4, '0'))
    .optional(),
  /** {@link specHash} of the file entry the agent last wrote; absent when IOMS has no record of writing it. */
  specHash: specHashSchema.optional(),
  /** sha256 of the content IOMS last wrote, from the agent's record (tells a hand edit from IOMS's own write). */
  managedSha256: z.string().regex(/^[0-9a-fA-F]{64}$/).toLowerCase().optional(),
  /** For a file with `extractTo`: whether its current content is unpacked there. */
  extracted: z.boolean().optional(),
});

function uniqueBy(field: 'name' | 'path') {
  return (items: readonly Record<string, unknown>[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    for (const [i, item] of items.entries()) {
      if (seen.has(item[field])) ctx.addIssue({ code: 'custom', message: `duplicate ${field}`, path: [i, field] });
      seen.add(item[field]);
    }
  };
}

export const observedStateSchema = z.object({
  processes: z.array(observedProcessSchema).max(10_000).superRefine(uniqueBy('name')).default([]),
  cron: z.array(observedCronSchema).max(10_000).superRefine(uniqueBy('name')).default([]),
  files: z.array(observedFileSchema).max(100_000).superRefine(uniqueBy('path')).default([]),
});

export type ObservedProcess = z.output<typeof observedProcessSchema>;
export type ObservedCron = z.output<typeof observedCronSchema>;
export type ObservedFile = z.output<typeof observedFileSchema>;
export type ObservedState = z.output<typeof observedStateSchema>;

export const EMPTY_OBSERVED_STATE: ObservedState = Object.freeze({ processes: [], cron: [], files: [] });

/** Fields that change on every sample and never change a plan: CPU and RSS of processes. */
const USAGE_FIELDS = ['cpu', 'rss'] as const;

/**
 * The observed state without its usage figures: two reports that differ only in CPU or RSS
 * plan the same, so a reconciler need not look again (the agent re-sends its observed state every
 * metrics interval while a guarded process runs, for these figures alone).
 */
export function withoutUsage(observed: ObservedState): ObservedState {
  return {
    ...observed,
    processes: observed.processes.map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !(USAGE_FIELDS as readonly string[]).includes(k))) as ObservedProcess),
  };
}
