/**
 * The agent's change report: every plan action it carried out (or tried to), so the server can
 * answer "what keeps drifting, and where?" (the changes report, docs/reports.md).
 *
 * - **INTENDED**: the action belongs to a desired-state hash this host had not converged to yet
 *   (a new revision, a first apply, a changed label): the change someone asked for.
 * - **CORRECTIVE**: the host had converged on that same hash and then drifted on its own (a file
 *   edited or deleted by hand, a process that stopped, a cron entry removed): the agent put it back.
 *
 * Sent in batches, spooled on the agent's disk while the server is away; `id` makes a redelivered
 * change harmless (the server keeps one row per host and id). Validated by the agent before
 * sending and by the server at its edge.
 */
import { z } from 'zod';

export const CHANGE_KINDS = ['INTENDED', 'CORRECTIVE'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** DONE: carried out; FAILED: tried and failed (`error` says why); SKIPPED: not tried (a restart after a file that could not be written). */
export const CHANGE_OUTCOMES = ['DONE', 'FAILED', 'SKIPPED'] as const;
export type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number];

/** Most changes in one report. */
export const MAX_CHANGES_PER_REPORT = 500;

export const changeRecordSchema = z.object({
  /** Unique per change on this host (the agent makes it); the server ignores an id it already has. */
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** When the action finished (ISO-8601). */
  at: z.string().max(40),
  /** Resource key: `process:<name>`, `file:<path>`, `cron:<name>`. */
  key: z.string().min(1).max(512),
  /** The plan action (`PutFile`, `StartProcess`, …: manifests/plan-action.ts). */
  action: z.string().min(1).max(32),
  /** The plan's reason constant (`MISSING`, `CHECKSUM_MISMATCH`, …). */
  reason: z.string().min(1).max(32),
  kind: z.enum(CHANGE_KINDS),
  outcome: z.enum(CHANGE_OUTCOMES),
  /** The desired-state hash the action carried out, and the manifest revision it came from. */
  hash: z.string().max(128),
  revision: z.number().int().nullable(),
  error: z.string().max(1000).nullable().optional(),
});
export type ChangeRecord = z.infer<typeof changeRecordSchema>;

export const changeReportSchema = z.array(changeRecordSchema).max(MAX_CHANGES_PER_REPORT);
export type ChangeReport = z.infer<typeof changeReportSchema>;
