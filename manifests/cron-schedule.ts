/**
 * Apply-time checks of crontab entries, from the one schedule engine the agent runs entries
 * by (`manifests/schedule/`): what a manifest may say is exactly what an agent can run.
 * See docs/manifests.md (crontab) for the syntax.
 */
import { parseSchedule } from './schedule/parse-schedule.js';

export { timeZoneProblem } from './schedule/time-zone.js';

/** The first problem of `schedule` with its 1-based column in the text, or `undefined` when valid. */
export function cronScheduleProblemAt(schedule: string): { readonly message: string; readonly column: number } | undefined {
  const message = cronScheduleProblem(schedule);
  if (message === undefined) return undefined;
  const result = parseSchedule(schedule);
  return { message, column: result.ok ? 1 : (result.problems[0]?.column ?? 1) };
}

/**
 * Returns why `schedule` is not a valid cron schedule, as sentences (and where in the text when
 * the schedule has several parts), or `undefined` when it is valid.
 */
export function cronScheduleProblem(schedule: string): string | undefined {
  const result = parseSchedule(schedule);
  if (result.ok) return undefined;
  return result.problems.map((p) => (p.column > 1 ? `${p.message} (column ${p.column} of the schedule)` : p.message)).join('; ');
}
