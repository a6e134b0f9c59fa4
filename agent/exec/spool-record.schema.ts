/**
 * On-disk shape of one spool record (one file per command id), validated when read back.
 *
 *     (none) ──markStarted──▶ started ──put──▶ completed ──ack──▶ completed + ackedAt ──prune──▶ (none)
 *
 * A record still `started` when the agent starts again belongs to a run the agent crashed in.
 */
import { z } from 'zod';
import { commandIdSchema } from './command-request.schema.js';
import { commandResultSchema } from './command-result.schema.js';
import { attemptSchema } from '../../protocol/command.schema.js';

export const spoolRecordSchema = z.discriminatedUnion('state', [
  z
    .object({
      state: z.literal('started'),
      id: commandIdSchema,
      /** ISO-8601 time the run was about to start. */
      startedAt: z.string(),
      /** The job attempt the run answers (absent for cron runs and older records). */
      attempt: attemptSchema.optional(),
    })
    .strict(),
  z
    .object({
      state: z.literal('completed'),
      id: commandIdSchema,
      /** Completion order within this spool, increasing. */
      seq: z.number().int().nonnegative(),
      result: commandResultSchema,
      /** ISO-8601 time the server acknowledged the result; absent until then. */
      ackedAt: z.string().optional(),
    })
    .strict(),
]);

export type SpoolRecord = z.infer<typeof spoolRecordSchema>;
