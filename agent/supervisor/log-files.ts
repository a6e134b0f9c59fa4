/**
 * Capture of a guarded process's stdout and stderr to files in the state dir.
 *
 * The child writes straight into the files (its stdio are file descriptors opened in append
 * mode, not pipes to the agent), so it keeps running and logging when the agent exits or
 * restarts (see `supervisor.ts` on adoption). The size cap is therefore enforced from outside,
 * "copytruncate" style: when a file is over `maxBytes`, its last `maxBytes` bytes go to
 * `<file>.1` and the file is truncated; the child's next append lands at offset 0. Lines written
 * between the copy and the truncation are lost, and a file may exceed the cap by whatever is
 * written between two checks; on disk a process uses at most about 2 × maxBytes per stream.
 */
import { closeSync, mkdirSync, openSync, readSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @default cap per stream */
export const DEFAULT_MAX_LOG_BYTES = 10 * 1024 * 1024;

export interface LogPaths {
  readonly stdout: string;
  readonly stderr: string;
}

/** File-name-safe form of a process name (no separators, no `..` segments). */
export function fileSafeName(name: string): string {
  return encodeURIComponent(name).replace(/\./g, '%2E');
}

export function logPathsFor(logDir: string, name: string): LogPaths {
  const base = join(logDir, fileSafeName(name));
  return { stdout: `${base}.stdout.log`, stderr: `${base}.stderr.log` };
}

/** Opens both files for appending (creating the directory); the caller closes the descriptors. */
export function openLogFiles(paths: LogPaths): { readonly stdout: number; readonly stderr: number } {
  mkdirSync(join(paths.stdout, '..'), { recursive: true });
  const stdout = openSync(paths.stdout, 'a', 0o600);
  try {
    return { stdout, stderr: openSync(paths.stderr, 'a', 0o600) };
  } catch (error) {
    closeSync(stdout);
    throw error;
  }
}

/**
 * Keeps `path` under `maxBytes` as described in the module comment.
 * @returns true when the file was rotated.
 */
export function capLogFile(path: string, maxBytes: number): boolean {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return false;
  }
  if (size <= maxBytes) return false;
  const tail = Buffer.alloc(maxBytes);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, tail, 0, maxBytes, size - maxBytes);
    writeFileSync(`${path}.1`, tail.subarray(0, read), { mode: 0o600 });
  } finally {
    closeSync(fd);
  }
  truncateSync(path, 0);
  return true;
}
