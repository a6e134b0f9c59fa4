/**
 * The agent's reports about its desired state besides the observed state itself (whose schema
 * is `manifests/observed-report.ts`, as it carries the resource vocabulary): guarded-process
 * exits and cron runs. Validated by the agent before sending and by the server at its edge.
 */
import { z } from 'zod';

const isoTime = z.string().max(40);

export const PROCESS_EXIT_OUTCOMES = ['RESTART', 'EXIT', 'FATAL'] as const;

export const processEventsReportSchema = z
  .array(
    z.object({
      process: z.string().min(1).max(128),
      at: isoTime,
      exitCode: z.number().int().nullable().optional(),
      signal: z.string().max(16).nullable().optional(),
      count: z.number().int().min(0),
      outcome: z.enum(PROCESS_EXIT_OUTCOMES),
    }),
  )
  .max(500);
export type ProcessEventsReport = z.infer<typeof processEventsReportSchema>;

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
export type CronRunsReport = z.infer<typeof cronRunsReportSchema>;
