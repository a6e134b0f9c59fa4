import { describe, expect, it } from 'vitest';
import { csvField, toCsv, type CsvCell } from '../../api/reports/csv.js';

describe('csvField', () => {
  const cases: { name: string; value: CsvCell; field: string }[] = [
    { name: 'plain text as it is', value: 'web-01', field: 'web-01' },
    { name: 'UTF-8 text as it is', value: 'Zürich 東京', field: 'Zürich 東京' },
    { name: 'a comma is quoted', value: 'a,b', field: '"a,b"' },
    { name: 'quotes are doubled inside quotes', value: 'say "hi"', field: '"say ""hi"""' },
    { name: 'a line break is quoted', value: 'one\ntwo', field: '"one\ntwo"' },
    { name: 'CRLF is quoted', value: 'one\r\ntwo', field: '"one\r\ntwo"' },
    { name: '= starts a formula: neutralised', value: '=HYPERLINK("http://x")', field: '"\'=HYPERLINK(""http://x"")"' },
    { name: '+ starts a formula: neutralised', value: '+1+1', field: "'+1+1" },
    { name: '- text starts a formula: neutralised', value: '-2+3', field: "'-2+3" },
    { name: '@ starts a formula: neutralised', value: '@SUM(A1)', field: "'@SUM(A1)" },
    { name: 'a leading tab is neutralised', value: '\t=1', field: "'\t=1" },
    { name: 'a leading CR is neutralised and quoted', value: '\r=1', field: '"\'\r=1"' },
    { name: 'a formula character later in the text is left alone', value: 'a=b', field: 'a=b' },
    { name: 'a negative number stays a number', value: -3.5, field: '-3.5' },
    { name: 'zero', value: 0, field: '0' },
    { name: 'not a finite number: empty', value: Number.NaN, field: '' },
    { name: 'null: empty', value: null, field: '' },
    { name: 'undefined: empty', value: undefined, field: '' },
    { name: 'a boolean', value: true, field: 'true' },
    { name: 'a date as ISO-8601 UTC', value: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), field: '2026-01-02T03:04:05.000Z' },
    { name: 'empty text', value: '', field: '' },
  ];
  it.each(cases)('$name', ({ value, field }) => expect(csvField(value)).toBe(field));
});

describe('toCsv', () => {
  it('writes a header row and one record per row, each ended by CRLF', () => {
    expect(toCsv(['host', 'pct'], [['a', 99.5], ['b,c', null]])).toBe('host,pct\r\na,99.5\r\n"b,c",\r\n');
  });
  it('writes only the header when there are no rows', () => {
    expect(toCsv(['host'], [])).toBe('host\r\n');
  });
});
