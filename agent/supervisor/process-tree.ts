/**
 * The platform's way to end a process tree, picked once at load time. See
 * `process-tree.posix.ts` (process groups, SIGTERM then SIGKILL) and `process-tree.win32.ts`
 * (`taskkill /T /F`).
 */
import * as posix from './process-tree.posix.js';
import * as win32 from './process-tree.win32.js';

const platform = process.platform === 'win32' ? win32 : posix;

/** Ends `pid` and all its descendants; resolves when done. */
export type TerminateTree = (pid: number, options: { readonly graceMs: number }) => Promise<void>;

export const terminateProcessTree: TerminateTree = platform.terminateProcessTree;

/** Spawn options that make the tree reachable by `terminateProcessTree`. */
export const TREE_SPAWN_OPTIONS: { readonly detached?: boolean; readonly windowsHide?: boolean } =
  platform.TREE_SPAWN_OPTIONS;
