/**
 * The cron runner on real node-cron timers, with a small real command runner (`sh -c`) standing
 * in for agent/exec. Every-second schedules keep each case to a few seconds.
 */
import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { CronRunner, type CronRunnerOptions } from '../../agent/cron/cron-runner.js';
import { CronError } from '../../agent/cron/cron-error.js';
import type { CronCommandRequest, CronCommandResult, CronRunRecord, RunCommand } from '../../agent/cron/types.js';
import { type CronSpec, specHash } from '../../manifests/index.js';

/** SetCron as the plan carries it out. The runner trusts the manifests' parse, so raw test entries are fine. */
function set(runner: CronRunner, raw: Record<string, unknown>): void {
  const entry = { timeoutSeconds: 3600, ...raw } as CronSpec;
  runner.set(entry, specHash(entry));
}

const runners: CronRunner[] = [];

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stopAll()));
});

/** Runs the command with `sh -c`, honouring the timeout and the abort signal. */
const shellRunCommand: RunCommand = (request, { signal }) =>
  new Promise<CronCommandResult>((resolve) => {
    execFile('sh', ['-c', request.command], { timeout: request.timeoutMs, signal }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      const status = error === null ? 'SUCCEEDED' : error.killed && !signal.aborted ? 'TIMED_OUT' : signal.aborted ? 'CANCELLED' : 'FAILED';
      resolve({ exitCode: code, stdout, stderr, status });
    });
  });

interface Harness {
  runner: CronRunner;
  records: CronRunRecord[];
  requests: CronCommandRequest[];
  restarted: string[];
}

function harness(options: Partial<CronRunnerOptions> = {}): Harness {
  const records: CronRunRecord[] = [];
  const requests: CronCommandRequest[] = [];
  const restarted: string[] = [];
  const runner = new CronRunner({
    runCommand: (request, context) => {
      requests.push(request);
      return shellRunCommand(request, context);
    },
    restartProcess: async (name) => {
      restarted.push(name);
    },
    ...options,
  });
  runner.onRun((record) => records.push(record));
  runners.push(runner);
  return { runner, records, requests, restarted };
}

async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

describe('CronRunner on real timers', () => {
  it('runs a 6-field every-second entry and records its runs', async () => {
    const { runner, records, requests } = harness();
    set(runner, { name: 'tick', schedule: '* * * * * *', timezone: 'Asia/Tokyo', command: 'echo tock; echo warn >&2', timeoutSeconds: 5 });
    await waitFor(() => records.length >= 2, 3500, 'two runs');
    const [first] = records;
    expect(first).toMatchObject({ name: 'tick', exitCode: 0, status: 'SUCCEEDED', output: 'tock\nwarn\n', outputTruncated: false });
    expect(Date.parse(first?.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(first?.startedAt ?? ''));
    expect(requests[0]).toMatchObject({ command: 'echo tock; echo warn >&2', timeoutMs: 5000 });
    expect(requests[0]?.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/);
    expect(new Set(requests.map((r) => r.id)).size).toBe(requests.length);
    const [snap] = runner.snapshot();
    expect(snap).toMatchObject({ name: 'tick', timezone: 'Asia/Tokyo', running: false });
    expect(snap?.lastRun?.status).toBe('SUCCEEDED');
    const nextMs = Date.parse(snap?.nextRunAt ?? '') - Date.now();
    expect(nextMs).toBeGreaterThan(-100);
    expect(nextMs).toBeLessThanOrEqual(1100);
    expect(snap?.nextRunLocal).toMatch(/\+09:00$/);
    expect(runner.runs('tick').length).toBe(records.length);
  });

  it('skips a tick while the previous run is still going and records it as SKIPPED', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    const { runner, records } = harness({
      runCommand: async (request, context) => {
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        try {
          return await shellRunCommand(request, context);
        } finally {
          concurrent -= 1;
        }
      },
    });
    set(runner, { name: 'slow', schedule: '* * * * * *', command: 'sleep 2.2' });
    await waitFor(() => records.some((r) => r.status === 'SUCCEEDED'), 4500, 'the slow run to finish');
    const skipped = records.filter((r) => r.status === 'SKIPPED');
    expect(skipped.length).toBeGreaterThanOrEqual(1);
    expect(skipped[0]).toMatchObject({ name: 'slow', exitCode: null });
    expect(maxConcurrent).toBe(1);
    expect(records.find((r) => r.status === 'SUCCEEDED')).toMatchObject({ exitCode: 0 });
  });

  it('a restartProcess entry calls the injected restart, and records a failure', async () => {
    const failing = harness({ restartProcess: () => Promise.reject(new Error('no guarded process named "ghost"')) });
    const { runner, records, restarted, requests } = harness();
    set(runner, { name: 'nightly-restart', schedule: '* * * * * *', restartProcess: 'gameserver' });
    set(failing.runner, { name: 'restart-ghost', schedule: '* * * * * *', restartProcess: 'ghost' });
    await waitFor(() => records.length >= 1 && failing.records.length >= 1, 2500, 'a run of each');
    expect(restarted[0]).toBe('gameserver');
    expect(requests).toEqual([]);
    expect(records[0]).toMatchObject({ status: 'SUCCEEDED', exitCode: null });
    expect(failing.records[0]).toMatchObject({ status: 'FAILED', exitCode: null, output: 'no guarded process named "ghost"' });
  });

  it('records a failing command with its exit code and a capped output', async () => {
    const { runner, records } = harness({ maxOutputBytes: 8 });
    set(runner, { name: 'bad', schedule: '* * * * * *', command: 'echo 0123456789abcdef; exit 3' });
    await waitFor(() => records.length >= 1, 2500, 'a run');
    expect(records[0]).toMatchObject({ status: 'FAILED', exitCode: 3, output: '9abcdef\n', outputTruncated: true });
  });

  it('gives up on a command runner that never returns, after timeout plus grace', async () => {
    let aborted = false;
    const { runner, records } = harness({
      timeoutGraceMs: 100,
      runCommand: (_request, { signal }) =>
        new Promise<CronCommandResult>(() => {
          signal.addEventListener('abort', () => (aborted = true));
        }),
    });
    set(runner, { name: 'hung', schedule: '* * * * * *', command: 'whatever', timeoutSeconds: 0.2 });
    await waitFor(() => records.length >= 1, 2500, 'the guard to fire');
    expect(records[0]).toMatchObject({ status: 'TIMED_OUT', exitCode: -1 });
    expect(aborted).toBe(true);
  });

  it('set of the same spec hash changes nothing; another spec replaces it; remove stops the entry', async () => {
    const { runner, records } = harness();
    const entry = { name: 'e', schedule: '* * * * * *', command: 'true' };
    set(runner, entry);
    await waitFor(() => records.length >= 1, 2500, 'a run');
    const hash = runner.snapshot()[0]?.specHash;
    set(runner, { ...entry, timezone: undefined });
    expect(runner.snapshot()[0]?.specHash).toBe(hash);
    expect(runner.runs('e').length).toBeGreaterThanOrEqual(1);
    set(runner, { ...entry, schedule: '0 4 * * *' });
    expect(runner.snapshot()[0]?.specHash).not.toBe(hash);
    expect(runner.runs('e')).toEqual([]);
    runner.remove('e');
    expect(runner.snapshot()).toEqual([]);
    const count = records.length;
    await sleep(1200);
    expect(records.length).toBe(count);
    expect(() => runner.runs('e')).toThrow(CronError);
  });
});

describe('CronRunner applies entries one by one', () => {
  const cases = [
    { name: 'an invalid schedule', entry: { name: 'a', schedule: '61 * * * *', command: 'true' }, message: /cannot run the schedule .*minute/ },
    { name: 'a 7-field schedule', entry: { name: 'a', schedule: '* * * * * * *', command: 'true' }, message: /cannot run the schedule/ },
    { name: 'an unknown time zone', entry: { name: 'a', schedule: '* * * * *', timezone: 'Nowhere/Land', command: 'true' }, message: /time zone "Nowhere\/Land"/ },
  ];
  it.each(cases)('$name fails alone: reported with its reason, the other entries untouched', ({ entry, message }) => {
    const { runner } = harness();
    set(runner, { name: 'keep', schedule: '0 4 * * *', command: 'true' });
    let caught: unknown;
    try {
      set(runner, entry);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CronError);
    expect((caught as CronError).code).toBe('INVALID_ENTRY');
    const snapshot = runner.snapshot();
    expect(snapshot.map((s) => [s.name, s.error === undefined])).toEqual([['a', false], ['keep', true]]);
    expect(snapshot[0]?.error).toMatch(message);
    expect(snapshot[0]?.nextRunAt).toBeUndefined();
    runner.remove('a');
    expect(runner.snapshot().map((s) => s.name)).toEqual(['keep']);
  });
});
