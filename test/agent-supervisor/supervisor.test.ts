/**
 * The supervisor with real processes (Linux): start, kill -9 and restart, policies, backoff to
 * FATAL, tree stop, log capture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { specHash } from '../../manifests/index.js';
import { logPathsFor } from '../../agent/supervisor/log-files.js';
import { isProcessAlive } from '../../agent/supervisor/process-identity.js';
import { livePidsWithMarker, waitFor } from './process-helpers.js';
import { always, createHarness, shell, sleeper, spec as processSpec, start } from './supervisor-harness.js';

const { supervisor, marker, stateDir, only, cleanUp } = createHarness();
afterEach(cleanUp);

describe.runIf(process.platform === 'linux')('Supervisor with real processes', () => {
  it('starts a guarded process and captures its output to a log file', async () => {
    const dir = stateDir();
    const mark = marker();
    const { sup, events } = supervisor(dir);
    await start(sup, shell('echoer', `echo hello-from-child; exec sleep ${mark}`));
    await waitFor(() => only(sup).state === 'RUNNING', 2000, 'RUNNING');
    const pid = only(sup).pid;
    expect(pid !== undefined && isProcessAlive(pid)).toBe(true);
    expect(events.filter((e) => e.type === 'started')).toHaveLength(1);
    const logs = logPathsFor(join(dir, 'logs'), 'echoer');
    await waitFor(() => readFileSync(logs.stdout, 'utf8').includes('hello-from-child'), 2000, 'log line');
  });

  it('keeps each log file under its size cap, the tail kept in .1', async () => {
    const dir = stateDir();
    const mark = marker();
    const { sup } = supervisor(dir, { maxLogBytes: 1000, logCheckIntervalMs: 50 });
    const script = `i=0; while [ $i -lt 2000 ]; do echo line-$i; i=$((i+1)); done; exec sleep ${mark}`;
    await start(sup, shell('chatty', script));
    const logs = logPathsFor(join(dir, 'logs'), 'chatty');
    const rotated = (): string => {
      try {
        return readFileSync(`${logs.stdout}.1`, 'utf8');
      } catch {
        return '';
      }
    };
    await waitFor(() => rotated().endsWith('line-1999\n'), 3000, 'the rotated tail');
    expect(Buffer.byteLength(rotated())).toBeLessThanOrEqual(1000);
    expect(readFileSync(logs.stdout).length).toBeLessThanOrEqual(1000);
    expect(only(sup).state).toBe('RUNNING');
  });

  it('replaces a kill -9ed instance within two seconds and records SIGKILL', async () => {
    const mark = marker();
    const { sup, events } = supervisor(stateDir());
    await start(sup, sleeper('sleeper', mark));
    await waitFor(() => only(sup).state === 'RUNNING', 2000, 'RUNNING');
    const first = only(sup).pid as number;
    const killedAt = Date.now();
    process.kill(first, 'SIGKILL');
    await waitFor(() => only(sup).state === 'RUNNING' && only(sup).pid !== first, 2000, 'a new instance');
    expect(Date.now() - killedAt).toBeLessThan(2000);
    const exited = events.find((e) => e.type === 'exited');
    expect(exited).toMatchObject({ type: 'exited', pid: first, next: 'restart', restart: { signal: 'SIGKILL', count: 1 } });
    expect(only(sup)).toMatchObject({ restarts: 1, lastExit: { signal: 'SIGKILL' } });
    expect(livePidsWithMarker(mark)).toEqual([only(sup).pid]);
  });

  const noRestartCases = [
    { name: 'policy never stays EXITED after a kill', spec: (m: string) => sleeper('p', m, { ...always, policy: 'never' }), kill: true },
    { name: 'on-failure with exit 0 is not restarted', spec: () => shell('p', 'exit 0', { ...always, policy: 'on-failure' }), kill: false },
  ];
  it.each(noRestartCases)('$name', async ({ spec, kill }) => {
    const { sup, events } = supervisor(stateDir());
    await start(sup, spec(marker()));
    if (kill) {
      await waitFor(() => only(sup).state === 'RUNNING', 2000, 'RUNNING');
      process.kill(only(sup).pid as number, 'SIGKILL');
    }
    await waitFor(() => only(sup).state === 'EXITED', 2000, 'EXITED');
    await sleep(300);
    expect(only(sup).state).toBe('EXITED');
    expect(events.filter((e) => e.type === 'started')).toHaveLength(1);
    expect(events.find((e) => e.type === 'exited')).toMatchObject({ next: 'exit' });
  });

  it('restarts on-failure after a non-zero exit', async () => {
    const { sup, events } = supervisor(stateDir());
    await start(sup, shell('p', 'exit 3', { ...always, policy: 'on-failure', startLimit: 2 }));
    await waitFor(() => only(sup).state === 'FATAL', 3000, 'FATAL');
    expect(events.filter((e) => e.type === 'started')).toHaveLength(2);
    expect(only(sup).lastExit).toMatchObject({ code: 3 });
  });

  it('backs off with growing delays, then is FATAL after the start limit, reported once', async () => {
    const { sup, events } = supervisor(stateDir(), { random: () => 0.5 });
    await start(sup, shell('crasher', 'exit 1'));
    await waitFor(() => only(sup).state === 'FATAL', 5000, 'FATAL');
    await sleep(400);
    const delays = events.flatMap((e) => (e.type === 'exited' && e.next === 'restart' ? [e.delayMs] : []));
    expect(delays).toEqual([0, 50, 100]);
    expect(events.filter((e) => e.type === 'started')).toHaveLength(4);
    expect(events.filter((e) => e.type === 'fatal')).toHaveLength(1);
    expect(only(sup)).toMatchObject({ state: 'FATAL', restarts: 3, lastExit: { code: 1 } });
    expect(only(sup).pid).toBeUndefined();
    expect(only(sup).reason).toMatch(/exited quickly 4 times .*start limit 4/);
    expect(only(sup).retryAt).toBeUndefined();
    // It stays FATAL by itself; a manual restart (ioms exec --action restart-process) revives it.
    await sleep(300);
    expect(only(sup).state).toBe('FATAL');
    await sup.restart('crasher');
    await waitFor(() => events.filter((e) => e.type === 'started').length === 5, 2000, 'a manual start');
  });

  it('reports a command that cannot be spawned, and gives up after the start limit', async () => {
    const { sup, events } = supervisor(stateDir());
    await start(sup, processSpec({ name: 'ghost', command: '/nonexistent/ioms-test-binary', restart: { ...always, startLimit: 2 } }));
    await waitFor(() => only(sup).state === 'FATAL', 3000, 'FATAL');
    expect(only(sup).lastExit?.error).toMatch(/ENOENT/);
    expect(events.filter((e) => e.type === 'fatal')).toHaveLength(1);
  });

  it('a FATAL process with restart.retryAfterSeconds is started again after that delay', async () => {
    const { sup, events } = supervisor(stateDir());
    await start(sup, shell('retrier', 'exit 2', { ...always, startLimit: 2, retryAfterSeconds: 1 }));
    await waitFor(() => only(sup).state === 'FATAL', 3000, 'FATAL');
    expect(only(sup).retryAt).toBeDefined();
    const startsAtFatal = events.filter((e) => e.type === 'started').length;
    await waitFor(() => events.filter((e) => e.type === 'started').length > startsAtFatal, 3000, 'the retry');
  });

  it('stop(name) stops the process and its children', async () => {
    const dir = stateDir();
    const mark = marker();
    const { sup, events } = supervisor(dir);
    // The shell ignores SIGTERM, so the stop must escalate to SIGKILL for the group.
    await start(sup, shell('tree', `trap '' TERM; sleep ${mark} & sleep ${mark} & wait`));
    await waitFor(() => livePidsWithMarker(mark).length === 3, 2000, 'shell and two children');
    await sup.stop('tree');
    expect(livePidsWithMarker(mark)).toEqual([]);
    expect(sup.snapshot()).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'stopped', name: 'tree' });
  });

  it('kills descendants left behind when the leader dies, before restarting', async () => {
    const mark = marker();
    const { sup } = supervisor(stateDir());
    await start(sup, shell('leaky', `sleep ${mark} & sleep ${mark}`));
    await waitFor(() => livePidsWithMarker(mark).length === 3, 2000, 'the shell and two sleeps');
    const leader = only(sup).pid as number;
    const leftovers = livePidsWithMarker(mark).filter((pid) => pid !== leader);
    process.kill(leader, 'SIGKILL');
    await waitFor(() => only(sup).restarts === 1 && only(sup).state === 'RUNNING', 2000, 'restart');
    expect(leftovers.filter((pid) => isProcessAlive(pid))).toEqual([]);
    await waitFor(() => livePidsWithMarker(mark).length === 3, 2000, 'exactly one new tree');
    expect(livePidsWithMarker(mark)).not.toContain(leader);
  });

  it('start of a running spec changes nothing; replace restarts it with the changed spec', async () => {
    const mark = marker();
    const { sup } = supervisor(stateDir());
    await start(sup, sleeper('s', mark));
    await waitFor(() => only(sup).state === 'RUNNING', 2000, 'RUNNING');
    const first = only(sup);
    await start(sup, { ...sleeper('s', mark), cwd: undefined });
    expect(only(sup).pid).toBe(first.pid);
    const changed = { ...sleeper('s', mark), env: { IOMS_TEST: '1' } };
    await sup.replace(changed, specHash(changed));
    await waitFor(() => only(sup).state === 'RUNNING', 2000, 'RUNNING');
    expect(only(sup).pid).not.toBe(first.pid);
    expect(only(sup).specHash).not.toBe(first.specHash);
    expect(livePidsWithMarker(mark)).toHaveLength(1);
  });

  it('restart(name) replaces the instance; an unknown name is a typed error', async () => {
    const mark = marker();
    const { sup } = supervisor(stateDir());
    await start(sup, sleeper('s', mark));
    await waitFor(() => only(sup).state === 'RUNNING', 2000, 'RUNNING');
    const first = only(sup).pid;
    await sup.restart('s');
    await waitFor(() => only(sup).state === 'RUNNING', 2000, 'RUNNING');
    expect(only(sup).pid).not.toBe(first);
    expect(livePidsWithMarker(mark)).toHaveLength(1);
    await expect(sup.restart('nope')).rejects.toMatchObject({ code: 'UNKNOWN_PROCESS' });
  });
});
