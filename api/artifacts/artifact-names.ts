/**
 * The accepted forms of artifact names, versions and checksums. Names and versions end up in
 * URLs, audit rows and CLI arguments (`NAME@VERSION`), never in filesystem paths: blobs are
 * stored under their SHA-256 alone. The rules still refuse every traversal-looking form so that
 * no later consumer is tempted.
 */
import { z } from 'zod';
import { ArtifactError } from './artifact-error.js';

/** Longest artifact name, in characters (the database column is 128). */
export const MAX_NAME_CHARS = 128;
/** Longest version, in characters (the database column is 64). */
export const MAX_VERSION_CHARS = 64;

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const SHA256_RE = /^[0-9a-f]{64}$/;
const MD5_RE = /^[0-9a-f]{32}$/;

/** Why `value` is not an acceptable artifact name or version, or `undefined`. */
export function labelProblem(kind: 'name' | 'version', value: string): string | undefined {
  const max = kind === 'name' ? MAX_NAME_CHARS : MAX_VERSION_CHARS;
  if (value.length === 0) return `${kind} must not be empty`;
  if (value.length > max) return `${kind} must be at most ${max} characters`;
  if (!NAME_RE.test(value)) return `${kind} "${printable(value)}" must start with a letter or digit and hold only letters, digits and . _ + -`;
  if (value.includes('..')) return `${kind} "${value}" must not contain ".."`;
  if (value.endsWith('.')) return `${kind} "${value}" must not end with a dot`;
  return undefined;
}

/** A lowercase hex digest, or `undefined` when absent; refuses anything else. */
export function parseDigest(kind: 'sha256' | 'md5', value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const lower = value.trim().toLowerCase();
  if (!(kind === 'sha256' ? SHA256_RE : MD5_RE).test(lower)) {
    throw new ArtifactError('INVALID_INPUT', `${kind} must be ${kind === 'sha256' ? 64 : 32} hexadecimal characters`);
  }
  return lower;
}

/** True for a lowercase 64-hex SHA-256: the only thing a download URL may name. */
export function isSha256(value: string): boolean {
  return SHA256_RE.test(value);
}

export function assertLabel(kind: 'name' | 'version', value: string): string {
  const problem = labelProblem(kind, value);
  if (problem) throw new ArtifactError('INVALID_INPUT', problem);
  return value;
}

/** Splits the CLI form `NAME[@VERSION]`. */
export function parseNameAtVersion(ref: string): { name: string; version?: string } {
  const at = ref.lastIndexOf('@');
  if (at < 0) return { name: assertLabel('name', ref) };
  return { name: assertLabel('name', ref.slice(0, at)), version: assertLabel('version', ref.slice(at + 1)) };
}

/** The query string of `PUT /artifacts/:name`, validated at the edge. */
export const uploadQuerySchema = z
  .object({
    version: z.string().max(200).optional(),
    md5: z.string().max(200).optional(),
    sha256: z.string().max(200).optional(),
  })
  .strict();

function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 80);
}
