/**
 * The one canonical JSON and content hash of IOMS, shared by server, agent and CLI: spec hashes
 * (`manifests/spec-hash.ts`), desired-state hashes and the inventory fingerprint all use it.
 *
 * Canonical form: object keys sorted by UTF-16 code units, `undefined` members left out
 * (`undefined` array items become `null`), no whitespace; otherwise `JSON.stringify`.
 */
import { createHash } from 'node:crypto';

/** Serializes plain data deterministically (see the module comment). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
  return `{${members.join(',')}}`;
}

/** Hex SHA-256 of the canonical JSON of `value`. */
export function canonicalSha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
