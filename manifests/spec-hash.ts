/**
 * Content hashes shared by server and agent: both sides hash the same normalized
 * spec the same way, so "the agent runs what is desired" is a string compare.
 *
 * Format: `sha256:` + hex SHA-256 of the canonical JSON ({@link canonicalJson},
 * defined once in `protocol/`).
 */
import { canonicalJson, canonicalSha256 } from '../protocol/canonical-json.js';

export { canonicalJson };

/** Hash of a normalized spec (a parsed process, cron entry or file) or of a whole desired state. */
export function specHash(spec: unknown): string {
  return `sha256:${canonicalSha256(spec)}`;
}

/** The shape of a {@link specHash} value. */
export const SPEC_HASH_RE = /^sha256:[0-9a-f]{64}$/;
