import { describe, expect, it } from 'vitest';
import {
  type Requirement,
  SelectorError,
  formatSelector,
  matchesSelector,
  parseSelector,
} from '../../manifests/index.js';

describe('parseSelector', () => {
  const cases: { name: string; text: string; want: Requirement[] }[] = [
    { name: 'empty selector', text: '', want: [] },
    { name: 'blank selector', text: '   ', want: [] },
    { name: 'equality', text: 'role=web', want: [{ op: 'Equals', key: 'role', value: 'web' }] },
    { name: 'double equals', text: 'role==web', want: [{ op: 'Equals', key: 'role', value: 'web' }] },
    { name: 'inequality', text: 'env!=prod', want: [{ op: 'NotEquals', key: 'env', value: 'prod' }] },
    { name: 'empty value', text: 'role=', want: [{ op: 'Equals', key: 'role', value: '' }] },
    { name: 'set in', text: 'os in (linux,windows)', want: [{ op: 'In', key: 'os', values: ['linux', 'windows'] }] },
    { name: 'set in without space before paren', text: 'os in(linux)', want: [{ op: 'In', key: 'os', values: ['linux'] }] },
    { name: 'set notin', text: 'tier notin (db)', want: [{ op: 'NotIn', key: 'tier', values: ['db'] }] },
    { name: 'exists', text: 'gpu', want: [{ op: 'Exists', key: 'gpu' }] },
    { name: 'not exists', text: '!legacy', want: [{ op: 'DoesNotExist', key: 'legacy' }] },
    { name: 'prefixed key', text: 'ioms.dev/zone=eu-1', want: [{ op: 'Equals', key: 'ioms.dev/zone', value: 'eu-1' }] },
    { name: 'a key named in', text: 'in', want: [{ op: 'Exists', key: 'in' }] },
    {
      name: 'the full example with spaces',
      text: ' role = web , env!=prod,os in ( linux , windows ),tier notin (db),gpu,!legacy ',
      want: [
        { op: 'Equals', key: 'role', value: 'web' },
        { op: 'NotEquals', key: 'env', value: 'prod' },
        { op: 'In', key: 'os', values: ['linux', 'windows'] },
        { op: 'NotIn', key: 'tier', values: ['db'] },
        { op: 'Exists', key: 'gpu' },
        { op: 'DoesNotExist', key: 'legacy' },
      ],
    },
  ];
  it.each(cases)('$name', ({ text, want }) => {
    expect(parseSelector(text).requirements).toEqual(want);
  });

  const errors: { name: string; text: string; code: string; column: number }[] = [
    { name: 'unexpected character', text: 'role=web;env=x', code: 'UNEXPECTED_CHARACTER', column: 9 },
    { name: 'trailing comma', text: 'role=web,', code: 'EXPECTED_KEY', column: 10 },
    { name: 'leading comma', text: ',role=web', code: 'EXPECTED_KEY', column: 1 },
    { name: 'bare operator', text: '=web', code: 'EXPECTED_KEY', column: 1 },
    { name: 'two values', text: 'role=web prod', code: 'UNEXPECTED_TOKEN', column: 10 },
    { name: 'unknown operator word', text: 'os within (a)', code: 'UNEXPECTED_TOKEN', column: 4 },
    { name: 'set without paren', text: 'os in linux', code: 'EXPECTED_OPEN_PAREN', column: 7 },
    { name: 'unclosed set', text: 'os in (linux', code: 'EXPECTED_CLOSE_PAREN', column: 13 },
    { name: 'empty set', text: 'os in ()', code: 'EXPECTED_VALUE', column: 8 },
    { name: 'key starting with a dash', text: '-role=web', code: 'INVALID_KEY', column: 1 },
    { name: 'key name too long', text: `${'k'.repeat(64)}=v`, code: 'INVALID_KEY', column: 1 },
    { name: 'uppercase prefix', text: 'Example.com/a=b', code: 'INVALID_KEY', column: 1 },
    { name: 'value too long', text: `a=${'v'.repeat(64)}`, code: 'INVALID_VALUE', column: 3 },
    { name: 'value with slash', text: 'a=b/c', code: 'INVALID_VALUE', column: 3 },
    { name: 'bad value inside a set', text: 'a in (x,-y)', code: 'INVALID_VALUE', column: 9 },
    { name: 'too long', text: 'a,'.repeat(3000), code: 'TOO_LONG', column: 4097 },
  ];
  it.each(errors)('rejects $name', ({ text, code, column }) => {
    let caught: unknown;
    try {
      parseSelector(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SelectorError);
    expect(caught).toMatchObject({ code, column });
  });
});

describe('matchesSelector', () => {
  const labels = { role: 'web', env: 'staging', os: 'linux', gpu: '', 'ioms.dev/zone': 'eu-1' };
  const cases: { name: string; selector: string; want: boolean }[] = [
    { name: 'empty selector matches everything', selector: '', want: true },
    { name: 'equal value', selector: 'role=web', want: true },
    { name: 'other value', selector: 'role=db', want: false },
    { name: 'equality on a missing label', selector: 'team=a', want: false },
    { name: 'inequality with another value', selector: 'env!=prod', want: true },
    { name: 'inequality with the same value', selector: 'env!=staging', want: false },
    { name: 'inequality on a missing label matches', selector: 'team!=a', want: true },
    { name: 'in, member', selector: 'os in (linux,windows)', want: true },
    { name: 'in, not a member', selector: 'os in (windows)', want: false },
    { name: 'in on a missing label', selector: 'team in (a)', want: false },
    { name: 'notin, not a member', selector: 'env notin (prod)', want: true },
    { name: 'notin, member', selector: 'env notin (staging,prod)', want: false },
    { name: 'notin on a missing label matches', selector: 'team notin (a)', want: true },
    { name: 'exists with an empty value', selector: 'gpu', want: true },
    { name: 'exists, missing', selector: 'legacy', want: false },
    { name: 'not exists, missing', selector: '!legacy', want: true },
    { name: 'not exists, present', selector: '!gpu', want: false },
    { name: 'empty value equality', selector: 'gpu=', want: true },
    { name: 'prefixed key', selector: 'ioms.dev/zone=eu-1', want: true },
    { name: 'all must hold', selector: 'role=web,env!=prod,os in (linux),!legacy', want: true },
    { name: 'one failing requirement fails', selector: 'role=web,env=prod', want: false },
    { name: 'values compare with case', selector: 'role=Web', want: false },
  ];
  it.each(cases)('$name', ({ selector, want }) => {
    expect(matchesSelector(parseSelector(selector), labels)).toBe(want);
  });

  it('does not see inherited properties as labels', () => {
    expect(matchesSelector(parseSelector('constructor'), {})).toBe(false);
    expect(matchesSelector(parseSelector('toString=x'), {})).toBe(false);
  });
});

describe('formatSelector', () => {
  it.each([
    ['role=web,env!=prod,os in (linux,windows),tier notin (db),gpu,!legacy', 'role=web,env!=prod,os in (linux,windows),tier notin (db),gpu,!legacy'],
    ['role == web ,  os in ( a , b )', 'role=web,os in (a,b)'],
    ['', ''],
    ['a=', 'a='],
  ])('%j formats as %j and parses back equal', (text, canonical) => {
    const parsed = parseSelector(text);
    expect(formatSelector(parsed)).toBe(canonical);
    expect(parseSelector(formatSelector(parsed))).toEqual(parsed);
  });
});
