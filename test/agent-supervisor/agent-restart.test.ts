/**
 * No two instances across agent restarts: a later supervisor on the same state dir adopts or
 * kills what an earlier one left running, including after a real agent process is SIGKILLed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../agent/supervisor/process-identity.js';
import { livePidsWithMarker, waitFor } from './process-helpers.js';
import { createHarness, sleeper } from './supervisor-harness.js';

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

    const spec = { name: 'game', command: 'sleep', args: [mark], restart: { policy: 'always' as const, backoffSeconds: 1, maxBackoffSeconds: 5 } };
    const { sup } = supervisor(dir);
    expect(await sup.apply([spec])).toMatchObject({ adopted: ['game'], started: [] });
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
    await a.sup.apply([spec]);
    await waitFor(() => only(a.sup).state === 'RUNNING', 2000, 'RUNNING');
    const pid = only(a.sup).pid as number;
    a.sup.detach();
    await expect(a.sup.apply([spec])).rejects.toMatchObject({ code: 'SUPERVISOR_DETACHED' });

    const b = supervisor(dir);
    const result = await b.sup.apply([spec]);
    expect(result).toMatchObject({ adopted: ['game'], started: [], unchanged: [] });
    expect(only(b.sup)).toMatchObject({ pid, state: 'RUNNING', adopted: true });
    expect(livePidsWithMarker(mark)).toEqual([pid]);

    // The adopted instance is not our child: its death is noticed by polling and repaired.
    process.kill(pid, 'SIGKILL');
    await waitFor(() => only(b.sup).state === 'RUNNING' && only(b.sup).pid !== pid, 2000, 'replacement');
    expect(only(b.sup)).toMatchObject({ adopted: false, restarts: 1 });
    expect(b.events.find((e) => e.type === 'exited')).toMatchObject({ restart: { count: 1 } });
    expect(livePidsWithMarker(mark)).toHaveLength(1);
  });

  it('a new supervisor with a changed spec kills the old instance before starting anew', async () => {
    const dir = stateDir();
    const mark = marker();
    const a = supervisor(dir);
    await a.sup.apply([sleeper('game', mark)]);
    await waitFor(() => only(a.sup).state === 'RUNNING', 2000, 'RUNNING');
    const old = only(a.sup).pid as number;
    a.sup.detach();

    const b = supervisor(dir);
    const result = await b.sup.apply([{ ...sleeper('game', mark), env: { VERSION: '2' } }]);
    expect(result.started).toEqual(['game']);
    await waitFor(() => only(b.sup).state === 'RUNNING', 2000, 'RUNNING');
    expect(isProcessAlive(old)).toBe(false);
    expect(livePidsWithMarker(mark)).toEqual([only(b.sup).pid]);
  });

  it('stopAll on a fresh supervisor kills what an earlier agent left running', async () => {
    const dir = stateDir();
    const mark = marker();
    const a = supervisor(dir);
    await a.sup.apply([sleeper('game', mark)]);
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
    await a.sup.apply([sleeper('game', mark)]);
    await waitFor(() => only(a.sup).state === 'RUNNING', 2000, 'RUNNING');
    const pid = only(a.sup).pid as number;
    a.sup.detach();
    // Simulate pid reuse: the new agent reads a different start time for the recorded pid.
    const b = supervisor(dir, { readStartTime: (p) => (p === pid ? 'some-other-start' : undefined) });
    const result = await b.sup.apply([sleeper('game', mark)]);
    expect(result).toMatchObject({ adopted: [], started: ['game'] });
    expect(isProcessAlive(pid)).toBe(true);
    process.kill(pid, 'SIGKILL');
  });
});
