import { z } from 'zod';
import { count, isoTimestamp, nonNegative } from './primitives.js';

/**
 * A liveness beat, sent every 15 s by default.
 *
 * `seq` increases by one per beat within one agent process and restarts at 0 when the agent
 * restarts, so a gap shows lost beats and a drop shows a restart. `at` is the agent's clock;
 * the server trusts its own clock for liveness and keeps `at` only to spot clock skew.
 */
export const heartbeatSchema = z.object({
  seq: count,
  at: isoTimestamp,
  /** Seconds since the host booted. */
  uptimeSeconds: nonNegative.optional(),
});

export type Heartbeat = z.infer<typeof heartbeatSchema>;
