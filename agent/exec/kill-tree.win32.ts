/**
 * Kills a process tree on Windows with `taskkill /pid N /T /F`: Windows has no process groups
 * to signal, and a console process cannot be asked to terminate gracefully from outside, so
 * the tree is ended forcibly at once.
 */
import { spawn as nodeSpawn } from 'node:child_process';

/** Options for {@link killTreeWin32}. */
export interface KillTreeWin32Options {
  /** Test seam: `child_process.spawn`. */
  readonly spawn?: typeof nodeSpawn;
}

/** The exact argument vector used, exported for tests and docs. */
export function taskkillArgs(pid: number): readonly string[] {
  return ['/pid', String(pid), '/T', '/F'];
}

/**
 * Runs taskkill for `pid` and its descendants. Resolves when taskkill has ended; never
 * rejects (a tree already gone makes taskkill exit non-zero, which is fine).
 */
export function killTreeWin32(pid: number, options: KillTreeWin32Options = {}): Promise<void> {
  const spawn = options.spawn ?? nodeSpawn;
  return new Promise((resolve) => {
    try {
      const child = spawn('taskkill', [...taskkillArgs(pid)], { stdio: 'ignore', windowsHide: true });
      child.once('error', () => resolve());
      child.once('close', () => resolve());
    } catch {
      resolve();
    }
  });
}
