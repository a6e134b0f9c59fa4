import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { killTreePosix } from '../../agent/exec/kill-tree.posix.js';
import { killTreeWin32, taskkillArgs } from '../../agent/exec/kill-tree.win32.js';

const esrch = (): Error => Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });

describe('killTreePosix', () => {
  const cases: Array<{
    name: string;
    /** How many signal-0 probes find the group alive before it is gone (Infinity: never goes). */
    aliveProbes: number;
    goneBeforeTerm?: boolean;
    expected: Array<NodeJS.Signals | 0>;
  }> = [
    { name: 'group already gone: SIGTERM finds nobody, nothing else sent', aliveProbes: 0, goneBeforeTerm: true, expected: ['SIGTERM'] },
    { name: 'group exits on SIGTERM: no SIGKILL', aliveProbes: 1, expected: ['SIGTERM', 0, 0] },
    { name: 'group ignores SIGTERM: SIGKILL after the grace period', aliveProbes: Infinity, expected: ['SIGTERM', 0, 0, 0, 0, 'SIGKILL'] },
  ];

  it.each(cases)('$name', async ({ aliveProbes, goneBeforeTerm, expected }) => {
    const sent: Array<NodeJS.Signals | 0> = [];
    const targets: number[] = [];
    let probes = 0;
    const slept: number[] = [];
    await killTreePosix(4242, {
      graceMs: 200,
      pollMs: 50,
      sleep: async (ms) => void slept.push(ms),
      hasLiveMember: async () => true,
      kill: (pid, signal) => {
        sent.push(signal);
        targets.push(pid);
        if (goneBeforeTerm) throw esrch();
        if (signal === 0 && probes++ >= aliveProbes) throw esrch();
      },
    });
    expect(sent).toEqual(expected);
    expect(new Set(targets)).toEqual(new Set([-4242])); // always the group, never a lone pid
    expect(slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(200);
  });

  it('a group with only zombies left counts as gone', async () => {
    const sent: Array<NodeJS.Signals | 0> = [];
    await killTreePosix(4242, {
      graceMs: 1000,
      sleep: async () => undefined,
      hasLiveMember: async () => false,
      kill: (_pid, signal) => void sent.push(signal),
    });
    expect(sent).toEqual(['SIGTERM', 0]);
  });
});

describe('killTreeWin32', () => {
  it('runs taskkill /pid N /T /F and resolves when it ends', async () => {
    const calls: Array<{ file: string; args: readonly string[] }> = [];
    const fakeSpawn = ((file: string, args: readonly string[]) => {
      calls.push({ file, args });
      const child = new EventEmitter();
      setTimeout(() => child.emit('close', 128), 5); // 128: process not found is fine too
      return child;
    }) as never;
    await killTreeWin32(1234, { spawn: fakeSpawn });
    expect(calls).toEqual([{ file: 'taskkill', args: ['/pid', '1234', '/T', '/F'] }]);
    expect(taskkillArgs(7)).toEqual(['/pid', '7', '/T', '/F']);
  });

  it('resolves even when taskkill cannot start', async () => {
    const fakeSpawn = (() => {
      const child = new EventEmitter();
      setTimeout(() => child.emit('error', new Error('spawn taskkill ENOENT')), 5);
      return child;
    }) as never;
    await expect(killTreeWin32(1, { spawn: fakeSpawn })).resolves.toBeUndefined();
  });
});
