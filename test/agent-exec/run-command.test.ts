import { access, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CommandRequest } from '../../agent/exec/command-request.schema.js';
import { type CommandResult } from '../../agent/exec/command-result.schema.js';
import { createKillTree } from '../../agent/exec/kill-tree.js';
import { runCommand, type CommandStarted } from '../../agent/exec/run-command.js';
import { isAlive, killQuietly, pidsIn, tempDirs } from './helpers.js';

const dirs = tempDirs();
/** Pids a test saw; killed after each test so a failing test leaks no process. */
const seenPids: number[] = [];
afterEach(async () => {
  for (const pid of seenPids.splice(0)) killQuietly(pid);
  await dirs.cleanup();
});

const request = (fields: Partial<CommandRequest> & { command: string }): CommandRequest => ({
  id: 'cmd-1',
  timeoutMs: 10_000,
  ...fields,
});

describe('runCommand with real processes', () => {
  const cases: Array<{
    name: string;
    req: Partial<CommandRequest> & { command: string };
    expected: Partial<CommandResult>;
    maxDurationMs?: number;
  }> = [
    { name: 'echo succeeds with stdout', req: { command: 'echo hi' }, expected: { status: 'SUCCEEDED', exitCode: 0, stdout: 'hi\n', stderr: '' } },
    { name: 'exit 3 fails with exit code 3', req: { command: 'exit 3' }, expected: { status: 'FAILED', exitCode: 3 } },
    { name: 'stderr is captured apart from stdout', req: { command: 'echo out; echo oops >&2' }, expected: { stdout: 'out\n', stderr: 'oops\n' } },
    { name: 'output is decoded as UTF-8', req: { command: "printf 'h\\303\\251llo'" }, expected: { stdout: 'héllo' } },
    { name: 'stdin is closed, so cat ends at once', req: { command: 'cat' }, expected: { status: 'SUCCEEDED', stdout: '' } },
    { name: 'bash interpreter runs bash', req: { command: 'echo ${BASH_VERSION:+is-bash}', interpreter: 'bash' }, expected: { stdout: 'is-bash\n' } },
    {
      name: 'env values are data, never shell code',
      req: { command: 'printf %s "$GREETING"', env: { GREETING: '$(echo injected); `echo x`' } },
      expected: { status: 'SUCCEEDED', stdout: '$(echo injected); `echo x`' },
    },
    {
      name: 'a signal nobody sent is a failure without exit code',
      req: { command: 'kill -KILL $$' },
      expected: { status: 'FAILED', exitCode: -1, signal: 'SIGKILL' },
    },
    {
      name: 'yes is capped at the limit and ends by timeout',
      req: { command: 'yes', timeoutMs: 300, maxOutputBytes: 1000 },
      expected: { status: 'TIMED_OUT', stdout: 'y\n'.repeat(500), stdoutTruncated: true, stderrTruncated: false },
      maxDurationMs: 2500,
    },
    {
      name: 'sleep 3600 with a 300 ms timeout ends TIMED_OUT fast',
      req: { command: 'sleep 3600', timeoutMs: 300 },
      expected: { status: 'TIMED_OUT', exitCode: -1, signal: 'SIGTERM' },
      maxDurationMs: 1500,
    },
    {
      name: 'a missing interpreter never starts',
      req: { command: 'echo hi', interpreter: 'powershell' },
      expected: { status: 'FAILED', exitCode: -1, stdout: '' },
    },
  ];

  it.each(cases)('$name', async ({ req, expected, maxDurationMs }) => {
    const before = Date.now();
    const result = await runCommand(request(req));
    expect(result).toMatchObject({ id: 'cmd-1', ...expected });
    if (maxDurationMs !== undefined) expect(Date.now() - before).toBeLessThan(maxDurationMs);
  });

  it('reports why a missing interpreter never started', async () => {
    const result = await runCommand(request({ command: 'echo hi', interpreter: 'powershell' }));
    expect(result.error).toMatch(/cannot start pwsh: .*ENOENT/);
  });

  it.each([
    { name: 'missing directory', cwd: '/nonexistent/ioms-test', error: /working directory \/nonexistent\/ioms-test does not exist/ },
    { name: 'a file, not a directory', cwd: 'FILE', error: /is not a directory/ },
  ])('a bad cwd ($name) never starts: exitCode -1 and an error', async ({ cwd, error }) => {
    const dir = await dirs.make();
    const file = join(dir, 'plain-file');
    await writeFile(file, 'x');
    const marker = join(dir, 'ran');
    const result = await runCommand(request({ command: `touch ${marker}`, cwd: cwd === 'FILE' ? file : cwd }));
    expect(result).toMatchObject({ status: 'FAILED', exitCode: -1 });
    expect(result.error).toMatch(error);
    await expect(access(marker)).rejects.toThrow(); // the command itself never ran
  });

  it('runs in the requested cwd', async () => {
    const dir = await dirs.make();
    const result = await runCommand(request({ command: 'pwd -P', cwd: dir }));
    expect(result.stdout).toBe(`${await realpath(dir)}\n`);
  });

  it('a timeout leaves no surviving child of a command that forks', async () => {
    let leader: CommandStarted | undefined;
    const result = await runCommand(
      request({ command: 'sleep 3600 & echo $!; sleep 3600 & echo $!; wait', timeoutMs: 500 }),
      { onStarted: (started) => (leader = started), killTree: createKillTree({ graceMs: 300 }) },
    );
    const children = pidsIn(result.stdout);
    seenPids.push(...children, leader?.pid ?? 0);
    expect(result.status).toBe('TIMED_OUT');
    expect(children).toHaveLength(2);
    expect(leader).toBeDefined();
    for (const pid of [leader?.pid ?? 0, ...children]) expect(await isAlive(pid), `pid ${pid}`).toBe(false);
  });

  it('a tree that ignores SIGTERM is killed with SIGKILL after the grace period', async () => {
    const result = await runCommand(
      request({ command: "trap '' TERM; sleep 3600 & echo $!; wait; wait; sleep 3600", timeoutMs: 200 }),
      { killTree: createKillTree({ graceMs: 200 }) },
    );
    const [child] = pidsIn(result.stdout);
    seenPids.push(child ?? 0);
    expect(result).toMatchObject({ status: 'TIMED_OUT', signal: 'SIGKILL' });
    expect(child).toBeDefined();
    expect(await isAlive(child ?? 0)).toBe(false);
    expect(result.durationMs).toBeGreaterThanOrEqual(350);
  });

  it('an abort cancels the run and kills its tree', async () => {
    const controller = new AbortController();
    const pending = runCommand(request({ command: 'sleep 3600 & echo $!; wait', timeoutMs: 60_000 }), {
      signal: controller.signal,
      killTree: createKillTree({ graceMs: 300 }),
      onStarted: () => setTimeout(() => controller.abort(), 100),
    });
    const result = await pending;
    const [child] = pidsIn(result.stdout);
    seenPids.push(child ?? 0);
    expect(result).toMatchObject({ status: 'CANCELLED', exitCode: -1 });
    expect(await isAlive(child ?? 0)).toBe(false);
  });

  it('a tree killer that fails does not wedge the run', async () => {
    const result = await runCommand(request({ command: 'sleep 3600', timeoutMs: 100 }), {
      drainMs: 100,
      killTree: async (pid) => {
        process.kill(-pid, 'SIGKILL');
        throw new Error('kill reported a failure');
      },
    });
    expect(result.status).toBe('TIMED_OUT');
  });

  it('an abort before the start spawns nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    let spawned = false;
    const result = await runCommand(request({ command: 'echo hi' }), {
      signal: controller.signal,
      spawn: (() => {
        spawned = true;
        throw new Error('must not spawn');
      }) as never,
    });
    expect(result).toMatchObject({ status: 'CANCELLED', exitCode: -1, error: 'cancelled before the command started' });
    expect(spawned).toBe(false);
  });

  it('a background child holding stdout does not hold the result past drainMs', async () => {
    const started = Date.now();
    const result = await runCommand(request({ command: 'sleep 3600 & echo $!; echo done' }), { drainMs: 200 });
    const [child] = pidsIn(result.stdout);
    seenPids.push(child ?? 0);
    expect(result).toMatchObject({ status: 'SUCCEEDED', exitCode: 0 });
    expect(result.stdout).toContain('done');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await isAlive(child ?? 0)).toBe(true); // left alone: only a timeout or cancel kills
  });

  it('times come from the now seam', async () => {
    let clock = 1_700_000_000_000;
    const result = await runCommand(request({ command: 'true' }), { now: () => (clock += 250) });
    expect(result.startedAt).toBe(new Date(1_700_000_000_250).toISOString());
    expect(result.finishedAt).toBe(new Date(1_700_000_000_500).toISOString());
    expect(result.durationMs).toBe(250);
  });

  it('calls onStarted once with the pid and the start time', async () => {
    const seen: CommandStarted[] = [];
    const result = await runCommand(request({ command: 'echo $$' }), { onStarted: (started) => seen.push(started) });
    expect(seen).toEqual([{ pid: Number(result.stdout.trim()), startedAt: result.startedAt }]);
  });
});
