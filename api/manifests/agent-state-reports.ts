import { z } from 'zod';
import { observedStateSchema } from '../../manifests/index.js';

/** Most bytes of an observed-state report (a host with thousands of managed files fits). */
export const MAX_STATE_REPORT_BYTES = 3 * 1024 * 1024;

/** What an agent reports after applying a desired state, on change, and on request. */
export const observedReportSchema = z.object({
  /** Hash of the desired state the agent holds and enforces (null: none yet). */
  hash: z.string().max(128).nullable(),
  observed: observedStateSchema,
  /** Why applying the desired state failed, when it did. */
  error: z.string().max(1024).optional(),
});

const isoTime = z.string().max(40);

export const processEventsReportSchema = z
  .array(
    z.object({
      process: z.string().min(1).max(128),
      at: isoTime,
      exitCode: z.number().int().nullable().optional(),
      signal: z.string().max(16).nullable().optional(),
      count: z.number().int().min(0),
      outcome: z.enum(['RESTART', 'EXIT', 'FATAL']),
      /** The pid that exited; the pid started after the backoff; the backoff (agents from 0.1.1 on). */
      pid: z.number().int().positive().nullable().optional(),
      newPid: z.number().int().positive().nullable().optional(),
      backoffMs: z.number().int().min(0).max(86_400_000).nullable().optional(),
    }),
  )
  .max(500);

export const cronRunsReportSchema = z
  .array(
    z.object({
      name: z.string().min(1).max(128),
      startedAt: isoTime,
      finishedAt: isoTime.nullable().optional(),
      exitCode: z.number().int().nullable().optional(),
      status: z.string().max(16),
      output: z.string().max(65_536).nullable().optional(),
    }),
  )
  .max(500);
