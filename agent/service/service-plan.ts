/**
 * The vocabulary shared by the platform installers: options, the command-runner seam, and a
 * plan of steps. Planning is pure (so `--dry-run` prints exactly what install would do);
 * `service-steps.ts` executes a plan.
 */

import { type ServiceErrorCode } from './service-error.js';

/** Result of one system command; `code` is -1 when the command could not be started. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cmd` with `args` (no shell) and resolves with its exit code; never rejects. */
export type RunCommand = (cmd: string, args: readonly string[]) => Promise<RunResult>;

/** Options of `installService` / `uninstallService`. */
export interface ServiceOptions {
  /** Service (and systemd unit) name. @default 'ioms-agent' */
  readonly name?: string;
  /** Absolute path of the node binary that runs the agent. @default process.execPath */
  readonly nodePath?: string;
  /** Absolute path of the agent entry: the checkout's `bin/ioms.js` or the bundle. */
  readonly entry: string;
  /** Arguments after the entry, e.g. `['agent', '--server', URL, '--state-dir', DIR]`. */
  readonly args: readonly string[];
  /** The agent's state directory: created 0700 and used as the working directory. */
  readonly stateDir: string;
  /** Extra environment for the service (systemd `Environment=`, shawl `--env`). */
  readonly env?: Readonly<Record<string, string>>;
  /** @default process.platform */
  readonly platform?: NodeJS.Platform;
  /** Test seam: runs systemctl / sc.exe. @default runSystemCommand */
  readonly run?: RunCommand;
  /** Linux: where unit files go. @default '/etc/systemd/system' */
  readonly unitDir?: string;
  /** Linux: effective uid, root required. @default process.getuid() */
  readonly uid?: number;
  /** Linux: exists only when systemd is the running init. @default '/run/systemd/system' */
  readonly systemdRunDir?: string;
  /**
   * Windows: absolute path of `shawl.exe`, the wrapper that speaks the service protocol for
   * node (a plain node process is killed by the service manager after ~30 s). Required there.
   */
  readonly wrapper?: string;
}

/** {@link ServiceOptions} with every default applied; what the platform planners take. */
export interface ResolvedServiceOptions {
  readonly name: string;
  readonly nodePath: string;
  readonly entry: string;
  readonly args: readonly string[];
  readonly stateDir: string;
  readonly env: Readonly<Record<string, string>>;
  readonly unitDir: string;
  readonly wrapper: string | undefined;
}

/** One system command of a plan; exit codes in `okCodes` count as success. */
export interface RunStep {
  readonly kind: 'run';
  readonly cmd: string;
  readonly args: readonly string[];
  /** @default [0] */
  readonly okCodes?: readonly number[];
  /** Exit codes with a known meaning, reported with that error code instead of COMMAND_FAILED. */
  readonly knownFailures?: Readonly<Record<number, ServiceErrorCode>>;
}

/** One step of installing or removing a service, in order. */
export type ServiceStep =
  | { readonly kind: 'mkdir'; readonly path: string; readonly mode: number }
  | { readonly kind: 'write'; readonly path: string; readonly content: string; readonly mode: number }
  | { readonly kind: 'remove'; readonly path: string }
  | RunStep;

/** What install or uninstall will do on one platform. */
export interface ServicePlan {
  readonly platform: 'linux' | 'win32';
  readonly name: string;
  readonly steps: readonly ServiceStep[];
}

/** The default service name. */
export const DEFAULT_SERVICE_NAME = 'ioms-agent';

/** Valid as a systemd unit prefix and a Windows service name, and safe in a file name. */
export const SERVICE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
