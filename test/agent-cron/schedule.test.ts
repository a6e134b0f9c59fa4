import { describe, expect, it } from 'vitest';
import { normaliseStatus, toAction } from '../../agent/cron/cron-entry.js';
import { capRunOutput } from '../../agent/cron/run-output.js';
import { formatInTimeZone, isValidTimeZone, validateSchedule } from '../../agent/cron/schedule.js';
import { cronEntrySchema } from '../../manifests/index.js';

describe('validateSchedule', () => {
  const cases = [
    { name: '5 fields', schedule: '0 4 * * *', valid: true },
    { name: '6 fields with seconds', schedule: '*/2 * * * * *', valid: true },
    { name: 'nickname', schedule: '@daily', valid: true },
    { name: 'minute out of range', schedule: '61 * * * *', valid: false },
    { name: 'too many fields', schedule: '* * * * * * *', valid: false },
    { name: 'words', schedule: 'every day at four', valid: false },
    { name: 'empty', schedule: '', valid: false },
    { name: 'impossible date', schedule: '0 0 30 2 *', valid: false },
  ];
  it.each(cases)('$name', ({ schedule, valid }) => {
    const problems = validateSchedule(schedule);
    expect(problems.length === 0).toBe(valid);
    if (!valid) expect(problems[0]).toMatch(/\w/);
  });
});

describe('time zones', () => {
  it.each([
    { zone: 'UTC', valid: true },
    { zone: 'Europe/Berlin', valid: true },
    { zone: 'Mars/Olympus_Mons', valid: false },
    { zone: '', valid: false },
  ])('$zone valid=$valid', ({ zone, valid }) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  const instant = new Date('2025-07-01T02:00:00.000Z');
  it.each([
    { zone: 'UTC', expected: '2025-07-01T02:00:00+00:00' },
    { zone: 'Asia/Tokyo', expected: '2025-07-01T11:00:00+09:00' },
    { zone: 'Europe/Berlin', expected: '2025-07-01T04:00:00+02:00' },
    { zone: 'America/New_York', expected: '2025-06-30T22:00:00-04:00' },
  ])('formats local time in $zone', ({ zone, expected }) => {
    expect(formatInTimeZone(instant, zone)).toBe(expected);
  });
});

describe('cronEntrySchema', () => {
  const cases = [
    { name: 'a command entry', entry: { name: 'a', schedule: '0 4 * * *', command: 'true' }, ok: true },
    { name: 'a restart entry with zone', entry: { name: 'a', schedule: '0 4 * * *', timezone: 'Asia/Tokyo', restartProcess: 'game' }, ok: true },
    { name: 'both actions', entry: { name: 'a', schedule: '0 4 * * *', command: 'true', restartProcess: 'game' }, ok: false },
    { name: 'no action', entry: { name: 'a', schedule: '0 4 * * *' }, ok: false },
    { name: 'bad schedule', entry: { name: 'a', schedule: '0 25 * * *', command: 'true' }, ok: false },
    { name: 'unknown zone', entry: { name: 'a', schedule: '0 4 * * *', timezone: 'Nowhere', command: 'true' }, ok: false },
    { name: 'unknown field', entry: { name: 'a', schedule: '0 4 * * *', command: 'true', user: 'root' }, ok: false },
    { name: 'negative timeout', entry: { name: 'a', schedule: '0 4 * * *', command: 'true', timeoutSeconds: -1 }, ok: false },
  ];
  it.each(cases)('$name', ({ entry, ok }) => {
    expect(cronEntrySchema.safeParse(entry).success).toBe(ok);
  });
});

describe('capRunOutput', () => {
  const cases = [
    { name: 'stdout only', stdout: 'out\n', stderr: '', max: 100, expected: { output: 'out\n', truncated: false } },
    { name: 'both streams are joined by a newline', stdout: 'out', stderr: 'err', max: 100, expected: { output: 'out\nerr', truncated: false } },
    { name: 'the tail is kept', stdout: 'abcdef', stderr: '', max: 3, expected: { output: 'def', truncated: true } },
    { name: 'a split character is dropped', stdout: 'aé', stderr: '', max: 1, expected: { output: '', truncated: true } },
  ];
  it.each(cases)('$name', ({ stdout, stderr, max, expected }) => {
    expect(capRunOutput(stdout, stderr, max)).toEqual(expected);
  });
});

describe('cron entry actions and statuses', () => {
  it.each([
    { name: 'upper-case status kept', status: 'TIMED_OUT', exitCode: -1, expected: 'TIMED_OUT' },
    { name: 'lower-case status (DESIGN §5) normalised', status: 'succeeded', exitCode: 0, expected: 'SUCCEEDED' },
    { name: 'unknown status, zero exit', status: 'done', exitCode: 0, expected: 'SUCCEEDED' },
    { name: 'unknown status, non-zero exit', status: 'done', exitCode: 2, expected: 'FAILED' },
  ])('$name', ({ status, exitCode, expected }) => {
    expect(normaliseStatus(status, exitCode)).toBe(expected);
  });
  it.each([
    { name: 'command with default timeout', entry: { name: 'a', schedule: '0 0 * * *', command: 'true' }, expected: { kind: 'command', command: 'true', timeoutMs: 3_600_000 } },
    { name: 'command with timeout', entry: { name: 'a', schedule: '0 0 * * *', command: 'true', timeoutSeconds: 2 }, expected: { kind: 'command', command: 'true', timeoutMs: 2000 } },
    { name: 'restart', entry: { name: 'a', schedule: '0 0 * * *', restartProcess: 'game' }, expected: { kind: 'restartProcess', processName: 'game' } },
  ])('$name', ({ entry, expected }) => {
    expect(toAction(cronEntrySchema.parse(entry))).toEqual(expected);
  });
});
