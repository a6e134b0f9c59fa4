/** Argument reading of `ioms cron next` and the cells of the cron tables (pure). */
import { describe, expect, it } from 'vitest';
import { formatDuration, outputTail, parseFromTime } from '../../cli/commands/cron.js';

describe('parseFromTime', () => {
  it.each([
    { name: 'UTC instant', text: '2024-01-02T00:00:00Z', zone: 'America/New_York', want: '2024-01-02T00:00:00.000Z' },
    { name: 'with an offset', text: '2024-01-02T00:00:00+02:00', zone: 'UTC', want: '2024-01-01T22:00:00.000Z' },
    { name: 'milliseconds', text: '2024-01-02T00:00:00.250Z', zone: 'UTC', want: '2024-01-02T00:00:00.250Z' },
    { name: 'local time in the zone (winter)', text: '2024-01-02T09:30', zone: 'Europe/Berlin', want: '2024-01-02T08:30:00.000Z' },
    { name: 'local time in the zone (summer)', text: '2024-07-02T09:30:00', zone: 'America/New_York', want: '2024-07-02T13:30:00.000Z' },
    { name: 'a date alone is local midnight', text: '2024-01-02', zone: 'Asia/Tokyo', want: '2024-01-01T15:00:00.000Z' },
    { name: 'a skipped local time maps past the change (03:30 EDT)', text: '2024-03-10T02:30', zone: 'America/New_York', want: '2024-03-10T07:30:00.000Z' },
    { name: 'a repeated local time is the first one (EDT)', text: '2024-11-03T01:30', zone: 'America/New_York', want: '2024-11-03T05:30:00.000Z' },
  ])('$name', ({ text, zone, want }) => {
    expect(parseFromTime(text, zone)?.toISOString()).toBe(want);
  });

  it.each(['yesterday', '2024-13-01T00:00:00Z', '2024-01-02T25:00', '', '1704153600'])('refuses %j', (text) => {
    expect(parseFromTime(text, 'UTC')).toBeUndefined();
  });
});

describe('table cells', () => {
  it.each([
    [null, null],
    [0, '0ms'],
    [950, '950ms'],
    [1234, '1.2s'],
    [95_000, '1m35s'],
    [3_725_000, '1h02m'],
  ])('duration %j → %j', (ms, want) => {
    expect(formatDuration(ms)).toBe(want);
  });

  it.each([
    { output: null, want: null },
    { output: 'one\ntwo\n', want: 'two' },
    { output: `${'x'.repeat(100)}\n`, want: `…${'x'.repeat(59)}` },
  ])('output tail of $output', ({ output, want }) => {
    expect(outputTail(output)).toBe(want);
  });
});
