/**
 * Kills a process tree on POSIX. Commands are spawned `detached`, so each is the leader of
 * its own process group (pgid = its pid) and every child it forks joins that group unless it
 * deliberately leaves it (setsid). Signalling `-pgid` reaches the whole tree at once, even
 * after the leader has exited.
 */

import { readdir, readFile } from 'node:fs/promises';

/** Options for {@link killTreePosix}. */
export interface KillTreePosixOptions {
  /** Time the group gets to exit after SIGTERM before SIGKILL. @default 2000 */
  readonly graceMs?: number;
  /** How often to check whether the group is gone during the grace period. @default 50 */
  readonly pollMs?: number;
  /** Test seam: `process.kill`. */
  readonly kill?: (pid: number, signal: NodeJS.Signals | 0) => void;
  /** Test seam: waiting. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Whether group `pgid` still has a member that is not a zombie, once signal 0 reached it.
   * @default {@link hasLiveMemberLinux} on Linux, else always true (trust signal 0)
   */
  readonly hasLiveMember?: (pgid: number) => Promise<boolean>;
}

export const DEFAULT_KILL_GRACE_MS = 2000;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends SIGTERM to process group `pgid`, waits up to `graceMs` for it to empty, then sends
 * SIGKILL. Resolves once the group is gone or SIGKILL was sent; never rejects (a group that
 * no longer exists is the goal, not an error).
 *
 * Signal 0 also reaches zombies, which stay in the group until reaped; where init does not
 * reap orphans (containers without an init), that would always cost the full grace period, so
 * on Linux the group counts as gone once only zombies are left.
 */
export async function killTreePosix(pgid: number, options: KillTreePosixOptions = {}): Promise<void> {
  const graceMs = options.graceMs ?? DEFAULT_KILL_GRACE_MS;
  const pollMs = options.pollMs ?? 50;
  const kill = options.kill ?? ((pid: number, signal: NodeJS.Signals | 0) => void process.kill(pid, signal));
  const sleep = options.sleep ?? defaultSleep;
  const hasLiveMember = options.hasLiveMember ?? (process.platform === 'linux' ? hasLiveMemberLinux : async () => true);

  if (!signalGroup(kill, pgid, 'SIGTERM')) return;
  for (let waited = 0; waited < graceMs; waited += pollMs) {
    await sleep(Math.min(pollMs, graceMs - waited));
    if (!signalGroup(kill, pgid, 0) || !(await hasLiveMember(pgid))) return;
  }
  signalGroup(kill, pgid, 'SIGKILL');
}

/** Signals the group; false when it has no members left (ESRCH). */
function signalGroup(
  kill: (pid: number, signal: NodeJS.Signals | 0) => void,
  pgid: number,
  signal: NodeJS.Signals | 0,
): boolean {
  try {
    kill(-pgid, signal);
    return true;
  } catch (error) {
    // EPERM means a member changed its credentials (setuid); we cannot do better than stop.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH' && (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/**
 * True when some process in `/proc` belongs to group `pgid` and is not a zombie. Errs on the
 * side of "alive" (true) when `/proc` cannot be read, so SIGKILL is still sent.
 */
export async function hasLiveMemberLinux(pgid: number): Promise<boolean> {
  let names: string[];
  try {
    names = await readdir('/proc');
  } catch {
    return true;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = await readFile(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp ...": comm may contain spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}
