import { describe, expect, it } from 'vitest';
import { SelectorError, formatLabels, isValidLabelKey, isValidLabelValue, parseLabels } from '../../manifests/index.js';

describe('label keys', () => {
  it.each([
    ['role', true],
    ['Role_1.x-y', true],
    ['example.com/role', true],
    ['a.b-c.d/x', true],
    ['k'.repeat(63), true],
    ['k'.repeat(64), false],
    ['', false],
    ['-role', false],
    ['role-', false],
    ['/role', false],
    ['Example.com/role', false],
    ['exa_mple.com/role', false],
    ['a/b/c', false],
    ['example.com/', false],
    [`${'a'.repeat(254)}/x`, false],
    ['ro le', false],
    ['__proto__', false],
  ])('%j valid=%s', (key, valid) => {
    expect(isValidLabelKey(key)).toBe(valid);
  });
});

describe('label values', () => {
  it.each([
    ['', true],
    ['web', true],
    ['v1.2_3-rc', true],
    ['v'.repeat(63), true],
    ['v'.repeat(64), false],
    ['-web', false],
    ['web.', false],
    ['a/b', false],
    ['a b', false],
  ])('%j valid=%s', (value, valid) => {
    expect(isValidLabelValue(value)).toBe(valid);
  });
});

describe('parseLabels', () => {
  it.each([
    { name: 'empty text', text: '', want: {} },
    { name: 'one label', text: 'role=web', want: { role: 'web' } },
    { name: 'several with spaces', text: ' role=web , env = prod ', want: { role: 'web', env: 'prod' } },
    { name: 'empty value', text: 'gpu=', want: { gpu: '' } },
    { name: 'prefixed key', text: 'ioms.dev/zone=eu-1', want: { 'ioms.dev/zone': 'eu-1' } },
  ])('$name', ({ text, want }) => {
    expect(parseLabels(text)).toEqual(want);
  });

  it.each([
    { name: 'missing value', text: 'role=web,gpu', code: 'EXPECTED_VALUE', column: 10 },
    { name: 'empty item', text: 'role=web,,a=b', code: 'EXPECTED_KEY', column: 10 },
    { name: 'bad key', text: 'a=b, -x=1', code: 'INVALID_KEY', column: 6 },
    { name: 'bad value', text: 'a=b c', code: 'INVALID_VALUE', column: 3 },
    { name: 'duplicate key', text: 'a=1,a=2', code: 'DUPLICATE_LABEL', column: 5 },
  ])('rejects $name', ({ text, code, column }) => {
    expect(() => parseLabels(text)).toThrow(SelectorError);
    try {
      parseLabels(text);
    } catch (error) {
      expect(error).toMatchObject({ code, column });
    }
  });

  it('formatLabels is its inverse, keys sorted', () => {
    expect(formatLabels({ role: 'web', env: 'prod', gpu: '' })).toBe('env=prod,gpu=,role=web');
    expect(parseLabels(formatLabels({ role: 'web', env: 'prod', gpu: '' }))).toEqual({ role: 'web', env: 'prod', gpu: '' });
  });
});
