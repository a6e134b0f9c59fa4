/**
 * Installs or removes the agent as a system service: systemd on Linux, the service manager
 * (through sc.exe and the shawl wrapper) on Windows. Any other platform is refused.
 *
 * `planInstall` / `planUninstall` are pure and back `--dry-run`; `installService` /
 * `uninstallService` check the host, then execute the same plan.
 */
import { ServiceError } from './service-error.js';
import { type ResolvedServiceOptions, type ServiceOptions, type ServicePlan, DEFAULT_SERVICE_NAME, SERVICE_NAME_PATTERN } from './service-plan.js';
import { executeSteps } from './service-steps.js';
import { checkLinuxHost, DEFAULT_UNIT_DIR, isLinuxServiceInstalled, planLinuxInstall, planLinuxUninstall, SYSTEMD_RUN_DIR } from './service.linux.js';
import { planWindowsInstall, planWindowsUninstall } from './service.win32.js';
import { runSystemCommand } from './system-command.js';

/** The platforms with a service manager this installer drives. */
export type ServicePlatform = 'linux' | 'win32';

/** What install would do, without doing it (fresh install; a replacement adds a restart). */
export function planInstall(options: ServiceOptions): ServicePlan {
  const platform = servicePlatform(options);
  const resolved = resolveOptions(options);
  return platform === 'linux' ? planLinuxInstall(resolved) : planWindowsInstall(resolved);
}

/** What uninstall would do, without doing it. */
export function planUninstall(options: ServiceOptions): ServicePlan {
  const platform = servicePlatform(options);
  const resolved = resolveOptions(options);
  return platform === 'linux' ? planLinuxUninstall(resolved) : planWindowsUninstall(resolved);
}

/**
 * Installs, enables and starts the agent service. Installing over an existing Linux unit
 * replaces it and restarts the service; on Windows an existing service is refused.
 *
 * @returns the plan that was executed
 * @throws ServiceError with a `code`: UNSUPPORTED_PLATFORM, NOT_PRIVILEGED, NO_SYSTEMD,
 *   WRAPPER_REQUIRED, INVALID_OPTIONS, ALREADY_INSTALLED, COMMAND_FAILED, FILE_IO.
 */
export async function installService(options: ServiceOptions): Promise<ServicePlan> {
  const platform = servicePlatform(options);
  const resolved = resolveOptions(options);
  let plan: ServicePlan;
  if (platform === 'linux') {
    await checkLinuxHost(linuxProbe(options));
    plan = planLinuxInstall(resolved, await isLinuxServiceInstalled(resolved));
  } else {
    plan = planWindowsInstall(resolved);
  }
  await executeSteps(plan.steps, options.run ?? runSystemCommand);
  return plan;
}

/**
 * Stops, disables and removes the agent service. The state dir stays: it holds the host's
 * credential, so reinstalling reconnects as the same host.
 *
 * @returns the plan that was executed
 * @throws ServiceError with a `code`: UNSUPPORTED_PLATFORM, NOT_PRIVILEGED, NO_SYSTEMD,
 *   NOT_INSTALLED, COMMAND_FAILED, FILE_IO.
 */
export async function uninstallService(options: ServiceOptions): Promise<ServicePlan> {
  const platform = servicePlatform(options);
  const resolved = resolveOptions(options);
  if (platform === 'linux') {
    await checkLinuxHost(linuxProbe(options));
    if (!(await isLinuxServiceInstalled(resolved))) {
      throw new ServiceError('NOT_INSTALLED', `no service ${resolved.name} is installed (${resolved.unitDir}/${resolved.name}.service does not exist)`);
    }
  }
  const plan = platform === 'linux' ? planLinuxUninstall(resolved) : planWindowsUninstall(resolved);
  await executeSteps(plan.steps, options.run ?? runSystemCommand);
  return plan;
}

/**
 * The platform's service manager, or a typed refusal.
 *
 * @throws ServiceError `UNSUPPORTED_PLATFORM` for anything but linux and win32.
 */
export function servicePlatform(options: Pick<ServiceOptions, 'platform'>): ServicePlatform {
  const platform = options.platform ?? process.platform;
  if (platform === 'linux' || platform === 'win32') return platform;
  throw new ServiceError('UNSUPPORTED_PLATFORM', `installing the agent as a service is supported on Linux (systemd) and Windows, not ${platform}: run \`ioms agent\` under your own process manager`);
}

function resolveOptions(options: ServiceOptions): ResolvedServiceOptions {
  const name = options.name ?? DEFAULT_SERVICE_NAME;
  if (!SERVICE_NAME_PATTERN.test(name)) {
    throw new ServiceError('INVALID_OPTIONS', `service name ${JSON.stringify(name)} must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit`);
  }
  return {
    name,
    nodePath: options.nodePath ?? process.execPath,
    entry: options.entry,
    args: options.args,
    stateDir: options.stateDir,
    env: options.env ?? {},
    unitDir: options.unitDir ?? DEFAULT_UNIT_DIR,
    wrapper: options.wrapper,
  };
}

function linuxProbe(options: ServiceOptions): { uid: number | undefined; systemdRunDir: string } {
  return { uid: 'uid' in options ? options.uid : process.getuid?.(), systemdRunDir: options.systemdRunDir ?? SYSTEMD_RUN_DIR };
}
