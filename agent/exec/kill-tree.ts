/**
 * Chooses the platform's way to kill a command's whole process tree.
 */
import { killTreePosix } from './kill-tree.posix.js';
import { killTreeWin32 } from './kill-tree.win32.js';

/** Kills process `pid` and all its descendants; resolves when done, never rejects. */
export type KillTree = (pid: number) => Promise<void>;

/** Options for {@link createKillTree}. */
export interface CreateKillTreeOptions {
  /** @default process.platform */
  readonly platform?: NodeJS.Platform;
  /** POSIX only: SIGTERM → SIGKILL grace. @default 2000 */
  readonly graceMs?: number;
}

/**
 * Returns the tree killer for the platform: process-group signals on POSIX (the command must
 * have been spawned `detached`), `taskkill /T /F` on Windows.
 */
export function createKillTree(options: CreateKillTreeOptions = {}): KillTree {
  const platform = options.platform ?? process.platform;
  if (platform === 'win32') return (pid) => killTreeWin32(pid);
  const graceMs = options.graceMs;
  return (pid) => killTreePosix(pid, graceMs === undefined ? {} : { graceMs });
}
