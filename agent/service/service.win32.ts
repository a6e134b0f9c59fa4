/**
 * The agent as a Windows service, registered with `sc.exe`. Pure planning.
 *
 * node.exe does not speak the service protocol: the service manager would wait ~30 s for it
 * to report "running", then give up and kill it. So the service's binary is shawl.exe, a
 * small wrapper that speaks the protocol, runs `node entry args...`, restarts it when it
 * exits, and sends it ctrl-C on stop. The service's command line is therefore
 *
 *   "shawl.exe" run --name NAME --restart --cwd STATE --log-dir STATE\logs -- "node.exe" "entry" args...
 *
 *   install:   mkdir state dir → sc create → sc description → sc failure → sc start
 *   uninstall: sc stop (not running is fine) → sc delete      (the state dir stays)
 */
import { win32 } from 'node:path';

import { ServiceError } from './service-error.js';
import { type ResolvedServiceOptions, type RunStep, type ServicePlan } from './service-plan.js';
import { joinWindowsCommandLine } from './windows-command-line.js';

/** The service's display name in services.msc. */
export const DISPLAY_NAME = 'IOMS agent';

/** How long shawl waits after ctrl-C before it kills the agent. */
export const STOP_TIMEOUT_MS = 10_000;

/** Win32 error codes sc.exe exits with (its exit status is the error code). */
const ERROR_ACCESS_DENIED = 5;
const ERROR_SERVICE_DOES_NOT_EXIST = 1060;
const ERROR_SERVICE_NOT_ACTIVE = 1062;
const ERROR_SERVICE_EXISTS = 1073;

const KNOWN_FAILURES = {
  [ERROR_ACCESS_DENIED]: 'NOT_PRIVILEGED',
  [ERROR_SERVICE_DOES_NOT_EXIST]: 'NOT_INSTALLED',
  [ERROR_SERVICE_EXISTS]: 'ALREADY_INSTALLED',
} as const;

/** The full `binPath=` value: the wrapper, its options, then node, the entry and the args. */
export function windowsServiceCommandLine(options: ResolvedServiceOptions): string {
  if (options.wrapper === undefined) {
    throw new ServiceError(
      'WRAPPER_REQUIRED',
      'on Windows node must run under a service wrapper: download shawl.exe (https://github.com/mtkennerly/shawl/releases), keep it next to the agent and pass --wrapper C:\\path\\to\\shawl.exe',
    );
  }
  for (const [what, path] of [['wrapper', options.wrapper], ['node path', options.nodePath], ['entry', options.entry], ['state dir', options.stateDir]] as const) {
    if (!win32.isAbsolute(path)) throw new ServiceError('INVALID_OPTIONS', `${what} must be an absolute path, got ${JSON.stringify(path)}`);
  }
  const shawl = [
    options.wrapper,
    'run',
    '--name',
    options.name,
    '--restart',
    '--stop-timeout',
    String(STOP_TIMEOUT_MS),
    '--cwd',
    options.stateDir,
    '--log-dir',
    win32.join(options.stateDir, 'logs'),
    ...Object.entries(options.env).flatMap(([name, value]) => ['--env', `${name}=${value}`]),
    '--',
  ];
  return joinWindowsCommandLine([...shawl, options.nodePath, options.entry, ...options.args]);
}

/** What `install` does; the sc.exe argument vectors are exactly these. */
export function planWindowsInstall(options: ResolvedServiceOptions): ServicePlan {
  const binPath = windowsServiceCommandLine(options);
  const name = options.name;
  return {
    platform: 'win32',
    name,
    steps: [
      { kind: 'mkdir', path: options.stateDir, mode: 0o700 },
      sc(['create', name, 'binPath=', binPath, 'start=', 'auto', 'DisplayName=', DISPLAY_NAME]),
      sc(['description', name, 'IOMS agent: keeps this host in its declared state and reports to the IOMS server']),
      // Restarts shawl itself should it die; shawl restarts node.
      sc(['failure', name, 'reset=', '86400', 'actions=', 'restart/5000/restart/5000/restart/5000']),
      sc(['start', name]),
    ],
  };
}

/** What `uninstall` does. The state dir (credential, spool, logs) is left for the operator. */
export function planWindowsUninstall(options: Pick<ResolvedServiceOptions, 'name'>): ServicePlan {
  return {
    platform: 'win32',
    name: options.name,
    steps: [sc(['stop', options.name], [0, ERROR_SERVICE_NOT_ACTIVE]), sc(['delete', options.name])],
  };
}

function sc(args: readonly string[], okCodes: readonly number[] = [0]): RunStep {
  return { kind: 'run', cmd: 'sc.exe', args, okCodes, knownFailures: KNOWN_FAILURES };
}
