/** Shared helpers for the agent-exec tests: temp dirs and process liveness. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates a fresh temp directory; `cleanup` removes every one created. */
export function tempDirs(): { make: () => Promise<string>; cleanup: () => Promise<void> } {
  const made: string[] = [];
  return {
    async make() {
      const dir = await mkdtemp(join(tmpdir(), 'ioms-agent-exec-'));
      made.push(dir);
      return dir;
    },
    async cleanup() {
      await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

/**
 * True while `pid` is a live process. A zombie counts as dead: it runs nothing and holds no
 * resources but its pid, and in containers whose init does not reap, orphans stay zombies.
 */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Format: "pid (comm) S ..."; comm may contain spaces, so read after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false; // vanished between the two checks
  }
}

/** Polls `check` every 20 ms until it returns true or `timeoutMs` passes; returns the last answer. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 1000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Kills `pid` if it still exists; for cleanup of processes a test deliberately left running. */
export function killQuietly(pid: number): void {
  if (!Number.isInteger(pid) || pid <= 0) return; // 0 or negative would signal whole process groups
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Pids printed one per line by a test command. */
export function pidsIn(stdout: string): number[] {
  return stdout
    .split('\n')
    .filter((line) => /^\d+$/.test(line))
    .map(Number);
}
