import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { cronScheduleProblem, timeZoneProblem } from '../../manifests/index.js';

describe('cronScheduleProblem', () => {
  const accepted = [
    '0 4 * * *',
    '* * * * *',
    '*/15 * * * *',
    '0 0-23/2 * * *',
    '0 9 1,15 * mon-fri',
    '0 0 1 jan,JUL *',
    '30 */5 * * * *',
    '0 0 * * 7',
    '  5   4  *  *  sun ',
  ];
  it.each(accepted)('accepts %j, as the agent scheduler (node-cron) does', (schedule) => {
    expect(cronScheduleProblem(schedule)).toBeUndefined();
    expect(cron.validate(schedule)).toBe(true);
  });

  it.each([
    ['', /5 fields/],
    ['* * * *', /found 4/],
    ['* * * * * * *', /found 7/],
    ['60 * * * *', /minute field/],
    ['* 24 * * *', /hour field/],
    ['* * 0 * *', /day-of-month field/],
    ['* * * 13 *', /month field/],
    ['* * * * 8', /day-of-week field/],
    ['60 * * * * *', /second field/],
    ['*/0 * * * *', /step/],
    ['5-1 * * * *', /backwards/],
    ['1-2-3 * * * *', /not a range/],
    ['5/15 * * * *', /step needs a range/],
    ['*/5/2 * * * *', /more than one step/],
    ['* * ? * *', /day-of-month field/],
    ['0 0 L * *', /day-of-month field/],
    ['@daily', /5 fields/],
    ['a,b * * * *', /minute field/],
    ['1, * * * *', /minute field/],
  ])('rejects %j', (schedule, problem) => {
    expect(cronScheduleProblem(schedule)).toMatch(problem);
  });
});

describe('timeZoneProblem', () => {
  it.each(['UTC', 'Europe/Berlin', 'Asia/Seoul', 'America/Argentina/Buenos_Aires'])('accepts %s', (tz) => {
    expect(timeZoneProblem(tz)).toBeUndefined();
  });
  it.each(['Mars/Olympus', 'Europe/Nowhere', ''])('rejects %j', (tz) => {
    expect(timeZoneProblem(tz)).toMatch(/unknown time zone/);
  });
});
