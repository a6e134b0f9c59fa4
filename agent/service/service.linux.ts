/**
 * The agent as a systemd service: plans for install and uninstall (pure) and the checks that
 * must pass before either runs (root, systemd running).
 *
 *   install:   mkdir state dir → write /etc/systemd/system/NAME.service → daemon-reload
 *              → enable --now (→ restart, when replacing a unit so new arguments apply)
 *   uninstall: disable --now → remove the unit → daemon-reload   (the state dir stays)
 */
import { access } from 'node:fs/promises';
import { posix } from 'node:path';

import { ServiceError } from './service-error.js';
import { type ResolvedServiceOptions, type ServicePlan, type ServiceStep } from './service-plan.js';
import { renderSystemdUnit } from './systemd-unit.js';

/** Where unit files go. @default for {@link ServiceOptions.unitDir} */
export const DEFAULT_UNIT_DIR = '/etc/systemd/system';

/** Exists only while systemd is PID 1 (see sd_booted(3)). */
export const SYSTEMD_RUN_DIR = '/run/systemd/system';

/** The state dir holds the host's secret: owner only. */
const STATE_DIR_MODE = 0o700;

/** The unit may carry an enrollment token in ExecStart: root only (systemd reads it as root). */
const UNIT_FILE_MODE = 0o600;

/** The unit file path for a service name. */
export function unitPath(options: Pick<ResolvedServiceOptions, 'unitDir' | 'name'>): string {
  return posix.join(options.unitDir, `${options.name}.service`);
}

/** What `install` does; `replacing` adds a restart so a changed unit takes effect. */
export function planLinuxInstall(options: ResolvedServiceOptions, replacing = false): ServicePlan {
  const steps: ServiceStep[] = [
    { kind: 'mkdir', path: options.stateDir, mode: STATE_DIR_MODE },
    { kind: 'write', path: unitPath(options), content: renderSystemdUnit(options), mode: UNIT_FILE_MODE },
    { kind: 'run', cmd: 'systemctl', args: ['daemon-reload'] },
    { kind: 'run', cmd: 'systemctl', args: ['enable', '--now', options.name] },
  ];
  if (replacing) steps.push({ kind: 'run', cmd: 'systemctl', args: ['restart', options.name] });
  return { platform: 'linux', name: options.name, steps };
}

/** What `uninstall` does. The state dir (credential, spool) is left for the operator. */
export function planLinuxUninstall(options: ResolvedServiceOptions): ServicePlan {
  return {
    platform: 'linux',
    name: options.name,
    steps: [
      { kind: 'run', cmd: 'systemctl', args: ['disable', '--now', options.name] },
      { kind: 'remove', path: unitPath(options) },
      { kind: 'run', cmd: 'systemctl', args: ['daemon-reload'] },
    ],
  };
}

/** Seams of {@link checkLinuxHost}. */
export interface LinuxHostProbe {
  /** Effective uid; undefined where the platform has none. */
  readonly uid: number | undefined;
  /** @default SYSTEMD_RUN_DIR */
  readonly systemdRunDir: string;
}

/**
 * Refuses early, with a reason an operator can act on, instead of letting systemctl fail.
 *
 * @throws ServiceError `NOT_PRIVILEGED` unless root, `NO_SYSTEMD` unless systemd is running.
 */
export async function checkLinuxHost(probe: LinuxHostProbe): Promise<void> {
  if (probe.uid !== 0) {
    throw new ServiceError('NOT_PRIVILEGED', 'installing the agent as a system service needs root: run it with sudo (or run `ioms agent` in the foreground as this user)');
  }
  if (!(await exists(probe.systemdRunDir))) {
    throw new ServiceError('NO_SYSTEMD', `systemd is not running on this host (${probe.systemdRunDir} is missing): start the agent with your init system or a process manager instead, e.g. \`ioms agent --server URL\``);
  }
}

/** True when the unit file exists already. */
export async function isLinuxServiceInstalled(options: Pick<ResolvedServiceOptions, 'unitDir' | 'name'>): Promise<boolean> {
  return exists(unitPath(options));
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
