import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../cli/csv-output.js';
import { parseFormat, printData } from '../../cli/output.js';

describe('-o csv in the CLI output layer', () => {
  const cases: { name: string; data: unknown; columns: { header: string; value: (r: never) => unknown }[]; csv: string }[] = [
    { name: 'a command\'s table columns', data: [{ n: 'a', v: 1 }, { n: '@b', v: -2 }], columns: [{ header: 'name', value: (r: { n: string }) => r.n }, { header: 'value', value: (r: { v: number }) => r.v }] as never, csv: "name,value\r\na,1\r\n'@b,-2\r\n" },
    { name: 'no columns: the fields of a list', data: [{ a: 1, b: 'x' }, { a: 2, c: true }], columns: [], csv: 'a,b,c\r\n1,x,\r\n2,,true\r\n' },
    { name: 'no columns: the nodes of a page', data: { nodes: [{ id: '1', tags: ['p', 'q'] }], pageInfo: { hasNextPage: false } }, columns: [], csv: 'id,tags\r\n1,"p,q"\r\n' },
    { name: 'nested values as JSON text', data: [{ labels: { role: 'web' } }], columns: [], csv: 'labels\r\n"{""role"":""web""}"\r\n' },
    { name: 'one record', data: { username: 'admin', role: 'ADMIN' }, columns: [], csv: 'username,role\r\nadmin,ADMIN\r\n' },
  ];
  it.each(cases)('$name', (c) => expect(renderCsv(c.data as never, c.columns)).toBe(c.csv));

  it('refuses output that is not a list of records', () => {
    expect(() => renderCsv(['a', 'b'] as never, [])).toThrow(/not a list of records/);
  });

  it('is a format printData knows', () => {
    expect(parseFormat('csv')).toBe('csv');
    let out = '';
    printData('csv', [{ h: 'x' }], [{ header: 'h', value: (r: { h: string }) => r.h }], (s) => (out += s));
    expect(out).toBe('h\r\nx\r\n');
  });
});
