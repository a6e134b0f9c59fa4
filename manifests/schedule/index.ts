/**
 * The schedule engine shared by the server (apply-time validation, `ioms cron next`, next runs
 * in `ioms get cron`) and the agent (which runs entries by it): parse → next run instants.
 * The agent's timer that fires entries is `agent/cron/schedule.ts`.
 */
export {
  MAX_SCHEDULE_CHARS,
  SCHEDULE_MACROS,
  type CronSchedule,
  type ParseScheduleResult,
  type RebootSchedule,
  type Schedule,
  type ScheduleProblem,
  parseSchedule,
  validateSchedule,
} from './parse-schedule.js';
export { dayMatches, nextRun, nextRuns } from './next-runs.js';
export { formatInTimeZone, hostTimeZone, instantOfWallTime, isValidTimeZone, offsetMs, timeZoneProblem } from './time-zone.js';
