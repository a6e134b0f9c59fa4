/**
 * The agent's schedule timer (agent/cron/schedule.ts) under a fake clock: entries fire at the
 * engine's instants, missed runs and clock steps behave as documented, `@reboot` runs once per
 * boot. The first case drives the real CronRunner with real `sh -c` runs.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { CronRunner } from '../../agent/cron/cron-runner.js';
import { BOOT_MARKER_FILE, openRebootGate } from '../../agent/cron/reboot-gate.js';
import { CATCH_UP_LIMIT_MS, type RebootGate, createScheduleTask } from '../../agent/cron/schedule.js';
import type { CronCommandResult, CronRunRecord, RunCommand } from '../../agent/cron/types.js';
import { type CronSpec, specHash } from '../../manifests/index.js';
import { FakeClock } from '../helpers/fake-clock.js';

/** SetCron as the plan carries it out. */
function set(runner: CronRunner, raw: Record<string, unknown>): void {
  const entry = { timeoutSeconds: 3600, ...raw } as CronSpec;
  runner.set(entry, specHash(entry));
}

const shellRunCommand: RunCommand = (request, { signal }) =>
  new Promise<CronCommandResult>((resolve) => {
    execFile('sh', ['-c', request.command], { timeout: request.timeoutMs, signal }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ exitCode: code, stdout, stderr, status: error === null ? 'SUCCEEDED' : 'FAILED' });
    });
  });

const runners: CronRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stopAll()));
});

function fakeClockRunner(clock: FakeClock, reboot?: RebootGate): { runner: CronRunner; records: CronRunRecord[]; idle: () => Promise<void> } {
  const records: CronRunRecord[] = [];
  const runner = new CronRunner({
    runCommand: shellRunCommand,
    restartProcess: async () => undefined,
    now: () => clock.now(),
    createTask: (expression, fn, options) => createScheduleTask(expression, fn, { ...options, clock }),
    ...(reboot ? { reboot } : {}),
  });
  runner.onRun((r) => records.push(r));
  runners.push(runner);
  const idle = async () => {
    // a fired tick marks its entry running synchronously; wait for every run to finish
    while (runner.snapshot().some((s) => s.running)) await sleep(5);
  };
  return { runner, records, idle };
}

describe('the cron runner fires entries by the shared engine (fake clock, real commands)', () => {
  it('30 4 1,15 * 5 runs on Friday the 5th, Friday the 12th and Monday the 15th', async () => {
    const clock = new FakeClock('2024-01-02T00:00:00Z');
    const { runner, records, idle } = fakeClockRunner(clock);
    set(runner, { name: 'fortnightly', schedule: '30 4 1,15 * 5', timezone: 'UTC', command: 'echo ran' });
    expect(runner.snapshot()[0]?.nextRunAt).toBe('2024-01-05T04:30:00.000Z');
    await clock.advanceTo('2024-01-16T00:00:00Z', idle);
    expect(records.map((r) => [r.startedAt, r.status, r.exitCode, r.output.trim()])).toEqual([
      ['2024-01-05T04:30:00.000Z', 'SUCCEEDED', 0, 'ran'],
      ['2024-01-12T04:30:00.000Z', 'SUCCEEDED', 0, 'ran'],
      ['2024-01-15T04:30:00.000Z', 'SUCCEEDED', 0, 'ran'],
    ]);
    expect(runner.snapshot()[0]?.nextRunAt).toBe('2024-01-19T04:30:00.000Z');
  });

  it('02:30 in New York runs at 03:00 EDT on the spring-forward day, 01:30 once at fall-back', async () => {
    const clock = new FakeClock('2024-03-09T12:00:00Z');
    const { runner, records, idle } = fakeClockRunner(clock);
    set(runner, { name: 'two-thirty', schedule: '30 2 * * *', timezone: 'America/New_York', command: 'true' });
    set(runner, { name: 'one-thirty', schedule: '30 1 * * *', timezone: 'America/New_York', command: 'true' });
    await clock.advanceTo('2024-03-11T12:00:00Z', idle);
    expect(records.filter((r) => r.name === 'two-thirty').map((r) => r.startedAt)).toEqual(['2024-03-10T07:00:00.000Z', '2024-03-11T06:30:00.000Z']);
    runner.remove('two-thirty');
    records.length = 0;
    clock.jumpTo('2024-11-02T12:00:00Z');
    await clock.advanceTo('2024-11-04T00:00:00Z', idle);
    expect(records.map((r) => r.startedAt)).toEqual(['2024-11-03T05:30:00.000Z']);
  });
});

describe('schedule timer contracts', () => {
  function task(clock: FakeClock, expression: string, reboot?: RebootGate) {
    const fired: string[] = [];
    const t = createScheduleTask(expression, (at) => fired.push(at.toISOString()), { name: 'e', timezone: 'UTC', clock, ...(reboot ? { reboot } : {}) });
    return { t, fired };
  }

  it('a run missed by less than three hours (suspend) runs once, late; several missed runs coalesce', async () => {
    const clock = new FakeClock('2024-01-01T00:00:30Z');
    const { t, fired } = task(clock, '*/10 * * * *');
    t.start();
    clock.jumpTo('2024-01-01T00:35:00Z'); // slept through 00:10, 00:20 and 00:30
    await clock.advanceBy(60_000);
    expect(fired).toEqual(['2024-01-01T00:10:00.000Z']);
    expect(t.getNextRun()?.toISOString()).toBe('2024-01-01T00:40:00.000Z');
    t.destroy();
  });

  it('a jump forward of more than three hours is a clock correction: missed runs are dropped', async () => {
    const clock = new FakeClock('2024-01-01T00:00:30Z');
    const { t, fired } = task(clock, '0 * * * *');
    t.start();
    clock.jumpTo(new Date(Date.parse('2024-01-01T01:00:00Z') + CATCH_UP_LIMIT_MS + 60_000));
    await clock.advanceBy(60_000);
    expect(fired).toEqual([]);
    expect(t.getNextRun()?.toISOString()).toBe('2024-01-01T05:00:00.000Z');
    t.destroy();
  });

  it('a clock set back by hours plans again from the new time', async () => {
    const clock = new FakeClock('2024-01-01T11:59:30Z');
    const { t, fired } = task(clock, '0 * * * *');
    t.start();
    await clock.advanceTo('2024-01-01T12:00:30Z');
    expect(fired).toEqual(['2024-01-01T12:00:00.000Z']);
    clock.jumpTo('2024-01-01T07:30:00Z');
    await clock.advanceBy(31 * 60_000);
    expect(fired).toEqual(['2024-01-01T12:00:00.000Z', '2024-01-01T08:00:00.000Z']);
    t.destroy();
  });

  it('stop and destroy leave no timer behind', () => {
    const clock = new FakeClock('2024-01-01T00:00:00Z');
    const { t } = task(clock, '* * * * *');
    t.start();
    expect(clock.pending).toBe(1);
    t.stop();
    expect(clock.pending).toBe(0);
    expect(t.getNextRun()).toBeNull();
    t.start();
    t.destroy();
    t.start();
    expect(clock.pending).toBe(0);
  });

  it('@reboot fires once when the gate allows it, and never has a next run', async () => {
    const clock = new FakeClock('2024-01-01T00:00:00Z');
    const gate: RebootGate = { claim: (() => { let left = 1; return () => left-- > 0; })() };
    const first = task(clock, '@reboot', gate);
    first.t.start();
    const again = task(clock, '@reboot', gate);
    again.t.start();
    await clock.advanceBy(1000);
    expect(first.fired).toEqual(['2024-01-01T00:00:00.000Z']);
    expect(again.fired).toEqual([]);
    expect(first.t.getNextRun()).toBeNull();
  });
});

describe('openRebootGate', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const stateDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-reboot-'));
    dirs.push(d);
    return d;
  };

  it.each([
    { name: 'first start ever (no marker): fresh', marker: undefined, bootId: 'a', fresh: true },
    { name: 'agent restarted in the same boot', marker: { bootId: 'a', bootTimeMs: 0 }, bootId: 'a', fresh: false },
    { name: 'host rebooted (new boot id)', marker: { bootId: 'a', bootTimeMs: 0 }, bootId: 'b', fresh: true },
    { name: 'an unreadable marker counts as fresh', marker: 'not json', bootId: 'a', fresh: true },
  ])('$name', ({ marker, bootId, fresh }) => {
    const dir = stateDir();
    if (marker !== undefined) fs.writeFileSync(path.join(dir, BOOT_MARKER_FILE), typeof marker === 'string' ? marker : JSON.stringify(marker));
    const gate = openRebootGate(dir, { readBootId: () => bootId, uptimeSeconds: () => 100, now: () => 1_000_000 });
    expect(gate.freshBoot).toBe(fresh);
    expect(gate.claim('x')).toBe(fresh);
    expect(gate.claim('x')).toBe(false);
    expect(openRebootGate(dir, { readBootId: () => bootId, uptimeSeconds: () => 200, now: () => 1_100_000 }).freshBoot).toBe(false);
  });

  it.each([
    { name: 'same boot time within the tolerance', uptimeNow: 3600, nowMs: 3_600_000 + 50_000, fresh: false },
    { name: 'a later boot', uptimeNow: 10, nowMs: 3_600_000 * 5, fresh: true },
  ])('without a boot id, by boot time: $name', ({ uptimeNow, nowMs, fresh }) => {
    const dir = stateDir();
    openRebootGate(dir, { readBootId: () => undefined, uptimeSeconds: () => 0, now: () => 0 });
    expect(openRebootGate(dir, { readBootId: () => undefined, uptimeSeconds: () => uptimeNow, now: () => nowMs }).freshBoot).toBe(fresh);
  });
});
