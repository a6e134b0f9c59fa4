/** The agent's process supervisor: guarded processes kept in their desired state. */
export { Supervisor, type SupervisorOptions, DEFAULT_STOP_GRACE_MS, DEFAULT_ADOPT_POLL_MS, DEFAULT_LOG_CHECK_INTERVAL_MS } from './supervisor.js';
export { SupervisorError, type SupervisorErrorCode } from './supervisor-error.js';
export {
  decideRestart,
  backoffDelayMs,
  isFailedExit,
  RESTART_REASONS,
  DEFAULT_START_LIMIT,
  DEFAULT_START_LIMIT_WINDOW_MS,
  DEFAULT_HEALTHY_UPTIME_MS,
  type RestartDecision,
  type RestartTuning,
} from './restart-policy.js';
export { logPathsFor, DEFAULT_MAX_LOG_BYTES } from './log-files.js';
export { ProcessUsageSampler, type ProcessUsage, type UsageReader, MIN_SAMPLE_INTERVAL_MS } from './process-usage.js';
export type { SpawnFn } from './process-instance.js';
export type { Timers } from './timers.js';
export * from './types.js';
