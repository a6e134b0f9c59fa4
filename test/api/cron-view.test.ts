/** The rows of `cronEntries` from desired, observed, drift and run records (pure). */
import { describe, expect, it } from 'vitest';
import { type HostCronInput, cronRunView, hostCronEntries } from '../../api/cron/cron-view.js';

const now = new Date('2024-01-02T00:00:00Z');
const spec = (name: string, schedule: string, extra: Record<string, unknown> = {}) => ({ name, schedule, command: 'true', timeoutSeconds: 3600, ...extra });
const base: HostCronInput = { host: 'h1', hostTimeZone: 'UTC', desired: [], observed: [], drift: [], lastRuns: new Map() };

describe('hostCronEntries', () => {
  const cases: { name: string; input: Partial<HostCronInput>; want: Record<string, unknown>[] }[] = [
    {
      name: 'desired but not yet reported: PENDING, next run from the engine in the host zone',
      input: { desired: [spec('a', '30 4 1,15 * 5')] },
      want: [{ name: 'a', state: 'PENDING', timezone: 'UTC', nextRunAt: new Date('2024-01-05T04:30:00Z'), reason: null }],
    },
    {
      name: 'reported: SCHEDULED, the agent’s next run',
      input: { desired: [spec('a', '0 * * * *')], observed: [{ name: 'a', nextRun: '2024-01-02T01:00:00.000Z' }] },
      want: [{ name: 'a', state: 'SCHEDULED', nextRunAt: new Date('2024-01-02T01:00:00Z') }],
    },
    {
      name: 'a stale reported next run is replaced by the engine’s',
      input: { desired: [spec('a', '0 * * * *', { timezone: 'Asia/Tokyo' })], observed: [{ name: 'a', nextRun: '2023-12-01T00:00:00.000Z' }] },
      want: [{ name: 'a', state: 'SCHEDULED', timezone: 'Asia/Tokyo', nextRunAt: new Date('2024-01-02T01:00:00Z') }],
    },
    {
      name: 'the agent could not schedule it: FAILED with its reason, no next run',
      input: { desired: [spec('a', '0 * * * *')], observed: [{ name: 'a', error: 'unknown time zone' }] },
      want: [{ name: 'a', state: 'FAILED', reason: 'unknown time zone', nextRunAt: null }],
    },
    {
      name: 'drift for the entry: DRIFTED with the sentence',
      input: { desired: [spec('a', '0 * * * *')], observed: [{ name: 'a' }], drift: [{ key: 'cron:a', sentence: 'the agent runs an older spec' }] },
      want: [{ name: 'a', state: 'DRIFTED', reason: 'the agent runs an older spec' }],
    },
    {
      name: 'reported but no longer desired: REMOVING',
      input: { observed: [{ name: 'old', nextRun: '2024-01-03T00:00:00.000Z' }] },
      want: [{ name: 'old', state: 'REMOVING', schedule: null, nextRunAt: new Date('2024-01-03T00:00:00Z') }],
    },
    {
      name: 'no zone known for the host: no computed next run',
      input: { hostTimeZone: null, desired: [spec('a', '0 * * * *')] },
      want: [{ name: 'a', state: 'PENDING', timezone: null, nextRunAt: null }],
    },
    {
      name: '@reboot has no next run; the last run is attached; sorted by name',
      input: {
        desired: [spec('z', '@reboot'), spec('b', '@daily')],
        observed: [{ name: 'z' }, { name: 'b' }],
        lastRuns: new Map([['z', cronRunView('h1', { name: 'z', startedAt: now, finishedAt: new Date(now.getTime() + 1500), exitCode: 0, status: 'SUCCEEDED', output: 'x' })]]),
      },
      want: [
        { name: 'b', nextRunAt: new Date('2024-01-03T00:00:00Z'), lastRun: null },
        { name: 'z', nextRunAt: null, lastRun: { host: 'h1', exitCode: 0, durationMs: 1500 } },
      ],
    },
  ];
  it.each(cases)('$name', ({ input, want }) => {
    expect(hostCronEntries({ ...base, ...input }, now)).toMatchObject(want);
  });
});
