/**
 * One host's desired state: the union of the processes, crontab entries and
 * files of every Profile that selects it. This is what the server sends the
 * agent and what the agent keeps on disk, so it has a zod schema for both
 * boundaries. Lists are sorted by resource key, which makes the canonical JSON
 * (and so the hash) independent of document order.
 *
 * Resource keys: `process:<name>`, `cron:<name>`, `file:<path key>` (see
 * {@link filePathKey}: Windows paths compare without case).
 */
import { z } from 'zod';
import { filePathKey } from './path-rules.js';
import { type CronSpec, type FileSpec, type ProcessSpec, cronEntrySchema, fileSchema, processSchema } from './spec-schema.js';

export interface DesiredState {
  readonly processes: readonly ProcessSpec[];
  readonly crontab: readonly CronSpec[];
  readonly files: readonly FileSpec[];
}

/** Validates a desired state received over the link or read from disk. */
export const desiredStateSchema = z.strictObject({
  processes: z.array(processSchema).max(10_000),
  crontab: z.array(cronEntrySchema).max(10_000),
  files: z.array(fileSchema).max(100_000),
});

export const EMPTY_DESIRED_STATE: DesiredState = Object.freeze({ processes: [], crontab: [], files: [] });

export const processKey = (name: string): string => `process:${name}`;
export const cronKey = (name: string): string => `cron:${name}`;
export const fileKey = (path: string): string => `file:${filePathKey(path)}`;
