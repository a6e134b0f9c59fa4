/**
 * Ending a whole process tree on Windows: there are no process groups to signal, so
 * `taskkill /T /F` walks the parent links from `pid` and terminates every descendant.
 * Windows has no SIGTERM a console program could catch, so there is no grace period.
 */
import { spawn } from 'node:child_process';

/**
 * Spawn options for a guarded process. `detached` keeps it out of the job object libuv puts
 * children in (which would kill it with the agent); `windowsHide` hides the console it gets.
 */
export const TREE_SPAWN_OPTIONS = { detached: true, windowsHide: true } as const;

/** Bound on how long taskkill itself may take. */
export const TASKKILL_TIMEOUT_MS = 10_000;

/** Runs `taskkill /PID <pid> /T /F`; resolves when taskkill has finished (or timed out). */
export function terminateProcessTree(pid: number, _options: { readonly graceMs: number }): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn('taskkill', ['/PID', String(pid), '/T', '/F'], {
      stdio: 'ignore',
      windowsHide: true,
      timeout: TASKKILL_TIMEOUT_MS,
    });
    child.once('error', () => resolve());
    child.once('exit', () => resolve());
  });
}
