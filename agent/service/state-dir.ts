/**
 * Where the agent keeps its credential, last desired state and result spool when no
 * `--state-dir` is given. Pure: the caller passes the platform, uid, environment and home.
 */
import { posix, win32 } from 'node:path';

/** Inputs of {@link defaultStateDir}; the CLI passes the real process values. */
export interface StateDirContext {
  readonly platform: NodeJS.Platform;
  /** Effective uid on POSIX (`process.getuid()`); ignored on Windows. */
  readonly uid: number | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The user's home directory (`os.homedir()`). */
  readonly homedir: string;
}

/** The directory name used under every base. */
export const STATE_DIR_NAME = 'ioms-agent';

/** The system-wide state dir for root on POSIX. */
export const POSIX_SYSTEM_STATE_DIR = '/var/lib/ioms-agent';

/** Used when `%ProgramData%` is not set. */
export const DEFAULT_PROGRAM_DATA = 'C:\\ProgramData';

/**
 * The default agent state dir:
 * - Windows: `%ProgramData%\ioms-agent` (a service runs as LocalSystem, whose profile is not a
 *   place operators look), `C:\ProgramData\ioms-agent` when ProgramData is unset;
 * - POSIX as root (uid 0): `/var/lib/ioms-agent`;
 * - POSIX otherwise: `~/.ioms-agent`.
 */
export function defaultStateDir(context: StateDirContext): string {
  if (context.platform === 'win32') {
    const programData = lookupWindowsEnv(context.env, 'ProgramData')?.trim() || DEFAULT_PROGRAM_DATA;
    return win32.join(programData, STATE_DIR_NAME);
  }
  if (context.uid === 0) return POSIX_SYSTEM_STATE_DIR;
  return posix.join(context.homedir, `.${STATE_DIR_NAME}`);
}

/** Windows environment names are case-insensitive; a plain object (tests, copies) is not. */
function lookupWindowsEnv(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const direct = env[name];
  if (direct !== undefined) return direct;
  const key = Object.keys(env).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : env[key];
}
