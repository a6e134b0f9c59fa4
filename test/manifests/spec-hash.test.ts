import { describe, expect, it } from 'vitest';
import { canonicalJson, specHash } from '../../manifests/index.js';
import { canonicalJson as protocolCanonicalJson } from '../../protocol/index.js';

describe('specHash (the one hash of server, agent and CLI)', () => {
  const cases = [
    { name: 'key order does not matter', a: { b: 1, a: [1, 2] }, b: { a: [1, 2], b: 1 }, same: true },
    { name: 'undefined members do not matter', a: { a: 1, cwd: undefined }, b: { a: 1 }, same: true },
    { name: 'array order matters', a: { args: ['1', '2'] }, b: { args: ['2', '1'] }, same: false },
    { name: 'nested values matter', a: { restart: { policy: 'always' } }, b: { restart: { policy: 'never' } }, same: false },
  ];
  it.each(cases)('$name', ({ a, b, same }) => {
    expect(specHash(a) === specHash(b)).toBe(same);
  });
  it('serialises canonically', () => {
    expect(canonicalJson({ z: 1, a: { y: null, x: 'q' } })).toBe('{"a":{"x":"q","y":null},"z":1}');
  });
});

describe('canonicalJson', () => {
  it('is the protocol one, re-exported', () => {
    expect(canonicalJson).toBe(protocolCanonicalJson);
  });
});
