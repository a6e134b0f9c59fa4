/**
 * Content hashes shared by server and agent: both sides hash the same normalized
 * spec the same way, so "the agent runs what is desired" is a string compare.
 *
 * Format: `sha256:` + hex SHA-256 of the canonical JSON (object keys sorted by
 * UTF-16 code units, `undefined` members left out, no whitespace). This is the
 * same form the agent's supervisor and cron runner record.
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

/** Hash of a normalized spec (a parsed process, cron entry or file) or of a whole desired state. */
export function specHash(spec: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(spec)).digest('hex')}`;
}

/** The shape of a {@link specHash} value. */
export const SPEC_HASH_RE = /^sha256:[0-9a-f]{64}$/;
