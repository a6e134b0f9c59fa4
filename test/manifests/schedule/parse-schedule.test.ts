/**
 * What the schedule engine accepts and refuses, from crontab(5) (cronie) and our additions
 * (a leading seconds field), with the sentence and column of each refusal.
 */
import { describe, expect, it } from 'vitest';
import { cronScheduleProblem, parseSchedule, timeZoneProblem, validateSchedule } from '../../../manifests/index.js';

describe('parseSchedule accepts crontab(5) syntax', () => {
  const cases = [
    { name: 'crontab(5): five after midnight', text: '5 0 * * *', minutes: [5], hours: [0] },
    { name: 'crontab(5): 2:15pm on the first', text: '15 14 1 * *', daysOfMonth: [1] },
    { name: 'crontab(5): 10 pm on weekdays', text: '0 22 * * 1-5', daysOfWeek: [1, 2, 3, 4, 5] },
    { name: 'crontab(5): 23 minutes after every even hour', text: '23 0-23/2 * * *', hours: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22] },
    { name: 'crontab(5): sunday by name', text: '5 4 * * sun', daysOfWeek: [0] },
    { name: 'Sunday as 7', text: '0 0 * * 7', daysOfWeek: [0] },
    { name: 'a range through 7', text: '0 0 * * 5-7', daysOfWeek: [0, 5, 6] },
    { name: 'steps on a range', text: '1-30/7 * * * *', minutes: [1, 8, 15, 22, 29] },
    { name: 'star step', text: '*/15 * * * *', minutes: [0, 15, 30, 45] },
    { name: 'a list of ranges and values', text: '0 1,3-5,20 * * *', hours: [1, 3, 4, 5, 20] },
    { name: 'month names in any case, in a list', text: '0 0 1 jan,JUL *', months: [1, 7] },
    { name: 'a range of names', text: '0 9 * * mon-fri', daysOfWeek: [1, 2, 3, 4, 5] },
    { name: 'tabs and runs of spaces between fields', text: ' 0\t\t9  *\t* \tmon ', hours: [9], daysOfWeek: [1] },
    { name: 'six fields, seconds first', text: '30 */5 * * * *', seconds: [30], minutes: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55] },
    { name: 'the last day that exists in some February', text: '0 0 29 2 *', daysOfMonth: [29], months: [2] },
    { name: 'an impossible date ORed with a weekday', text: '0 0 30 2 mon', daysOfMonth: [30], daysOfWeek: [1] },
  ];
  it.each(cases)('$name: $text', ({ text, name: _name, ...fields }) => {
    const result = parseSchedule(text);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(result.schedule).toMatchObject(fields);
    expect(cronScheduleProblem(text)).toBeUndefined();
  });

  it.each([
    { text: '@yearly', same: '0 0 1 1 *' },
    { text: '@annually', same: '0 0 1 1 *' },
    { text: '@monthly', same: '0 0 1 * *' },
    { text: '@weekly', same: '0 0 * * 0' },
    { text: '@daily', same: '0 0 * * *' },
    { text: '@midnight', same: '0 0 * * *' },
    { text: '@hourly', same: '0 * * * *' },
  ])('$text means $same', ({ text, same }) => {
    const a = parseSchedule(text);
    const b = parseSchedule(same);
    if (!a.ok || !b.ok) throw new Error('expected both to parse');
    expect({ ...a.schedule, source: '' }).toEqual({ ...b.schedule, source: '' });
  });

  it('@reboot is a schedule without times', () => {
    expect(parseSchedule('@reboot')).toEqual({ ok: true, schedule: { kind: 'reboot', source: '@reboot' } });
  });

  it.each([
    { name: 'both days restricted: ORed', text: '30 4 1,15 * 5', domStar: false, dowStar: false },
    { name: 'day-of-week starts with *: ANDed', text: '0 0 13 * */2', domStar: false, dowStar: true },
    { name: 'day-of-month starts with *: ANDed', text: '0 0 */2 * 1', domStar: true, dowStar: false },
  ])('$name', ({ text, domStar, dowStar }) => {
    expect(parseSchedule(text)).toMatchObject({ ok: true, schedule: { domStar, dowStar } });
  });

  it.each([
    { text: '30 2 * * *', wildcard: false },
    { text: '0 * * * *', wildcard: true },
    { text: '0 */2 * * *', wildcard: true },
    { text: '0 1-23/2 * * *', wildcard: true },
    { text: '* 2 * * *', wildcard: true },
    { text: '0,30 1,2 * * *', wildcard: false },
    { text: '@daily', wildcard: false },
    { text: '@hourly', wildcard: true },
  ])('$text is wildcard=$wildcard for DST', ({ text, wildcard }) => {
    expect(parseSchedule(text)).toMatchObject({ ok: true, schedule: { wildcard } });
  });
});

describe('parseSchedule refuses, saying why and where', () => {
  const cases = [
    { name: 'nothing', text: '', problem: /5 fields .*found 0/, column: 1 },
    { name: 'four fields', text: '* * * *', problem: /found 4/, column: 1 },
    { name: 'seven fields', text: '* * * * * * *', problem: /found 7/, column: 13 },
    { name: 'minute 60', text: '60 * * * *', problem: /^minute 60 is out of range: minutes are 0-59$/, column: 1 },
    { name: 'hour 24', text: '0 24 * * *', problem: /hour 24 is out of range: hours are 0-23/, column: 3 },
    { name: 'day 0', text: '0 0 0 * *', problem: /day-of-month 0 is out of range/, column: 5 },
    { name: 'day 32', text: '0 0 32 * *', problem: /day-of-month 32 is out of range/, column: 5 },
    { name: 'month 13', text: '0 0 * 13 *', problem: /month 13 is out of range/, column: 7 },
    { name: 'weekday 8', text: '0 0 * * 8', problem: /day-of-week 8 is out of range/, column: 9 },
    { name: 'second 60', text: '60 * * * * *', problem: /second 60 is out of range/, column: 1 },
    { name: 'end of range out of range', text: '0 20-25 * * *', problem: /hour 25 is out of range/, column: 6 },
    { name: 'step 0', text: '*/0 * * * *', problem: /step 0 .* 1-60/, column: 3 },
    { name: 'step longer than the field', text: '0 */25 * * *', problem: /step 25 .* 1-24/, column: 5 },
    { name: 'a backwards range', text: '5-1 * * * *', problem: /runs backwards/, column: 1 },
    { name: 'a double range', text: '1-2-3 * * * *', problem: /not a range/, column: 1 },
    { name: 'a step on one number (cronie refuses it)', text: '5/15 * * * *', problem: /step needs a range/, column: 1 },
    { name: 'two steps', text: '*/5/2 * * * *', problem: /not a number/, column: 3 },
    { name: 'Quartz ?', text: '0 0 ? * *', problem: /"\?" is not a day-of-month/, column: 5 },
    { name: 'Quartz L', text: '0 0 L * *', problem: /"L" is not a day-of-month/, column: 5 },
    { name: 'Quartz #', text: '0 0 * * 5#3', problem: /is not a day-of-week/, column: 9 },
    { name: 'an unknown name', text: '0 0 * foo *', problem: /"foo" is not a month: use 1-12 or jan-dec/, column: 7 },
    { name: 'an empty list item', text: '1, * * * *', problem: /empty item/, column: 3 },
    { name: 'an unknown macro', text: '@fortnightly', problem: /unknown macro "@fortnightly"/, column: 1 },
    { name: 'a macro with fields after it', text: '@daily 0', problem: /stands alone/, column: 8 },
    { name: 'a newline in the schedule', text: '0 0 * * *\n0 1 * * *', problem: /unexpected character "\\n"/, column: 10 },
    { name: 'February 30 (crontab ANDs when day-of-week is *)', text: '0 0 30 2 *', problem: /^it can never run: day 30 does not occur in February/, column: 5 },
    { name: 'April 31', text: '0 0 31 4 *', problem: /day 31 does not occur in April/, column: 5 },
    { name: 'days 30 and 31 in February', text: '0 0 30,31 feb */2', problem: /days 30,31 do not occur in February/, column: 5 },
    { name: 'day 31 of the short months', text: '0 0 31 4,6,9,11 *', problem: /April, June, September, November/, column: 5 },
    { name: 'too long', text: `${'0,'.repeat(200)}0 * * * *`, problem: /at most 256 characters/, column: 257 },
  ];
  it.each(cases)('$name: $text', ({ text, problem, column }) => {
    const result = parseSchedule(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(problem);
    expect(result.problems[0]?.column).toBe(column);
    expect(cronScheduleProblem(text)).toMatch(problem);
    expect(validateSchedule(text)[0]).toMatch(new RegExp(`\\(column ${column}\\)$`));
  });

  it('reports a problem in every bad field at once', () => {
    const result = parseSchedule('60 24 * * *');
    expect(result.ok ? [] : result.problems.map((p) => p.column)).toEqual([1, 4]);
  });
});

describe('timeZoneProblem', () => {
  it.each(['UTC', 'Europe/Berlin', 'Asia/Seoul', 'America/Argentina/Buenos_Aires', 'Australia/Lord_Howe'])('accepts %s', (tz) => {
    expect(timeZoneProblem(tz)).toBeUndefined();
  });
  it.each(['Mars/Olympus', 'Europe/Nowhere', ''])('rejects %j', (tz) => {
    expect(timeZoneProblem(tz)).toMatch(/unknown time zone/);
  });
});
