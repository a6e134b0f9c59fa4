/** Helpers for tests that run real processes (Linux /proc based where noted). */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from '../../agent/supervisor/process-identity.js';

/** Polls `predicate` until it holds; throws with `what` after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** Pids of live (non-zombie) processes whose command line contains `marker` (Linux). */
export function livePidsWithMarker(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes(marker) && isProcessAlive(Number(entry))) pids.push(Number(entry));
  }
  return pids;
}

/** SIGKILLs every live process carrying `marker` (test cleanup). */
export function killMarked(marker: string): void {
  for (const pid of livePidsWithMarker(marker)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
