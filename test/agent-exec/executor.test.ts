import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CommandResult } from '../../agent/exec/command-result.schema.js';
import { createExecutor, INTERRUPTED_ERROR, type ExecutorSpool } from '../../agent/exec/executor.js';
import { ResultSpool } from '../../agent/exec/result-spool.js';
import { type CommandStarted } from '../../agent/exec/run-command.js';
import { eventually, isAlive, killQuietly, tempDirs } from './helpers.js';

const dirs = tempDirs();
const seenPids: number[] = [];
afterEach(async () => {
  for (const pid of seenPids.splice(0)) killQuietly(pid);
  await dirs.cleanup();
});

/** Lines of a file the test commands append to; [] when it does not exist. */
async function linesOf(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** A spool in a fresh dir plus the path of a file that counts runs. */
async function setup(): Promise<{ dir: string; spool: ResultSpool; runs: string; counting: string }> {
  const dir = await dirs.make();
  const runs = join(dir, 'runs.log');
  return { dir, spool: await ResultSpool.open(join(dir, 'spool')), runs, counting: `echo ran >> '${runs}'; echo done` };
}

describe('executor', () => {
  it('executing one id twice runs it once and returns the stored result', async () => {
    const { spool, runs, counting } = await setup();
    const executor = createExecutor({ spool });
    const first = await executor.execute({ id: 'job1-host1', command: counting, timeoutMs: 5000 });
    const second = await executor.execute({ id: 'job1-host1', command: counting, timeoutMs: 5000 });
    expect(first).toMatchObject({ status: 'SUCCEEDED', stdout: 'done\n' });
    expect(second).toEqual(first);
    expect(await linesOf(runs)).toEqual(['ran']);
    expect(await spool.unacked()).toEqual([first]);
  });

  it('concurrent duplicates share one run', async () => {
    const { spool, runs, counting } = await setup();
    const executor = createExecutor({ spool });
    const request = { id: 'dup', command: `sleep 0.1; ${counting}`, timeoutMs: 5000 };
    const results = await Promise.all([executor.execute(request), executor.execute(request), executor.execute(request)]);
    expect(new Set(results).size).toBe(1);
    expect(await linesOf(runs)).toEqual(['ran']);
  });

  it('the spool survives reopening: a new agent process returns the stored result without running', async () => {
    const { dir, spool, runs, counting } = await setup();
    const before = await createExecutor({ spool }).execute({ id: 'persisted', command: counting, timeoutMs: 5000 });
    const reopened = await ResultSpool.open(join(dir, 'spool'));
    const after = await createExecutor({ spool: reopened }).execute({ id: 'persisted', command: counting, timeoutMs: 5000 });
    expect(after).toEqual(before);
    expect(await linesOf(runs)).toEqual(['ran']);
  });

  it('a run interrupted by an agent crash is reported once, as FAILED, and never run', async () => {
    const { dir, spool, runs, counting } = await setup();
    await spool.markStarted('crashed', { startedAt: '2025-01-01T00:00:00.000Z' }); // agent died here
    const reopened = await ResultSpool.open(join(dir, 'spool'));
    const executor = createExecutor({ spool: reopened, now: () => Date.parse('2025-01-01T00:00:05.000Z') });

    const recovered = await executor.recoverInterrupted();
    const expected: CommandResult = {
      id: 'crashed',
      status: 'FAILED',
      exitCode: -1,
      stdout: '',
      stderr: '',
      stdoutTruncated: false,
      stderrTruncated: false,
      startedAt: '2025-01-01T00:00:00.000Z',
      finishedAt: '2025-01-01T00:00:05.000Z',
      durationMs: 5000,
      error: INTERRUPTED_ERROR,
    };
    expect(recovered).toEqual([expected]);
    expect(await executor.recoverInterrupted()).toEqual([]);
    expect(await reopened.unacked()).toEqual([expected]);
    expect(await executor.execute({ id: 'crashed', command: counting, timeoutMs: 5000 })).toEqual(expected);
    expect(await linesOf(runs)).toEqual([]);
  });

  it('a redelivery of an interrupted run before recovery gets the same FAILED result', async () => {
    const { dir, spool, runs, counting } = await setup();
    await spool.markStarted('crashed', { startedAt: '2025-01-01T00:00:00.000Z' });
    const executor = createExecutor({ spool: await ResultSpool.open(join(dir, 'spool')) });
    const result = await executor.execute({ id: 'crashed', command: counting, timeoutMs: 5000 });
    expect(result).toMatchObject({ status: 'FAILED', exitCode: -1, error: INTERRUPTED_ERROR });
    expect(await executor.recoverInterrupted()).toEqual([]);
    expect(await linesOf(runs)).toEqual([]);
  });

  it('honours the concurrency limit with real processes', async () => {
    const { dir, spool } = await setup();
    const log = join(dir, 'concurrency.log');
    const executor = createExecutor({ spool, limit: 2 });
    const command = `echo + >> '${log}'; sleep 0.2; echo - >> '${log}'`;
    const pending = Array.from({ length: 5 }, (_, i) => executor.execute({ id: `c${i}`, command, timeoutMs: 5000 }));
    expect(await eventually(() => executor.stats().running === 2 && executor.stats().waiting === 3)).toBe(true);
    const results = await Promise.all(pending);
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('SUCCEEDED'));
    let running = 0;
    let peak = 0;
    for (const line of await linesOf(log)) {
      running += line === '+' ? 1 : -1;
      peak = Math.max(peak, running);
    }
    expect(peak).toBe(2);
    expect(executor.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('reports the start of each run through onStarted', async () => {
    const { spool } = await setup();
    const started: Array<{ id: string; started: CommandStarted }> = [];
    const executor = createExecutor({ spool, onStarted: (id, info) => started.push({ id, started: info }) });
    const result = await executor.execute({ id: 'hook', command: 'echo $$', timeoutMs: 5000 });
    expect(started).toEqual([{ id: 'hook', started: { pid: Number(result.stdout.trim()), startedAt: result.startedAt } }]);
  });

  it('cancel kills a running command, and the CANCELLED result is stored', async () => {
    const { spool, runs } = await setup();
    const executor = createExecutor({
      spool,
      onStarted: (id, { pid }) => {
        seenPids.push(pid);
        executor.cancel(id);
      },
    });
    const result = await executor.execute({ id: 'long', command: `sleep 3600; echo ran >> '${runs}'`, timeoutMs: 60_000 });
    expect(result).toMatchObject({ status: 'CANCELLED', exitCode: -1 });
    expect(await isAlive(seenPids[0] ?? 0)).toBe(false);
    expect(await executor.execute({ id: 'long', command: 'echo again', timeoutMs: 5000 })).toEqual(result);
    expect(executor.cancel('long')).toBe(false);
  });

  it('cancel of a waiting command ends it at once; it never starts', async () => {
    const { spool, runs, counting } = await setup();
    const started: string[] = [];
    const executor = createExecutor({ spool, limit: 1, onStarted: (id, { pid }) => (started.push(id), seenPids.push(pid)) });
    const blocker = executor.execute({ id: 'blocker', command: 'sleep 3600', timeoutMs: 60_000 });
    const waiting = executor.execute({ id: 'waiting', command: counting, timeoutMs: 5000 });
    expect(await eventually(() => started.length === 1)).toBe(true);
    expect(executor.cancel('waiting')).toBe(true);
    expect(await waiting).toMatchObject({ status: 'CANCELLED', exitCode: -1, error: 'cancelled before the command started' });
    expect(spool.entry('waiting')).toMatchObject({ state: 'completed' });
    executor.cancel('blocker');
    expect(await blocker).toMatchObject({ status: 'CANCELLED' });
    expect(started).toEqual(['blocker']);
    expect(await linesOf(runs)).toEqual([]);
  });

  it.each([
    { name: 'path characters in the id', request: { id: '../etc/passwd', command: 'true', timeoutMs: 1000 } },
    { name: 'no timeout', request: { id: 'x', command: 'true' } },
    { name: 'unknown interpreter', request: { id: 'x', command: 'true', timeoutMs: 1000, interpreter: 'zsh' } },
    { name: 'unknown field', request: { id: 'x', command: 'true', timeoutMs: 1000, shell: true } },
    { name: 'not an object', request: 'rm -rf /' },
  ])('rejects an invalid request ($name) and stores nothing', async ({ request }) => {
    const { spool } = await setup();
    const executor = createExecutor({ spool });
    await expect(executor.execute(request)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(await spool.unacked()).toEqual([]);
    expect(spool.interrupted()).toEqual([]);
  });

  it('does not run a command whose start marker cannot be written', async () => {
    const { spool } = await setup();
    let runs = 0;
    const failing: ExecutorSpool = {
      entry: (id) => spool.entry(id),
      get: (id) => spool.get(id),
      interrupted: () => spool.interrupted(),
      put: (id, result) => spool.put(id, result),
      markStarted: async () => {
        throw Object.assign(new Error('disk full'), { code: 'SPOOL_IO' });
      },
    };
    const executor = createExecutor({
      spool: failing,
      run: async () => {
        runs += 1;
        throw new Error('must not run');
      },
    });
    await expect(executor.execute({ id: 'nodisk', command: 'true', timeoutMs: 1000 })).rejects.toThrow('disk full');
    expect(runs).toBe(0);
  });
});
