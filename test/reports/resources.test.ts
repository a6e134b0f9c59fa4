import { describe, expect, it } from 'vitest';
import { forecastMount, type MountTrendSums } from '../../api/reports/disks.js';
import { addHistogram, HISTOGRAM_BINS, histogramMap, histogramPercentile, mergeResourceInputs, parseHistogram, splitResourceRange, topResourceRows } from '../../api/reports/resources.js';

describe('histogramPercentile (nearest rank)', () => {
  const cases: { name: string; bins: [number, number][]; q: number; p: number | null }[] = [
    { name: 'empty: null', bins: [], q: 0.95, p: null },
    { name: 'one value', bins: [[42, 1]], q: 0.95, p: 42 },
    { name: '100 values 0..99: p95 is 94 (rank 95)', bins: Array.from({ length: 100 }, (_, i) => [i, 1] as [number, number]), q: 0.95, p: 94 },
    { name: '19 low and 1 high: rank 19 of 20 is still low', bins: [[10, 19], [90, 1]], q: 0.95, p: 10 },
    { name: '18 low and 2 high: rank 19 of 20 is high', bins: [[10, 18], [90, 2]], q: 0.95, p: 90 },
    { name: 'bins in any order', bins: [[90, 2], [10, 18]], q: 0.95, p: 90 },
    { name: 'max (q = 1)', bins: [[3, 5], [7, 1]], q: 1, p: 7 },
  ];
  it.each(cases)('$name', (c) => expect(histogramPercentile(new Map(c.bins), c.q)).toBe(c.p));
});

describe('topResourceRows', () => {
  const hosts = ['a', 'b', 'c'].map((name, i) => ({ id: i + 1, name, labels: {}, revokedAtMs: null }));
  const maxima = [
    { hostId: 1, hours: 10, cpuMax: 99.123, memMaxPercent: 40 },
    { hostId: 2, hours: 10, cpuMax: 50, memMaxPercent: 90 },
    { hostId: 3, hours: 10, cpuMax: 80, memMaxPercent: 10 },
    { hostId: 9, hours: 10, cpuMax: 100, memMaxPercent: 100 },
  ];
  const cpu = [
    { hostId: 1, bins: new Map([[20, 10]]) },
    { hostId: 2, bins: new Map([[45, 10]]) },
    { hostId: 3, bins: new Map([[45, 10]]) },
  ];
  const mem = [
    { hostId: 1, bins: new Map([[30, 10]]) },
    { hostId: 2, bins: new Map([[85, 10]]) },
  ];
  it('sorts by p95, then max, then name; leaves out hosts outside the report; limits', () => {
    expect(topResourceRows(hosts, maxima, cpu, mem, { sortBy: 'CPU', limit: 10 }).map((r) => [r.host, r.cpuP95, r.cpuMax])).toEqual([
      ['c', 45, 80],
      ['b', 45, 50],
      ['a', 20, 99.12],
    ]);
    expect(topResourceRows(hosts, maxima, cpu, mem, { sortBy: 'MEMORY', limit: 2 }).map((r) => [r.host, r.memP95, r.memMax])).toEqual([
      ['b', 85, 90],
      ['a', 30, 40],
    ]);
  });
});

describe('splitResourceRange: whole days from the daily histograms, the rest from the hours', () => {
  const D = 86_400_000;
  const H = 3_600_000;
  const cases = [
    { name: 'whole days only', from: 0, to: 2 * D, days: { fromMs: 0, toMs: 2 * D }, hours: [] },
    { name: 'hours before and after', from: 20 * H, to: 2 * D + 3 * H, days: { fromMs: D, toMs: 2 * D }, hours: [{ fromMs: 20 * H, toMs: D }, { fromMs: 2 * D, toMs: 2 * D + 3 * H }] },
    { name: 'inside one day: hours only', from: 2 * H, to: 5 * H, days: null, hours: [{ fromMs: 2 * H, toMs: 5 * H }] },
    { name: 'across one midnight, no whole day', from: 20 * H, to: D + 2 * H, days: null, hours: [{ fromMs: 20 * H, toMs: D + 2 * H }] },
  ];
  it.each(cases)('$name', (c) => expect(splitResourceRange(c.from, c.to)).toEqual({ days: c.days, hours: c.hours }));
});

describe('daily histograms add up with hourly ones', () => {
  it('parses the stored form and merges inputs', () => {
    expect([...parseHistogram('12:3,13:5,bad,140:1')]).toEqual([[12, 3], [13, 5], [100, 1]]);
    const merged = mergeResourceInputs([
      { maxima: [{ hostId: 1, hours: 24, cpuMax: 50, memMaxPercent: 10 }], cpu: [{ hostId: 1, bins: new Map([[10, 24]]) }], mem: [] },
      { maxima: [{ hostId: 1, hours: 3, cpuMax: 70, memMaxPercent: 5 }], cpu: [{ hostId: 1, bins: new Map([[10, 1], [60, 2]]) }], mem: [{ hostId: 1, bins: new Map([[5, 3]]) }] },
    ]);
    expect(merged.maxima).toEqual([{ hostId: 1, hours: 27, cpuMax: 70, memMaxPercent: 10 }]);
    expect([...merged.cpu[0]!.bins]).toEqual([[10, 25], [60, 2]]);
    expect([...merged.mem[0]!.bins]).toEqual([[5, 3]]);
  });
});

describe('forecastMount: least squares over daily use', () => {
  const GB = 1e9;
  /** Sums of daily points (day i at x = i + 0.5). */
  const sums = (ys: number[], size = 100 * GB): MountTrendSums => {
    const xs = ys.map((_, i) => i + 0.5);
    return { hostId: 1, mount: '/', n: ys.length, sx: xs.reduce((a, b) => a + b, 0), sy: ys.reduce((a, b) => a + b, 0), sxy: xs.reduce((a, x, i) => a + x * ys[i]!, 0), sxx: xs.reduce((a, x) => a + x * x, 0), sizeBytes: size };
  };
  const cases = [
    { name: 'growing 2 GB a day from 50 GB: 59 GB at the end of day 5, (100 - 59) / 2 = 20.5 days', ys: [50, 52, 54, 56, 58].map((g) => g * GB), atX: 5, want: { trend: 'GROWING', daysUntilFull: 20.5, growthBytesPerDay: 2 * GB, usedPercent: 59 } },
    { name: 'flat: not growing, no date', ys: [40, 40, 40].map((g) => g * GB), atX: 3, want: { trend: 'NOT_GROWING', daysUntilFull: null, growthBytesPerDay: 0, usedPercent: 40 } },
    { name: 'shrinking: not growing, never a negative number of days', ys: [60, 55, 50].map((g) => g * GB), atX: 3, want: { trend: 'NOT_GROWING', daysUntilFull: null, growthBytesPerDay: -5 * GB, usedPercent: 47.5 } },
    { name: 'two days are not enough', ys: [10, 20].map((g) => g * GB), atX: 2, want: { trend: 'NOT_ENOUGH_DATA', daysUntilFull: null, growthBytesPerDay: null, usedPercent: null } },
    { name: 'the line is past full already: 0 days, 100 %', ys: [90, 99, 108].map((g) => g * GB), atX: 3, want: { trend: 'GROWING', daysUntilFull: 0, growthBytesPerDay: 9 * GB, usedPercent: 100 } },
  ];
  it.each(cases)('$name', (c) => expect(forecastMount(sums(c.ys), c.atX)).toEqual(c.want));
});

describe('addHistogram', () => {
  it.each([
    { name: 'whole numbers', text: '12:3,13:5', want: [[12, 3], [13, 5]] },
    { name: 'bins above 100 go to 100, decimals are floored', text: '140:1,12.7:2', want: [[12, 2], [100, 1]] },
    { name: 'malformed parts are skipped', text: 'bad,,7:1,x:2,8:y', want: [[7, 1]] },
    { name: 'empty', text: '', want: [] },
  ])('$name', ({ text, want }) => {
    const counts = new Float64Array(HISTOGRAM_BINS);
    addHistogram(text, counts);
    addHistogram(text, counts);
    expect([...histogramMap(counts)]).toEqual(want.map(([b, n]) => [b, 2 * n!]));
  });
});
