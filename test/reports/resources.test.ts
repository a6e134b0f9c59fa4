import { describe, expect, it } from 'vitest';
import { histogramPercentile, topResourceRows } from '../../api/reports/resources.js';

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
