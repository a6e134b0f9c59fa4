/** Shared helpers for the agent-service tests: temp dirs and a recording command runner. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type RunCommand, type RunResult } from '../../agent/service/service-plan.js';

/** Creates fresh temp directories; `cleanup` removes every one created. */
export function tempDirs(): { make: () => Promise<string>; cleanup: () => Promise<void> } {
  const made: string[] = [];
  return {
    async make() {
      const dir = await mkdtemp(join(tmpdir(), 'ioms-agent-service-'));
      made.push(dir);
      return dir;
    },
    async cleanup() {
      await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

/** A fake {@link RunCommand} that records each call; `results` answers by `cmd args...` prefix. */
export function recordingRun(results: Record<string, Partial<RunResult>> = {}): { run: RunCommand; calls: string[][] } {
  const calls: string[][] = [];
  const run: RunCommand = async (cmd, args) => {
    const line = [cmd, ...args].join(' ');
    calls.push([cmd, ...args]);
    const match = Object.keys(results).find((prefix) => line.startsWith(prefix));
    return { code: 0, stdout: '', stderr: '', ...(match === undefined ? {} : results[match]) };
  };
  return { run, calls };
}
