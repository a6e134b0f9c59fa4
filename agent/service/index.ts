/** Running the agent as a system service: systemd on Linux, sc.exe + shawl on Windows. */
export { defaultStateDir, type StateDirContext } from './state-dir.js';
export { installService, planInstall, planUninstall, servicePlatform, uninstallService, type ServicePlatform } from './service.js';
export { describePlan } from './service-steps.js';
export { ServiceError, type ServiceErrorCode } from './service-error.js';
export { DEFAULT_SERVICE_NAME, type RunCommand, type RunResult, type ServiceOptions, type ServicePlan, type ServiceStep } from './service-plan.js';
export { runSystemCommand } from './system-command.js';
