/**
 * Content hash of a spec, used to decide whether an applied spec changed.
 *
 * Keys are sorted and `undefined` members dropped before hashing, so two specs that differ only
 * in key order or in an explicitly-undefined optional field hash the same.
 */
import { createHash } from 'node:crypto';

/** Serialises plain data with sorted object keys; `undefined` members are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
  return `{${entries.join(',')}}`;
}

/** `sha256:` followed by the hex SHA-256 of the canonical JSON of `spec`. */
export function hashSpec(spec: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(spec)).digest('hex')}`;
}
