/**
 * Ending a whole process tree on POSIX. Guarded processes are spawned `detached`, which makes
 * each one the leader of its own process group (pgid = pid); every descendant that does not
 * leave the group on purpose is then reached by one signal to `-pgid`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { hasLiveGroupMember } from './process-identity.js';

/** How long to wait for the group to vanish after SIGKILL before giving up. */
export const KILL_WAIT_MS = 2_000;
const POLL_MS = 25;

/** Spawn options that put the child in its own process group. */
export const TREE_SPAWN_OPTIONS = { detached: true } as const;

/** Sends `signal` to process group `pgid`; false when the group no longer exists. */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw new Error(`signal process group ${pgid}`, { cause: error });
  }
}

/**
 * True while any process of group `pgid` runs. Zombies (exited, not yet reaped by a parent that
 * may never reap them, e.g. a container's pid 1) are members for `kill(2)` but run nothing, so
 * on Linux the answer comes from /proc.
 */
export function isGroupAlive(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  return process.platform === 'linux' ? hasLiveGroupMember(pgid) : true;
}

async function waitUntilGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!isGroupAlive(pgid)) return true;
    if (Date.now() >= deadline) return false;
    await sleep(POLL_MS);
  }
}

/**
 * Ends the process group led by `pid`: SIGTERM, then SIGKILL to whatever is left after
 * `graceMs`. Resolves once nothing of the group runs (or KILL_WAIT_MS after SIGKILL).
 */
export async function terminateProcessTree(pid: number, options: { readonly graceMs: number }): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  if (await waitUntilGone(pid, options.graceMs)) return;
  signalGroup(pid, 'SIGKILL');
  await waitUntilGone(pid, KILL_WAIT_MS);
}
