import { isUtf8 } from 'node:buffer';

/**
 * Text no database stores faithfully: NUL (SQLite and MariaDB cut or refuse it) and unpaired
 * UTF-16 surrogates (not encodable as UTF-8). Such arguments are refused at the edge, before
 * they reach a query, and the attempt is audited with them escaped.
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `s` cannot be stored, or undefined. */
export function unsafeTextProblem(s: string): string | undefined {
  if (NUL.test(s)) return 'contains a NUL byte';
  if (LONE_SURROGATE.test(s)) return 'is not valid Unicode (an unpaired surrogate)';
  return undefined;
}

/** The first string inside `value` (arguments, input objects, lists) that cannot be stored. */
export function findUnsafeText(value: unknown, path = ''): { path: string; why: string } | undefined {
  if (typeof value === 'string') {
    const why = unsafeTextProblem(value);
    return why ? { path: path || 'value', why } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findUnsafeText(k, path ? `${path}.<key>` : '<key>') ?? findUnsafeText(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return undefined;
}

/** `s` with NUL and unpaired surrogates escaped as `\u0000`-style text, for audit rows and logs. */
export function clean<T extends string | undefined>(s: T): T {
  if (s === undefined || !unsafeTextProblem(s)) return s;
  return s.replace(new RegExp(`${NUL.source}|${LONE_SURROGATE.source}`, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) as T;
}

/** A deep copy of `args` with every string (and key) passed through {@link clean}. */
export function cleanArgs(value: Record<string, unknown>): Record<string, unknown> {
  return cleanValue(value) as Record<string, unknown>;
}

function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map(cleanValue);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), cleanValue(v)]));
  return value;
}

/** For `express.json({ verify })`: a body that is not valid UTF-8 is refused with 400, not decoded with U+FFFD. */
export function verifyUtf8Body(_req: unknown, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf)) throw Object.assign(new Error('the request body is not valid UTF-8'), { status: 400, type: 'encoding.invalid' });
}
