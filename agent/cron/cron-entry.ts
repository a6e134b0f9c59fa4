/** From a crontab entry to its action (pure). */
import type { CronSpec } from '../../manifests/index.js';
import type { CronAction, CronRunStatus } from './types.js';

/** @default timeout of a command entry */
export const DEFAULT_CRON_TIMEOUT_SECONDS = 3_600;

const TERMINAL_STATUSES: readonly CronRunStatus[] = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED'];

/** A command runner's status in any letter case; an unknown one is decided by the exit code. */
export function normaliseStatus(status: string, exitCode: number): CronRunStatus {
  const upper = status.toUpperCase() as CronRunStatus;
  if (TERMINAL_STATUSES.includes(upper)) return upper;
  return exitCode === 0 ? 'SUCCEEDED' : 'FAILED';
}

export function toAction(entry: CronSpec): CronAction {
  if (entry.restartProcess !== undefined) return { kind: 'restartProcess', processName: entry.restartProcess };
  return {
    kind: 'command',
    command: entry.command ?? '',
    timeoutMs: (entry.timeoutSeconds ?? DEFAULT_CRON_TIMEOUT_SECONDS) * 1000,
  };
}
