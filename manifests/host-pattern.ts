/**
 * Host name patterns: a host name with optional globs, compared without regard
 * to case (host names are DNS-like).
 *
 * - `*` matches any run of characters, including none (`web-*`, `*`);
 * - `?` matches exactly one character (`db-0?`);
 * - every other character matches itself.
 *
 * Matching is linear-time backtracking over the last `*` (no regular
 * expressions are built from user input, so a pattern cannot blow up).
 */

/** Longest host name or pattern, in characters. */
export const MAX_HOST_NAME_CHARS = 253;

const HOST_NAME_RE = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const HOST_PATTERN_RE = /^[A-Za-z0-9._*?-]+$/;

/** Returns why `name` is not a valid host name, or `undefined` when it is. */
export function hostNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > MAX_HOST_NAME_CHARS) {
    return `host name must be 1-${MAX_HOST_NAME_CHARS} characters`;
  }
  if (!HOST_NAME_RE.test(name)) {
    return 'host name must use A-Z a-z 0-9 . _ - and start and end with a letter or digit';
  }
  return undefined;
}

/** Returns why `pattern` is not a valid host pattern, or `undefined` when it is. */
export function hostPatternProblem(pattern: string): string | undefined {
  if (pattern.length === 0 || pattern.length > MAX_HOST_NAME_CHARS) {
    return `host pattern must be 1-${MAX_HOST_NAME_CHARS} characters`;
  }
  if (!HOST_PATTERN_RE.test(pattern)) {
    return 'host pattern must use A-Z a-z 0-9 . _ - and the globs * and ?';
  }
  return undefined;
}

/** True when `name` matches the glob `pattern`, ignoring case. */
export function matchesHostPattern(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  let pi = 0;
  let ni = 0;
  let starPi = -1;
  let starNi = 0;
  while (ni < n.length) {
    const pc = p[pi];
    if (pc === '*') {
      starPi = pi;
      starNi = ni;
      pi += 1;
    } else if (pc !== undefined && (pc === '?' || pc === n[ni])) {
      pi += 1;
      ni += 1;
    } else if (starPi >= 0) {
      pi = starPi + 1;
      starNi += 1;
      ni = starNi;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi += 1;
  return pi === p.length;
}
