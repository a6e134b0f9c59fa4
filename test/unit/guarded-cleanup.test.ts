import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readProcessStartTime, isProcessAlive } from '../../agent/supervisor/process-identity.js';
import { guardedPidDir, killGuardedProcesses, stateDirOf } from '../helpers/guarded-cleanup.js';
import { waitFor } from '../helpers/processes.js';

describe('stateDirOf', () => {
  it.each([
    { name: 'separate value', args: ['--server', 'x', '--state-dir', '/s/a'], env: {}, expected: '/s/a' },
    { name: 'joined value', args: ['--state-dir=/s/b'], env: {}, expected: '/s/b' },
    { name: 'environment fallback', args: ['--server', 'x'], env: { IOMS_AGENT_STATE_DIR: '/s/c' }, expected: '/s/c' },
    { name: 'none', args: [], env: {}, expected: undefined },
  ])('$name', ({ args, env, expected }) => {
    expect(stateDirOf(args, env)).toBe(expected);
  });
});

describe.skipIf(process.platform !== 'linux')('killGuardedProcesses', () => {
  const dirs: string[] = [];
  const pids: number[] = [];
  afterEach(() => {
    for (const pid of pids.splice(0)) if (isProcessAlive(pid)) process.kill(-pid, 'SIGKILL');
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A guarded-like loop leading its own process group, recorded as the supervisor would. */
  function guarded(startTime?: (real: string) => string): { stateDir: string; pid: number } {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-guarded-cleanup-'));
    dirs.push(stateDir);
    const child = spawn('/bin/sh', ['-c', 'while true; do sleep 5; done'], { detached: true, stdio: 'ignore' });
    child.unref();
    const pid = child.pid!;
    pids.push(pid);
    const real = readProcessStartTime(pid)!;
    fs.mkdirSync(guardedPidDir(stateDir), { recursive: true });
    const record = { version: 1, name: 'sleeper', pid, startTime: startTime ? startTime(real) : real, specHash: 'h', startedAt: new Date().toISOString() };
    fs.writeFileSync(path.join(guardedPidDir(stateDir), 'sleeper.json'), JSON.stringify(record));
    return { stateDir, pid };
  }

  it('kills the recorded process group, the loop and its sleep', async () => {
    const { stateDir, pid } = guarded();
    await waitFor(() => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').length > 0, 5_000, 'sleeper started');
    expect(killGuardedProcesses(stateDir)).toEqual([pid]);
    await waitFor(() => !isProcessAlive(pid), 5_000, 'sleeper gone');
  });

  it('leaves a pid alone whose start time is not the recorded one (reused pid)', () => {
    const { stateDir, pid } = guarded((real) => String(Number(real) + 1));
    expect(killGuardedProcesses(stateDir)).toEqual([]);
    expect(isProcessAlive(pid)).toBe(true);
  });

  it('does nothing for a state dir without records', () => {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-guarded-cleanup-'));
    dirs.push(stateDir);
    expect(killGuardedProcesses(stateDir)).toEqual([]);
  });
});
