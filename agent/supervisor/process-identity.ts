/**
 * Who is behind a pid. A recorded pid alone is not proof: after a reboot or a long uptime the
 * number may belong to another program. On Linux the kernel start time of a process
 * (`/proc/<pid>/stat`, field 22, in clock ticks since boot) pairs with the pid into an identity
 * that cannot be reused. On Windows the creation time comes from PowerShell
 * (`process-identity.win32.ts`, too slow to poll). Elsewhere identity is "unverifiable" and
 * callers must not act on such a pid (see `supervisor.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readWindowsStartTime } from './process-identity.win32.js';

/** The fields of `/proc/<pid>/stat` the supervisor uses. */
export interface ProcStat {
  readonly state: string;
  readonly pgrp: number;
  readonly startTime: string;
}

/** Parses the text of `/proc/<pid>/stat`; the command name may itself contain spaces and parentheses. */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text.slice(close + 2).trim().split(/\s+/);
  const state = fields[0];
  const pgrp = Number(fields[2]);
  const startTime = fields[19];
  if (state === undefined || startTime === undefined || !Number.isInteger(pgrp)) return undefined;
  return { state, pgrp, startTime };
}

/** `/proc/<pid>/stat` of a process, or undefined when it does not exist or /proc is absent. */
export function readProcStat(pid: number, procRoot = '/proc'): ProcStat | undefined {
  try {
    return parseProcStat(readFileSync(`${procRoot}/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

const hasProcFs = (): boolean => process.platform === 'linux';

/** Dead or zombie (exited, not yet reaped): either way it runs no code. */
const isGone = (stat: ProcStat | undefined): boolean => stat === undefined || stat.state === 'Z' || stat.state === 'X';

/**
 * The start time of `pid` as an opaque string, or undefined when the process does not exist or
 * the platform offers no start time.
 */
export function readProcessStartTime(pid: number): string | undefined {
  if (process.platform === 'win32') return isProcessAlive(pid) ? readWindowsStartTime(pid) : undefined;
  if (!hasProcFs()) return undefined;
  const stat = readProcStat(pid);
  return isGone(stat) ? undefined : stat?.startTime;
}

/** True when `pid` names a running (non-zombie) process. */
export function isProcessAlive(pid: number): boolean {
  if (hasProcFs()) return !isGone(readProcStat(pid));
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when some non-zombie process is still in process group `pgid` (Linux only; /proc scan). */
export function hasLiveGroupMember(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(Number(entry));
    if (stat !== undefined && stat.pgrp === pgid && !isGone(stat)) return true;
  }
  return false;
}

/** A recorded identity: pid plus, where the platform has one, its start time. */
export interface ProcessIdentity {
  readonly pid: number;
  readonly startTime?: string;
}

export type IdentityCheck = 'same' | 'gone' | 'unverifiable';

/**
 * Whether the recorded process is still the one running under its pid.
 * `gone`: nothing (or something else) runs under that pid. `unverifiable`: something runs there,
 * but no start time was recorded or can be read, so it may be an unrelated program.
 */
export function checkIdentity(recorded: ProcessIdentity, readStartTime = readProcessStartTime): IdentityCheck {
  if (!isProcessAlive(recorded.pid)) return 'gone';
  const current = readStartTime(recorded.pid);
  if (recorded.startTime === undefined || current === undefined) return 'unverifiable';
  return current === recorded.startTime ? 'same' : 'gone';
}

/**
 * The cheap check used while watching an adopted instance: on Linux the full identity, elsewhere
 * liveness of the pid only (its identity was verified once, at adoption).
 */
export function isStillSameProcess(recorded: ProcessIdentity, readStartTime = readProcessStartTime): boolean {
  if (hasProcFs()) return checkIdentity(recorded, readStartTime) === 'same';
  return isProcessAlive(recorded.pid);
}
