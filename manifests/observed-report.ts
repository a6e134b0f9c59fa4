/**
 * The observed-state report an agent sends after applying a desired state, on change and on
 * connect: the hash of the desired state it enforces, what it observes, and why applying failed
 * when it did. Validated by the agent before sending and by the server at its edge.
 */
import { z } from 'zod';
import { observedStateSchema } from './observed-state.js';

/** Most bytes of an observed-state report (a host with thousands of managed files fits). */
export const MAX_STATE_REPORT_BYTES = 3 * 1024 * 1024;

export const observedReportSchema = z.object({
  /** Hash of the desired state the agent holds and enforces (null: none yet). */
  hash: z.string().max(128).nullable(),
  observed: observedStateSchema,
  /** Why applying the desired state failed, when it did. */
  error: z.string().max(1024).optional(),
});
export type ObservedReport = z.input<typeof observedReportSchema>;
