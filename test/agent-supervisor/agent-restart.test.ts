/**
 * No two instances across agent restarts: a later supervisor on the same state dir adopts what
 * an earlier one left running, or reports it (an orphan) so the plan stops or replaces it,
 * including after a real agent process is SIGKILLed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../agent/supervisor/process-identity.js';
import { livePidsWithMarker, waitFor } from './process-helpers.js';
import { specHash, type ProcessSpec } from '../../manifests/index.js';
import type { Supervisor } from '../../agent/supervisor/supervisor.js';
import { createHarness, sleeper, spec as processSpec, start } from './supervisor-harness.js';

/** What the desired-state manager passes `recover`: the desired processes with their hashes. */
const recover = (sup: Supervisor, ...specs: ProcessSpec[]) => sup.recover(new Map(specs.map((s) => [s.name, { spec: s, specHash: specHash(s) }])));

const { supervisor, marker, stateDir, only, cleanUp } = createHarness();
afterEach(cleanUp);

const AGENT_MAIN = fileURLToPath(new URL('./fixtures/agent-main.ts', import.meta.url));

/** Starts the stand-in agent; resolves with it and the pid of the process it guards. */
function startAgent(dir: string, seconds: string): Promise<{ agent: ReturnType<typeof spawn>; guardedPid: number }> {
  const agent = spawn(process.execPath, ['--import', 'tsx', AGENT_MAIN, dir, seconds], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`agent not ready: ${out}`)), 10_000);
    agent.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\d+)/.exec(out);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ agent, guardedPid: Number(match[1]) });
      }
    });
    agent.once('exit', (code) => reject(new Error(`agent exited early with ${code}`)));
  });
}
describe.runIf(process.platform === 'linux')('Supervisor across agent restarts', () => {
  it('after the agent process is SIGKILLed, its guarded process keeps running and is adopted', async () => {
    const dir = stateDir();
    const mark = marker();
    const { agent, guardedPid } = await startAgent(dir, mark);
    agent.kill('SIGKILL');
    await new Promise((resolve) => agent.once('exit', resolve));
    expect(isProcessAlive(guardedPid)).toBe(true);

    const spec = processSpec({ name: 'game', command: 'sleep', args: [mark], restart: { policy: 'always', backoffSeconds: 1, maxBackoffSeconds: 5 } });
    const { sup } = supervisor(dir);
    expect(await recover(sup, spec)).toEqual(['game']);
    expect(only(sup)).toMatchObject({ pid: guardedPid, adopted: true, state: 'RUNNING' });
    expect(livePidsWithMarker(mark)).toEqual([guardedPid]);

    // Orphaned to pid 1 now; a kill -9 is still noticed and repaired within two seconds.
    process.kill(guardedPid, 'SIGKILL');
    await waitFor(() => only(sup).state === 'RUNNING' && only(sup).pid !== guardedPid, 2000, 'replacement');
    expect(livePidsWithMarker(mark)).toEqual([only(sup).pid]);
  });

  it('a new supervisor adopts the running instance instead of starting a second one', async () => {
    const dir = stateDir();
    const mark = marker();
    const spec = sleeper('game', mark);
    const a = supervisor(dir);
    await start(a.sup, spec);
    await waitFor(() => only(a.sup).state === 'RUNNING', 2000, 'RUNNING');
    const pid = only(a.sup).pid as number;
    a.sup.detach();
    await expect(start(a.sup, spec)).rejects.toMatchObject({ code: 'SUPERVISOR_DETACHED' });

    const b = supervisor(dir);
    expect(await recover(b.sup, spec)).toEqual(['game']);
    expect(only(b.sup)).toMatchObject({ pid, state: 'RUNNING', adopted: true });
    expect(livePidsWithMarker(mark)).toEqual([pid]);

    // The adopted instance is not our child: its death is noticed by polling and repaired.
    process.kill(pid, 'SIGKILL');
    await waitFor(() => only(b.sup).state === 'RUNNING' && only(b.sup).pid !== pid, 2000, 'replacement');
    expect(only(b.sup)).toMatchObject({ adopted: false, restarts: 1 });
    expect(b.events.find((e) => e.type === 'exited')).toMatchObject({ restart: { count: 1 } });
    expect(livePidsWithMarker(mark)).toHaveLength(1);
  });

  it('a new supervisor with a changed spec reports the old instance, and replace kills it before starting anew', async () => {
    const dir = stateDir();
    const mark = marker();
    const a = supervisor(dir);
    await start(a.sup, sleeper('game', mark));
    await waitFor(() => only(a.sup).state === 'RUNNING', 2000, 'RUNNING');
    const old = only(a.sup).pid as number;
    const oldHash = only(a.sup).specHash;
    a.sup.detach();

    const b = supervisor(dir);
    const changed = { ...sleeper('game', mark), env: { VERSION: '2' } };
    expect(await recover(b.sup, changed)).toEqual([]);
    expect(only(b.sup)).toMatchObject({ pid: old, state: 'RUNNING', specHash: oldHash });
    await b.sup.replace(changed, specHash(changed));
    await waitFor(() => only(b.sup).state === 'RUNNING', 2000, 'RUNNING');
    expect(isProcessAlive(old)).toBe(false);
    expect(livePidsWithMarker(mark)).toEqual([only(b.sup).pid]);
  });

  it('stop(name) on a fresh supervisor kills an instance an earlier agent left running (no longer desired)', async () => {
    const dir = stateDir();
    const mark = marker();
    const a = supervisor(dir);
    await start(a.sup, sleeper('game', mark));
    await waitFor(() => livePidsWithMarker(mark).length === 1, 2000, 'RUNNING');
    a.sup.detach();
    const b = supervisor(dir);
    expect(await recover(b.sup)).toEqual([]);
    expect(only(b.sup)).toMatchObject({ name: 'game', state: 'RUNNING' });
    await b.sup.stop('game');
    expect(livePidsWithMarker(mark)).toEqual([]);
    expect(b.sup.snapshot()).toEqual([]);
  });

  it('stopAll on a fresh supervisor kills what an earlier agent left running', async () => {
    const dir = stateDir();
    const mark = marker();
    const a = supervisor(dir);
    await start(a.sup, sleeper('game', mark));
    await waitFor(() => livePidsWithMarker(mark).length === 1, 2000, 'RUNNING');
    a.sup.detach();
    const b = supervisor(dir);
    await b.sup.stopAll();
    expect(livePidsWithMarker(mark)).toEqual([]);
  });

  it('never kills a recorded pid that now belongs to another program', async () => {
    const dir = stateDir();
    const mark = marker();
    const a = supervisor(dir);
    await start(a.sup, sleeper('game', mark));
    await waitFor(() => only(a.sup).state === 'RUNNING', 2000, 'RUNNING');
    const pid = only(a.sup).pid as number;
    a.sup.detach();
    // Simulate pid reuse: the new agent reads a different start time for the recorded pid.
    const b = supervisor(dir, { readStartTime: (p) => (p === pid ? 'some-other-start' : undefined) });
    expect(await recover(b.sup, sleeper('game', mark))).toEqual([]);
    expect(b.sup.snapshot()).toEqual([]);
    await start(b.sup, sleeper('game', mark));
    expect(isProcessAlive(pid)).toBe(true);
    process.kill(pid, 'SIGKILL');
  });
});
