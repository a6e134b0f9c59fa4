/** From raw crontab input to validated entries and their actions (pure). */
import { CronError } from './cron-error.js';
import { type CronAction, type CronEntry, type CronRunStatus, cronEntrySchema } from './types.js';

/** @default timeout of a command entry */
export const DEFAULT_CRON_TIMEOUT_SECONDS = 3_600;

const TERMINAL_STATUSES: readonly CronRunStatus[] = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED'];

/** A command runner's status in any letter case; an unknown one is decided by the exit code. */
export function normaliseStatus(status: string, exitCode: number): CronRunStatus {
  const upper = status.toUpperCase() as CronRunStatus;
  if (TERMINAL_STATUSES.includes(upper)) return upper;
  return exitCode === 0 ? 'SUCCEEDED' : 'FAILED';
}

export function toAction(entry: CronEntry): CronAction {
  if (entry.restartProcess !== undefined) return { kind: 'restartProcess', processName: entry.restartProcess };
  return {
    kind: 'command',
    command: entry.command ?? '',
    timeoutMs: (entry.timeoutSeconds ?? DEFAULT_CRON_TIMEOUT_SECONDS) * 1000,
  };
}

/** Validates every entry and refuses duplicate names; nothing is applied on error. */
export function parseEntries(entries: readonly unknown[]): Map<string, CronEntry> {
  const desired = new Map<string, CronEntry>();
  const problems: string[] = [];
  entries.forEach((raw, index) => {
    const parsed = cronEntrySchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`crontab[${index}]: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
      return;
    }
    if (desired.has(parsed.data.name)) {
      throw new CronError('DUPLICATE_ENTRY', `cron entry ${JSON.stringify(parsed.data.name)} is declared twice`);
    }
    desired.set(parsed.data.name, parsed.data);
  });
  if (problems.length > 0) throw new CronError('INVALID_ENTRY', problems.join('\n'));
  return desired;
}
