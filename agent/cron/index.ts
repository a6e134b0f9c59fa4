/** The agent's cron runner: crontab entries on the shared schedule engine, with time zones, DST, @reboot and overlap prevention. */
export {
  CronRunner,
  type CronRunnerOptions,
  type CreateTask,
  DEFAULT_CRON_TIMEOUT_SECONDS,
  DEFAULT_RUN_HISTORY,
  TIMEOUT_GUARD_GRACE_MS,
} from './cron-runner.js';
export { CronError, type CronErrorCode } from './cron-error.js';
export {
  validateSchedule,
  isValidTimeZone,
  formatInTimeZone,
  hostTimeZone,
  createScheduleTask,
  type RebootGate,
  type ScheduleClock,
  type ScheduleTask,
  SYSTEM_CLOCK,
} from './schedule.js';
export { openRebootGate, currentBootIdentity, BOOT_MARKER_FILE } from './reboot-gate.js';
export { capRunOutput, DEFAULT_MAX_RUN_OUTPUT_BYTES } from './run-output.js';
export * from './types.js';
