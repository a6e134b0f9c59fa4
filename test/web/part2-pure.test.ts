import { describe, expect, it } from 'vitest';
import { formatLabelText, labelChanges, parseAllowList, parseLabelText } from '../../web/src/ui/admin/admin-text.js';
import { joinCsvPages } from '../../web/src/ui/audit/audit-csv.js';
import { chartData, MAX_BARS, type ReportChartDef } from '../../web/src/ui/reports/report-chart.js';
import { fromLocalInput, presetOf, presetRange, readReportParams, toLocalInput, writeReportParams } from '../../web/src/ui/reports/report-range.js';

const NOW = Date.parse('2026-03-10T12:34:56.789Z');

describe('report page parameters', () => {
  it.each([
    { name: 'nothing: the last 7 days by host', q: '', want: { from: '2026-03-03T12:34:56.000Z', to: '2026-03-10T12:34:56.000Z', by: 'host', selector: '', period: 'ALL' } },
    { name: 'an explicit range, label grouping, selector, period', q: 'from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&by=label:role&l=env%3Dprod&per=DAY', want: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z', by: 'label:role', selector: 'env=prod', period: 'DAY' } },
    { name: 'a broken date and an unknown period fall back', q: 'from=yesterday&to=2026-03-02T00:00:00Z&per=HOUR', want: { from: '2026-03-03T12:34:56.000Z', to: '2026-03-10T12:34:56.000Z', by: 'host', selector: '', period: 'ALL' } },
  ])('$name', ({ q, want }) => {
    expect(readReportParams(new URLSearchParams(q), NOW)).toEqual(want);
  });

  it('round-trips through the query string and knows its preset', () => {
    const p = { ...presetRange('24h', NOW), by: 'label:role', selector: 'a=b', period: 'WEEK' as const };
    expect(readReportParams(new URLSearchParams(writeReportParams('cron', p)), NOW)).toEqual(p);
    expect(presetOf(p.from, p.to)).toBe('24h');
    expect(presetOf('2026-03-01T00:00:00Z', '2026-03-01T05:00:00Z')).toBeUndefined();
  });

  it.each([true, false])('datetime-local values round-trip (utc=%s)', (utc) => {
    const iso = '2026-03-10T12:34:00.000Z';
    expect(fromLocalInput(toLocalInput(iso, utc), utc)).toBe(iso);
    expect(fromLocalInput('', utc)).toBeUndefined();
  });
});

describe('report chart data', () => {
  const metric = { field: 'availabilityPercent', label: 'reports.col.availabilityPercent', format: 'pct' as const };
  const availability: { chart: ReportChartDef } = { chart: { table: 'availability', group: 'group', metrics: [metric] } };
  it('one row per group: bars, worst availability first', () => {
    const rows = [
      { group: 'a', availabilityPercent: 99 },
      { group: 'b', availabilityPercent: 50 },
      { group: 'c', availabilityPercent: null },
    ];
    expect(chartData(availability.chart, metric, rows, false)).toEqual({ type: 'bars', categories: ['b', 'a', 'c'], periods: false, values: [50, 99, null], more: 0 });
  });
  it('many groups: at most MAX_BARS bars, the rest counted', () => {
    const rows = Array.from({ length: MAX_BARS + 3 }, (_, i) => ({ group: `h${i}`, availabilityPercent: i }));
    const c = chartData(availability.chart, metric, rows, false);
    expect(c.type === 'bars' && [c.categories.length, c.more]).toEqual([MAX_BARS, 3]);
  });
  it('per period, several groups: one line per group aligned on the periods', () => {
    const rows = [
      { group: 'web', periodStart: '2026-03-01T00:00:00Z', availabilityPercent: 100 },
      { group: 'db', periodStart: '2026-03-01T00:00:00Z', availabilityPercent: 90 },
      { group: 'web', periodStart: '2026-03-02T00:00:00Z', availabilityPercent: 95 },
    ];
    expect(chartData(availability.chart, metric, rows, true)).toEqual({
      type: 'lines',
      x: [Date.parse('2026-03-01T00:00:00Z') / 1000, Date.parse('2026-03-02T00:00:00Z') / 1000],
      series: [
        { name: 'db', values: [90, null] },
        { name: 'web', values: [100, 95] },
      ],
      more: 0,
    });
  });
  it('per period, one group: bars per period', () => {
    const rows = [{ group: 'web', periodStart: '2026-03-01T00:00:00Z', availabilityPercent: 100 }];
    expect(chartData(availability.chart, metric, rows, true)).toEqual({ type: 'bars', categories: ['2026-03-01T00:00:00.000Z'], periods: true, values: [100], more: 0 });
  });
  it('no rows: nothing to plot', () => {
    expect(chartData(availability.chart, metric, [], false)).toEqual({ type: 'none' });
  });
});

describe('admin text forms', () => {
  it.each([
    { text: 'role=web\nenv = prod', want: { ok: true, labels: { role: 'web', env: 'prod' } } },
    { text: 'role=web, tier=', want: { ok: true, labels: { role: 'web', tier: '' } } },
    { text: '\n\n', want: { ok: true, labels: {} } },
    { text: 'role=web\n=oops', want: { ok: false, item: '=oops' } },
    { text: 'justakey', want: { ok: false, item: 'justakey' } },
  ])('labels "$text"', ({ text, want }) => {
    expect(parseLabelText(text)).toEqual(want);
  });
  it('label changes: set what is new or different, remove what is gone', () => {
    expect(labelChanges({ a: '1', b: '2', c: '3' }, { a: '1', b: '9', d: '4' })).toEqual({ set: { b: '9', d: '4' }, remove: ['c'] });
    expect(formatLabelText({ b: '2', a: 1 })).toBe('a=1\nb=2');
  });
  it('allow-lists split on commas, spaces and lines', () => {
    expect(parseAllowList(' 10.0.0.0/8,192.168.1.5/32\n::1/128 ')).toEqual(['10.0.0.0/8', '192.168.1.5/32', '::1/128']);
    expect(parseAllowList('')).toEqual([]);
  });
});

describe('audit CSV pages', () => {
  it('keeps the first header and drops the later ones', () => {
    expect(joinCsvPages(['h1,h2\r\na,b\r\n', 'h1,h2\r\nc,"d\r\ne"\r\n', 'h1,h2\r\n'])).toBe('h1,h2\r\na,b\r\nc,"d\r\ne"\r\n');
  });
});
