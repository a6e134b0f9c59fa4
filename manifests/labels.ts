/**
 * Label keys and values, validated with the Kubernetes rules so that labels
 * copied from other tools keep working:
 *
 * - key: `[prefix/]name`; `name` is 1–63 characters `[A-Za-z0-9._-]`, starting and
 *   ending alphanumeric; the optional `prefix` is a DNS subdomain (lowercase,
 *   dot-separated, at most 253 characters).
 * - value: empty, or 1–63 characters with the same rule as `name`.
 */
import { SelectorError } from './selector-error.js';

/** Longest label name and value. */
export const MAX_LABEL_NAME_CHARS = 63;
/** Longest label key prefix (a DNS subdomain). */
export const MAX_LABEL_PREFIX_CHARS = 253;
/** Most labels one host may carry. */
export const MAX_LABELS = 64;

const NAME_RE = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const DNS_LABEL_RE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Labels as carried by a host: key → value. */
export type Labels = Readonly<Record<string, string>>;

/** Returns why `key` is not a valid label key, or `undefined` when it is. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix.length === 0 || prefix.length > MAX_LABEL_PREFIX_CHARS) {
      return `label key prefix must be 1-${MAX_LABEL_PREFIX_CHARS} characters`;
    }
    if (!prefix.split('.').every((part) => part.length <= 63 && DNS_LABEL_RE.test(part))) {
      return 'label key prefix must be a lowercase DNS subdomain such as example.com';
    }
  }
  if (name.length === 0 || name.length > MAX_LABEL_NAME_CHARS) {
    return `label name must be 1-${MAX_LABEL_NAME_CHARS} characters`;
  }
  if (!NAME_RE.test(name)) {
    return 'label name must use A-Z a-z 0-9 . _ - and start and end with a letter or digit';
  }
  return undefined;
}

/** Returns why `value` is not a valid label value, or `undefined` when it is. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > MAX_LABEL_NAME_CHARS) {
    return `label value must be at most ${MAX_LABEL_NAME_CHARS} characters`;
  }
  if (!NAME_RE.test(value)) {
    return 'label value must use A-Z a-z 0-9 . _ - and start and end with a letter or digit';
  }
  return undefined;
}

export function isValidLabelKey(key: string): boolean {
  return labelKeyProblem(key) === undefined;
}

export function isValidLabelValue(value: string): boolean {
  return labelValueProblem(value) === undefined;
}

/**
 * Parses a label list as given on a command line: `k=v,k2=v2`. Spaces around
 * items are ignored; the empty string gives no labels.
 *
 * @throws {SelectorError} with the column of the first bad item: a missing `=`
 *   (`EXPECTED_VALUE`), an invalid key or value, or a key given twice.
 */
export function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  if (text.trim() === '') return labels;
  if (text.length > 16_384) throw new SelectorError('TOO_LONG', 'label list is longer than 16384 characters', 1);
  let offset = 0;
  for (const item of text.split(',')) {
    const lead = item.length - item.trimStart().length;
    const column = offset + lead + 1;
    const trimmed = item.trim();
    const eq = trimmed.indexOf('=');
    if (trimmed === '') throw new SelectorError('EXPECTED_KEY', 'empty label item', column);
    if (eq < 0) throw new SelectorError('EXPECTED_VALUE', `label "${trimmed}" needs a value: key=value`, column);
    const key = trimmed.slice(0, eq).trim();
    const value = trimmed.slice(eq + 1).trim();
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) throw new SelectorError('INVALID_KEY', `${keyProblem}: "${key}"`, column);
    const valueProblem = labelValueProblem(value);
    if (valueProblem) throw new SelectorError('INVALID_VALUE', `${valueProblem}: "${value}"`, column + eq + 1);
    if (Object.hasOwn(labels, key)) throw new SelectorError('DUPLICATE_LABEL', `label "${key}" is given twice`, column);
    labels[key] = value;
    offset += item.length + 1;
  }
  return labels;
}

/** Formats labels as `k=v,k2=v2`, keys sorted, the inverse of {@link parseLabels}. */
export function formatLabels(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key] ?? ''}`)
    .join(',');
}
