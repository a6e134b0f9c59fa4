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
    // Kubernetes apimachinery pkg/labels: empty values inside sets, whitespace of any kind,
    // keywords as values, integer comparisons.
    { name: 'k8s: a set with a trailing empty value', text: 'env in (prod,)', want: [{ op: 'In', key: 'env', values: ['prod', ''] }] },
    { name: 'k8s: a set with a leading empty value', text: 'env in (,prod)', want: [{ op: 'In', key: 'env', values: ['', 'prod'] }] },
    { name: 'k8s: an empty value between two', text: 'x in (a,,b)', want: [{ op: 'In', key: 'x', values: ['a', '', 'b'] }] },
    { name: 'k8s: an empty set is the set of the empty value', text: 'x in ()', want: [{ op: 'In', key: 'x', values: [''] }] },
    { name: 'k8s: (,) is the set of the empty value', text: 'x notin (,)', want: [{ op: 'NotIn', key: 'x', values: [''] }] },
    { name: 'k8s: repeated values count once', text: 'x in (a,a)', want: [{ op: 'In', key: 'x', values: ['a'] }] },
    { name: 'k8s: tab, CR and LF between tokens', text: 'x\tin\r\n(\na\t,b\r)\n,\t!y\r\n', want: [{ op: 'In', key: 'x', values: ['a', 'b'] }, { op: 'DoesNotExist', key: 'y' }] },
    { name: 'k8s: space after !', text: '! y', want: [{ op: 'DoesNotExist', key: 'y' }] },
    { name: 'k8s: in and notin are values inside a set', text: 'x in (in,notin)', want: [{ op: 'In', key: 'x', values: ['in', 'notin'] }] },
    { name: 'k8s: in as a value after =', text: 'x=in', want: [{ op: 'Equals', key: 'x', value: 'in' }] },
    { name: 'k8s: empty value after ==', text: 'x==,y', want: [{ op: 'Equals', key: 'x', value: '' }, { op: 'Exists', key: 'y' }] },
    { name: 'k8s: empty value after !=', text: 'x!=', want: [{ op: 'NotEquals', key: 'x', value: '' }] },
    { name: 'k8s: greater than', text: 'x>1', want: [{ op: 'GreaterThan', key: 'x', value: '1' }] },
    { name: 'k8s: less than with spaces', text: 'x < 10 , z>5', want: [{ op: 'LessThan', key: 'x', value: '10' }, { op: 'GreaterThan', key: 'z', value: '5' }] },
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
    { name: 'k8s: a set value followed by a word', text: 'x in (a b)', code: 'EXPECTED_CLOSE_PAREN', column: 9 },
    { name: 'k8s: an operator in a set', text: 'x in (a=b)', code: 'EXPECTED_CLOSE_PAREN', column: 8 },
    { name: 'k8s: in is not a key', text: 'in', code: 'EXPECTED_KEY', column: 1 },
    { name: 'k8s: notin is not a key', text: 'a=b,notin=c', code: 'EXPECTED_KEY', column: 5 },
    { name: 'k8s: ! takes no operator', text: '!x=a', code: 'UNEXPECTED_TOKEN', column: 3 },
    { name: 'k8s: double !', text: '!!x', code: 'EXPECTED_KEY', column: 2 },
    { name: 'k8s: two keys', text: 'x y', code: 'UNEXPECTED_TOKEN', column: 3 },
    { name: 'k8s: = followed by (', text: 'x=(a)', code: 'UNEXPECTED_TOKEN', column: 3 },
    { name: 'k8s: > needs a number', text: 'x>', code: 'INVALID_VALUE', column: 3 },
    { name: 'k8s: > needs an integer', text: 'x>a', code: 'INVALID_VALUE', column: 3 },
    { name: 'k8s: in without a set', text: 'x in', code: 'EXPECTED_OPEN_PAREN', column: 5 },
    { name: 'k8s: a comma then nothing after !', text: 'x,!', code: 'EXPECTED_KEY', column: 4 },
    { name: 'unclosed set after an empty value', text: 'env in (prod,', code: 'EXPECTED_CLOSE_PAREN', column: 14 },
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
  const labels = { role: 'web', env: 'staging', os: 'linux', gpu: '', 'ioms.dev/zone': 'eu-1', cores: '8' };
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
    { name: 'k8s: in () matches an empty value', selector: 'gpu in ()', want: true },
    { name: 'k8s: in () does not match another value', selector: 'role in ()', want: false },
    { name: 'k8s: in (a,) matches the empty value', selector: 'gpu in (x,)', want: true },
    { name: 'k8s: in (a,) matches a', selector: 'role in (web,)', want: true },
    { name: 'k8s: notin (,) on an empty value', selector: 'gpu notin (,)', want: false },
    { name: 'k8s: greater than, true', selector: 'cores>4', want: true },
    { name: 'k8s: greater than, equal', selector: 'cores>8', want: false },
    { name: 'k8s: less than', selector: 'cores<9', want: true },
    { name: 'k8s: greater than on a non-number', selector: 'role>1', want: false },
    { name: 'k8s: greater than on a missing label', selector: 'team>1', want: false },
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
    ['x in (a,),y notin ()', 'x in (a,),y notin ()'],
    ['x > 1,y<2', 'x>1,y<2'],
  ])('%j formats as %j and parses back equal', (text, canonical) => {
    const parsed = parseSelector(text);
    expect(formatSelector(parsed)).toBe(canonical);
    expect(parseSelector(formatSelector(parsed))).toEqual(parsed);
  });
});

/** Vectors in the shape of apimachinery pkg/labels' parser tests: which texts parse, and to what. */
describe('Kubernetes label selector vectors', () => {
  it.each([
    { text: '\rx', want: 'x' },
    { text: 'this-is-a-dns.domain.com/key-with-dash', want: 'this-is-a-dns.domain.com/key-with-dash' },
    { text: 'this-is-another-dns.domain.com/key-with-dash in (so,what)', want: 'this-is-another-dns.domain.com/key-with-dash in (so,what)' },
    { text: '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', want: '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)' },
    { text: 'foo  in\t (abc)', want: 'foo in (abc)' },
    { text: 'x notin\n (abc)', want: 'x notin (abc)' },
    { text: 'x  notin\t\t\t(abc,def)', want: 'x notin (abc,def)' },
    { text: 'x in (abc,)', want: 'x in (abc,)' },
    { text: 'x in ()', want: 'x in ()' },
    { text: 'x notin (abc,,def),bar,z in (),w', want: 'x notin (abc,,def),bar,z in (),w' },
    { text: 'x,y in (a)', want: 'x,y in (a)' },
    { text: 'x=a,y!=b,z in (h,i,j)', want: 'x=a,y!=b,z in (h,i,j)' },
    { text: 'x notin ( )', want: 'x notin ()' },
    { text: 'x notin (, a)', want: 'x notin (,a)' },
    { text: 'a ', want: 'a' },
    { text: 'a in (x,y,notin, z,in)', want: 'a in (x,y,notin,z,in)' },
    { text: 'x= ,z= ', want: 'x=,z=' },
    { text: 'x>1,z<5', want: 'x>1,z<5' },
  ])('parses $text', ({ text, want }) => {
    expect(formatSelector(parseSelector(text))).toBe(want);
  });

  it.each(['x=a||y=b', 'x==a==b', '!x=a', 'x<a', 'x,,y', ',x,y', 'x nott in (y)', 'a in (xyz),', 'a in (xyz)b notin ()', 'a in (xyz abc)', 'a notin(', 'a (', '('])('refuses %j', (text) => {
    expect(() => parseSelector(text)).toThrow(SelectorError);
  });
});
