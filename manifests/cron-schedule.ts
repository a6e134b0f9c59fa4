/**
 * Apply-time checks of crontab entries, from the one schedule engine the agent runs entries
 * by (`manifests/schedule/`): what a manifest may say is exactly what an agent can run.
 * See docs/manifests.md (crontab) for the syntax.
 */
import { parseSchedule } from './schedule/parse-schedule.js';

export { timeZoneProblem } from './schedule/time-zone.js';

/**
 * Returns why `schedule` is not a valid cron schedule, as sentences (and where in the text when
 * the schedule has several parts), or `undefined` when it is valid.
 */
export function cronScheduleProblem(schedule: string): string | undefined {
  const result = parseSchedule(schedule);
  if (result.ok) return undefined;
  return result.problems.map((p) => (p.column > 1 ? `${p.message} (column ${p.column} of the schedule)` : p.message)).join('; ');
}
