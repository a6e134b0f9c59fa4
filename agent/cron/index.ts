/** The agent's cron runner: crontab entries on node-cron with time zones and overlap prevention. */
export {
  CronRunner,
  type CronRunnerOptions,
  type CreateTask,
  DEFAULT_CRON_TIMEOUT_SECONDS,
  DEFAULT_RUN_HISTORY,
  TIMEOUT_GUARD_GRACE_MS,
} from './cron-runner.js';
export { CronError, type CronErrorCode } from './cron-error.js';
export { validateSchedule, isValidTimeZone, formatInTimeZone, hostTimeZone } from './schedule.js';
export { capRunOutput, DEFAULT_MAX_RUN_OUTPUT_BYTES } from './run-output.js';
export * from './types.js';
