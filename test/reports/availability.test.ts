import { describe, expect, it } from 'vitest';
import { availabilityRows, hostTimeline, type HostAvailabilityInput, type StatusChange } from '../../api/reports/availability.js';
import type { HostStatusChange } from '../../db/entities/index.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 2026-11-02 00:00Z */
const T0 = Date.UTC(2026, 10, 2);
const W = 3 * MIN;
const RANGE = { fromMs: T0, toMs: T0 + DAY };

const at = (offsetMs: number, change: HostStatusChange): StatusChange => ({ atMs: T0 + offsetMs, change });
const host = (name: string, changes: StatusChange[], labels: Record<string, string> = {}, revokedAtMs: number | null = null): HostAvailabilityInput => ({ name, labels, revokedAtMs, changes });
const rel = (o: { fromMs: number; toMs: number; ongoing?: boolean }) => ({ from: (o.fromMs - T0) / MIN, to: (o.toMs - T0) / MIN, ...(o.ongoing !== undefined ? { ongoing: o.ongoing } : {}) });

describe('hostTimeline', () => {
  const cases: { name: string; changes: StatusChange[]; revokedAtMs?: number; monitored: { from: number; to: number } | null; outages: { from: number; to: number; ongoing: boolean }[] }[] = [
    { name: 'up the whole range', changes: [at(-DAY, 'ALIVE')], monitored: { from: 0, to: 1440 }, outages: [] },
    {
      name: 'a clean stop: down from the disconnect until ALIVE (the DEAD came one window later)',
      changes: [at(-DAY, 'ALIVE'), at(60 * MIN, 'DISCONNECTED'), at(63 * MIN + 1000, 'DEAD'), at(70 * MIN, 'CONNECTED'), at(70 * MIN, 'ALIVE')],
      monitored: { from: 0, to: 1440 },
      outages: [{ from: 60, to: 70, ongoing: false }],
    },
    {
      name: 'a hang without a disconnect: dated back to DEAD minus the alive window',
      changes: [at(-DAY, 'ALIVE'), at(100 * MIN, 'DEAD'), at(130 * MIN, 'ALIVE')],
      monitored: { from: 0, to: 1440 },
      outages: [{ from: 97, to: 130, ongoing: false }],
    },
    {
      name: 'a disconnect that reconnects within the window is no outage',
      changes: [at(-DAY, 'ALIVE'), at(10 * MIN, 'DISCONNECTED'), at(11 * MIN, 'CONNECTED'), at(300 * MIN, 'DISCONNECTED'), at(303 * MIN, 'DEAD'), at(310 * MIN, 'ALIVE')],
      monitored: { from: 0, to: 1440 },
      outages: [{ from: 300, to: 310, ongoing: false }],
    },
    {
      name: 'an outage that began before the range counts from its start',
      changes: [at(-2 * HOUR, 'DEAD'), at(-3 * HOUR, 'DISCONNECTED'), at(30 * MIN, 'ALIVE')].sort((a, b) => a.atMs - b.atMs),
      monitored: { from: 0, to: 1440 },
      outages: [{ from: 0, to: 30, ongoing: false }],
    },
    {
      name: 'a DEAD just inside the range whose backdated start is before it is clipped to the start',
      changes: [at(-DAY, 'ALIVE'), at(-1 * MIN, 'DISCONNECTED'), at(2 * MIN, 'DEAD'), at(20 * MIN, 'ALIVE')],
      monitored: { from: 0, to: 1440 },
      outages: [{ from: 0, to: 20, ongoing: false }],
    },
    {
      name: 'a host down now counts until the end of the range',
      changes: [at(-DAY, 'ALIVE'), at(1200 * MIN, 'DISCONNECTED'), at(1203 * MIN, 'DEAD')],
      monitored: { from: 0, to: 1440 },
      outages: [{ from: 1200, to: 1440, ongoing: true }],
    },
    {
      name: 'a host enrolled mid-range is monitored from its first ALIVE',
      changes: [at(600 * MIN, 'ENROLLED'), at(600 * MIN + 500, 'CONNECTED'), at(601 * MIN, 'ALIVE')],
      monitored: { from: 601, to: 1440 },
      outages: [],
    },
    { name: 'a host that enrolled but never came alive is not monitored', changes: [at(600 * MIN, 'ENROLLED')], monitored: null, outages: [] },
    {
      name: 'overlapping statuses: repeated DEAD and ALIVE records change nothing',
      changes: [at(-DAY, 'ALIVE'), at(5 * MIN, 'ALIVE'), at(50 * MIN, 'DEAD'), at(51 * MIN, 'DEAD'), at(60 * MIN, 'ALIVE'), at(60 * MIN, 'ALIVE')],
      monitored: { from: 0, to: 1440 },
      outages: [{ from: 47, to: 60, ongoing: false }],
    },
    {
      name: 'a backdated start never reaches before the ALIVE that began the up time',
      changes: [at(-DAY, 'ALIVE'), at(100 * MIN, 'DEAD'), at(200 * MIN, 'ALIVE'), at(201 * MIN, 'DEAD'), at(210 * MIN, 'ALIVE')],
      monitored: { from: 0, to: 1440 },
      outages: [
        { from: 97, to: 200, ongoing: false },
        { from: 200, to: 210, ongoing: false },
      ],
    },
    {
      name: 'a revoked host is monitored until it was revoked; an outage then is cut there (still down at the end)',
      changes: [at(-DAY, 'ALIVE'), at(700 * MIN, 'DEAD'), at(720 * MIN, 'REVOKED')],
      revokedAtMs: T0 + 720 * MIN,
      monitored: { from: 0, to: 720 },
      outages: [{ from: 697, to: 720, ongoing: true }],
    },
    { name: 'a host revoked before the range is not monitored', changes: [at(-DAY, 'ALIVE'), at(-HOUR, 'REVOKED')], revokedAtMs: T0 - HOUR, monitored: null, outages: [] },
  ];
  it.each(cases)('$name', (c) => {
    const t = hostTimeline(host('h', c.changes, {}, c.revokedAtMs ?? null), RANGE, W);
    expect(t.monitored && rel(t.monitored)).toEqual(c.monitored);
    expect(t.outages.map(rel)).toEqual(c.outages);
  });
});

describe('availabilityRows', () => {
  const fleet = [
    host('web-1', [at(-DAY, 'ALIVE'), at(60 * MIN, 'DISCONNECTED'), at(63 * MIN, 'DEAD'), at(90 * MIN, 'ALIVE')], { role: 'web' }),
    host('web-2', [at(-DAY, 'ALIVE'), at(23 * HOUR, 'DISCONNECTED'), at(23 * HOUR + 3 * MIN, 'DEAD'), at(DAY + 60 * MIN, 'ALIVE')], { role: 'web' }),
    host('db-1', [at(-DAY, 'ALIVE')], { role: 'db' }),
    host('lonely', [at(100, 'ENROLLED')]),
    host('new-1', [at(12 * HOUR, 'ALIVE')]),
  ];

  it('per host over the whole range', () => {
    const rows = availabilityRows(fleet, RANGE, { aliveWindowMs: W, by: { kind: 'host' }, period: 'ALL' });
    expect(rows.map((r) => [r.group, r.availabilityPercent, r.downtimeMinutes, r.outages, r.longestOutageMinutes, r.monitoredMinutes])).toEqual([
      ['db-1', 100, 0, 0, 0, 1440],
      ['new-1', 100, 0, 0, 0, 720],
      ['web-1', 97.9167, 30, 1, 30, 1440],
      ['web-2', 95.8333, 60, 1, 60, 1440],
    ]);
  });

  it('per label group, host-time weighted; hosts without the label form the "" group', () => {
    const rows = availabilityRows(fleet, RANGE, { aliveWindowMs: W, by: { kind: 'label', key: 'role' }, period: 'ALL' });
    expect(rows.map((r) => [r.group, r.hosts, r.availabilityPercent, r.downtimeMinutes, r.outages, r.longestOutageMinutes])).toEqual([
      ['', 1, 100, 0, 0, 0],
      ['db', 1, 100, 0, 0, 0],
      ['web', 2, 96.875, 90, 2, 60],
    ]);
  });

  it('per day: an outage across a boundary counts in both, with its part in each', () => {
    const range = { fromMs: T0 + 22 * HOUR, toMs: T0 + DAY + 2 * HOUR };
    const rows = availabilityRows([fleet[1]!], range, { aliveWindowMs: W, by: { kind: 'host' }, period: 'DAY' });
    expect(rows.map((r) => [new Date(r.periodStart).toISOString(), r.monitoredMinutes, r.downtimeMinutes, r.outages, r.longestOutageMinutes])).toEqual([
      ['2026-11-02T22:00:00.000Z', 120, 60, 1, 60],
      ['2026-11-03T00:00:00.000Z', 120, 60, 1, 60],
    ]);
  });

  it('an empty range of hosts gives no rows; a group with nothing monitored in a period has null availability', () => {
    expect(availabilityRows([], RANGE, { aliveWindowMs: W, by: { kind: 'host' }, period: 'ALL' })).toEqual([]);
    const rows = availabilityRows([fleet[4]!], { fromMs: T0, toMs: T0 + 2 * DAY }, { aliveWindowMs: W, by: { kind: 'host' }, period: 'DAY' });
    expect(rows.map((r) => [r.hosts, r.availabilityPercent, r.monitoredMinutes])).toEqual([
      [1, 100, 720],
      [1, 100, 1440],
    ]);
    const before = availabilityRows([fleet[4]!], { fromMs: T0 - 2 * DAY, toMs: T0 + 13 * HOUR }, { aliveWindowMs: W, by: { kind: 'host' }, period: 'DAY' });
    expect(before.map((r) => [r.hosts, r.availabilityPercent])).toEqual([
      [0, null],
      [0, null],
      [1, 100],
    ]);
  });
});
