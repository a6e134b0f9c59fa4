/**
 * Run times from the schedule engine, against crontab(5)'s day rule and cron(8)'s DST rules:
 * a fixed-time job skipped by spring-forward runs once right after the change, one in a repeated
 * hour runs once, and wildcard jobs (`*` or a step in the hour field) run at every real instant.
 */
import { describe, expect, it } from 'vitest';
import { formatInTimeZone, nextRuns, parseSchedule } from '../../../manifests/index.js';

function runs(text: string, timeZone: string, from: string, count: number): string[] {
  const parsed = parseSchedule(text);
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  return nextRuns(parsed.schedule, new Date(from), count, timeZone).map((d) => formatInTimeZone(d, timeZone));
}

describe('days: crontab(5) ORs day-of-month and day-of-week when both are restricted', () => {
  const cases = [
    {
      name: 'crontab(5): 4:30 on the 1st, the 15th and every Friday',
      text: '30 4 1,15 * 5',
      from: '2024-01-02T00:00:00Z',
      want: ['2024-01-05T04:30:00+00:00', '2024-01-12T04:30:00+00:00', '2024-01-15T04:30:00+00:00', '2024-01-19T04:30:00+00:00', '2024-01-26T04:30:00+00:00', '2024-02-01T04:30:00+00:00'],
    },
    {
      name: 'the 1st and 15th plus weekdays',
      text: '0 9 1,15 * mon-fri',
      from: '2024-06-13T12:00:00Z',
      want: ['2024-06-14T09:00:00+00:00', '2024-06-15T09:00:00+00:00', '2024-06-17T09:00:00+00:00'],
    },
    {
      name: 'a step in day-of-week starts with *: ANDed (*/5 is Sunday and Friday; the 13th on those)',
      text: '0 0 13 * */5',
      from: '2024-01-01T00:00:00Z',
      want: ['2024-09-13T00:00:00+00:00', '2024-10-13T00:00:00+00:00', '2024-12-13T00:00:00+00:00'],
    },
    {
      name: 'day-of-month * with a weekday: only that weekday',
      text: '5 4 * * sun',
      from: '2024-01-01T00:00:00Z',
      want: ['2024-01-07T04:05:00+00:00', '2024-01-14T04:05:00+00:00'],
    },
    {
      name: 'February 30 ORed with Monday: the Mondays of February',
      text: '0 0 30 2 mon',
      from: '2024-01-01T00:00:00Z',
      want: ['2024-02-05T00:00:00+00:00', '2024-02-12T00:00:00+00:00', '2024-02-19T00:00:00+00:00', '2024-02-26T00:00:00+00:00', '2025-02-03T00:00:00+00:00'],
    },
    { name: 'February 29: leap years only', text: '0 12 29 2 *', from: '2024-03-01T00:00:00Z', want: ['2028-02-29T12:00:00+00:00', '2032-02-29T12:00:00+00:00'] },
    { name: 'crontab(5): 23 minutes after every even hour', text: '23 0-23/2 * * *', from: '2024-01-01T21:00:00Z', want: ['2024-01-01T22:23:00+00:00', '2024-01-02T00:23:00+00:00', '2024-01-02T02:23:00+00:00'] },
    { name: 'seconds field', text: '*/20 * * * * *', from: '2024-01-01T00:00:00Z', want: ['2024-01-01T00:00:20+00:00', '2024-01-01T00:00:40+00:00', '2024-01-01T00:01:00+00:00'] },
    { name: 'strictly after from', text: '0 0 * * *', from: '2024-01-01T00:00:00Z', want: ['2024-01-02T00:00:00+00:00'] },
    { name: '@yearly', text: '@yearly', from: '2024-05-05T00:00:00Z', want: ['2025-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00'] },
  ];
  it.each(cases)('$name', ({ text, from, want }) => {
    expect(runs(text, 'UTC', from, want.length)).toEqual(want);
  });
});

describe('daylight saving time as cron(8) documents it', () => {
  const cases = [
    // America/New_York: 2024-03-10 02:00 EST → 03:00 EDT; 2024-11-03 02:00 EDT → 01:00 EST.
    {
      name: 'New York spring forward: 02:30 is skipped, runs once at 03:00 EDT',
      text: '30 2 * * *',
      zone: 'America/New_York',
      from: '2024-03-09T12:00:00Z',
      want: ['2024-03-10T03:00:00-04:00', '2024-03-11T02:30:00-04:00'],
    },
    {
      name: 'New York spring forward: several skipped times of one job run once',
      text: '0,15,30,45 2 * * *',
      zone: 'America/New_York',
      from: '2024-03-09T12:00:00Z',
      want: ['2024-03-10T03:00:00-04:00', '2024-03-11T02:00:00-04:00'],
    },
    {
      name: 'New York spring forward: hourly runs at every real hour, no gap, no double',
      text: '0 * * * *',
      zone: 'America/New_York',
      from: '2024-03-10T05:30:00Z',
      want: ['2024-03-10T01:00:00-05:00', '2024-03-10T03:00:00-04:00', '2024-03-10T04:00:00-04:00'],
    },
    {
      name: 'New York fall back: 01:30 runs once, the first time',
      text: '30 1 * * *',
      zone: 'America/New_York',
      from: '2024-11-02T12:00:00Z',
      want: ['2024-11-03T01:30:00-04:00', '2024-11-04T01:30:00-05:00'],
    },
    {
      name: 'New York fall back: hourly runs in both copies of 01:00',
      text: '0 * * * *',
      zone: 'America/New_York',
      from: '2024-11-03T04:30:00Z',
      want: ['2024-11-03T01:00:00-04:00', '2024-11-03T01:00:00-05:00', '2024-11-03T02:00:00-05:00'],
    },
    {
      name: 'New York fall back: every 20 minutes through the repeated hour',
      text: '*/20 1 * * *',
      zone: 'America/New_York',
      from: '2024-11-03T04:30:00Z',
      want: ['2024-11-03T01:00:00-04:00', '2024-11-03T01:20:00-04:00', '2024-11-03T01:40:00-04:00', '2024-11-03T01:00:00-05:00', '2024-11-03T01:20:00-05:00', '2024-11-03T01:40:00-05:00', '2024-11-04T01:00:00-05:00'],
    },
    // Europe/London: 2024-03-31 01:00 GMT → 02:00 BST; 2024-10-27 02:00 BST → 01:00 GMT.
    {
      name: 'London spring forward: hourly has a one-hour real gap, not two',
      text: '0 * * * *',
      zone: 'Europe/London',
      from: '2024-03-30T23:30:00Z',
      want: ['2024-03-31T00:00:00+00:00', '2024-03-31T02:00:00+01:00', '2024-03-31T03:00:00+01:00'],
    },
    {
      name: 'London spring forward: 01:30 runs once at 02:00 BST',
      text: '30 1 * * *',
      zone: 'Europe/London',
      from: '2024-03-30T12:00:00Z',
      want: ['2024-03-31T02:00:00+01:00', '2024-04-01T01:30:00+01:00'],
    },
    {
      name: 'London fall back: half-hourly runs four times in the repeated hour',
      text: '0,30 * * * *',
      zone: 'Europe/London',
      from: '2024-10-26T23:50:00Z',
      want: ['2024-10-27T01:00:00+01:00', '2024-10-27T01:30:00+01:00', '2024-10-27T01:00:00+00:00', '2024-10-27T01:30:00+00:00', '2024-10-27T02:00:00+00:00'],
    },
    {
      name: 'London fall back: 01:15 runs once',
      text: '15 1 * * *',
      zone: 'Europe/London',
      from: '2024-10-26T12:00:00Z',
      want: ['2024-10-27T01:15:00+01:00', '2024-10-28T01:15:00+00:00'],
    },
    // East of UTC. Europe/Berlin: 2024-03-31 02:00 CET → 03:00 CEST; 2024-10-27 03:00 CEST → 02:00 CET.
    {
      name: 'Berlin spring forward: 02:00 and 02:30 run once at 03:00 CEST',
      text: '0,30 2 * * *',
      zone: 'Europe/Berlin',
      from: '2024-03-30T12:00:00Z',
      want: ['2024-03-31T03:00:00+02:00', '2024-04-01T02:00:00+02:00'],
    },
    {
      name: 'Berlin fall back: every 30 minutes through both copies of 02:xx',
      text: '*/30 * * * *',
      zone: 'Europe/Berlin',
      from: '2024-10-26T23:45:00Z',
      want: ['2024-10-27T02:00:00+02:00', '2024-10-27T02:30:00+02:00', '2024-10-27T02:00:00+01:00', '2024-10-27T02:30:00+01:00', '2024-10-27T03:00:00+01:00'],
    },
    {
      name: 'Berlin fall back: 02:30 runs once',
      text: '30 2 * * *',
      zone: 'Europe/Berlin',
      from: '2024-10-26T12:00:00Z',
      want: ['2024-10-27T02:30:00+02:00', '2024-10-28T02:30:00+01:00'],
    },
    // Australia/Lord_Howe: a half-hour change. 2024-04-07 02:00 +11 → 01:30 +10:30; 2024-10-06 02:00 +10:30 → 02:30 +11.
    {
      name: 'Lord Howe fall back: 01:45 occurs twice, a fixed job runs once',
      text: '45 1 * * *',
      zone: 'Australia/Lord_Howe',
      from: '2024-04-06T00:00:00Z',
      want: ['2024-04-07T01:45:00+11:00', '2024-04-08T01:45:00+10:30'],
    },
    {
      name: 'Lord Howe fall back: every 15 minutes through the repeated half hour',
      text: '*/15 * * * *',
      zone: 'Australia/Lord_Howe',
      from: '2024-04-06T14:20:00Z',
      want: ['2024-04-07T01:30:00+11:00', '2024-04-07T01:45:00+11:00', '2024-04-07T01:30:00+10:30', '2024-04-07T01:45:00+10:30', '2024-04-07T02:00:00+10:30'],
    },
    {
      name: 'Lord Howe spring forward: 02:15 is skipped, runs at 02:30 +11',
      text: '15 2 * * *',
      zone: 'Australia/Lord_Howe',
      from: '2024-10-05T00:00:00Z',
      want: ['2024-10-06T02:30:00+11:00', '2024-10-07T02:15:00+11:00'],
    },
    // Asia/Tehran dropped DST in 2022; in 2021 it changed at 24:00 (00:00 → 01:00 on March 22).
    {
      name: 'Tehran 2021 spring forward at midnight: a midnight job runs at 01:00',
      text: '0 0 * * *',
      zone: 'Asia/Tehran',
      from: '2021-03-20T12:00:00Z',
      want: ['2021-03-21T00:00:00+03:30', '2021-03-22T01:00:00+04:30', '2021-03-23T00:00:00+04:30'],
    },
  ];
  it.each(cases)('$name', ({ text, zone, from, want }) => {
    expect(runs(text, zone, from, want.length)).toEqual(want);
  });

  it('never returns the same instant twice and is always increasing (a year of 10-minute runs in three zones)', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe']) {
      const parsed = parseSchedule('*/10 * * * *');
      if (!parsed.ok) throw new Error('parse');
      const all = nextRuns(parsed.schedule, new Date('2024-01-01T00:00:00Z'), 6 * 24 * 366, zone).map((d) => d.getTime());
      for (let i = 1; i < all.length; i += 1) expect(all[i]! - all[i - 1]!).toBe(600_000);
    }
  });

  it('@reboot has no run times', () => {
    const parsed = parseSchedule('@reboot');
    expect(parsed.ok && nextRuns(parsed.schedule, new Date(), 3, 'UTC')).toEqual([]);
  });
});
