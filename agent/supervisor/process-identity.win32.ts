/**
 * Process start time on Windows, read through PowerShell (there is no /proc). Used only when a
 * supervisor settles the pid records of an earlier agent, so its cost (one PowerShell start per
 * record) is paid once per agent start, never in a polling loop.
 */
import { spawnSync } from 'node:child_process';

/** Bound on one PowerShell query. */
export const START_TIME_QUERY_TIMEOUT_MS = 10_000;

/** Creation time of `pid` in UTC ticks, or undefined when the process does not exist. */
export function readWindowsStartTime(pid: number): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const result = spawnSync(
    'powershell.exe',
    ['-NoProfile', '-NonInteractive', '-Command', `(Get-Process -Id ${pid} -ErrorAction Stop).StartTime.ToUniversalTime().Ticks`],
    { encoding: 'utf8', windowsHide: true, timeout: START_TIME_QUERY_TIMEOUT_MS },
  );
  const ticks = result.status === 0 ? result.stdout.trim() : '';
  return /^\d+$/.test(ticks) ? ticks : undefined;
}
