import { describe, expect, it } from 'vitest';
import { SelectorError, type Target, compileTarget, matchesHostPattern, matchesTarget } from '../../manifests/index.js';

describe('matchesHostPattern', () => {
  it.each([
    ['web-01', 'web-01', true],
    ['web-01', 'WEB-01', true],
    ['web-01', 'web-011', false],
    ['web-*', 'web-01', true],
    ['web-*', 'web-', true],
    ['web-*', 'db-01', false],
    ['*', 'anything', true],
    ['db-0?', 'db-07', true],
    ['db-0?', 'db-0', false],
    ['db-0?', 'db-071', false],
    ['*-eu-*', 'web-eu-1', true],
    ['*-eu-*', 'web-us-1', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['**x', 'x', true],
    ['?', '', false],
    [`${'*a'.repeat(50)}b`, 'a'.repeat(200), false],
  ])('%j vs %j → %s', (pattern, name, want) => {
    expect(matchesHostPattern(pattern, name)).toBe(want);
  });
});

describe('matchesTarget', () => {
  const web01 = { name: 'web-01', labels: { role: 'web', env: 'prod' } };
  const cases: { name: string; target: Target; want: boolean }[] = [
    { name: 'empty target matches nothing', target: {}, want: false },
    { name: 'empty hosts list and no selector matches nothing', target: { hosts: [] }, want: false },
    { name: 'empty selector matches every host', target: { selector: '' }, want: true },
    { name: 'matching selector', target: { selector: 'role=web' }, want: true },
    { name: 'non-matching selector', target: { selector: 'env!=prod' }, want: false },
    { name: 'hosts only, matching glob', target: { hosts: ['db-*', 'web-*'] }, want: true },
    { name: 'hosts only, no match', target: { hosts: ['db-*'] }, want: false },
    { name: 'selector and hosts both hold', target: { selector: 'role=web', hosts: ['web-0?'] }, want: true },
    { name: 'selector holds, host does not', target: { selector: 'role=web', hosts: ['web-1?'] }, want: false },
    { name: 'host holds, selector does not', target: { selector: 'role=db', hosts: ['web-01'] }, want: false },
    { name: 'selector with empty hosts list', target: { selector: 'role=web', hosts: [] }, want: true },
  ];
  it.each(cases)('$name', ({ target, want }) => {
    expect(matchesTarget(target, web01)).toBe(want);
    expect(compileTarget(target)(web01)).toBe(want);
  });

  it('throws a SelectorError for a bad selector', () => {
    expect(() => matchesTarget({ selector: 'role in (' }, web01)).toThrow(SelectorError);
  });
});
