/** Argument names whose values never reach an audit row or a log line. */
const SECRET_KEY = /pass(word)?|secret|token|credential|private.?key/i;
export const REDACTED = '[REDACTED]';

/** A deep copy of `value` with every secret-looking field replaced by `[REDACTED]`. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redactSecrets(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'string' && value.length > 2000) return `${value.slice(0, 2000)}…`;
  return value;
}
