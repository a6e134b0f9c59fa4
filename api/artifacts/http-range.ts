/**
 * The `Range` header of a download, decided without I/O. One range only: a multi-range
 * request is served whole (RFC 9110 lets a server ignore Range), which is what resuming
 * clients never ask for anyway.
 */

/** What to send for a request of a `size`-byte blob. */
export type RangeDecision =
  | { readonly kind: 'full' }
  | { readonly kind: 'partial'; readonly start: number; readonly end: number }
  | { readonly kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * Decides from `Range` (and `If-Range`, compared with the blob's ETag): a header that does not
 * parse, several ranges, or a stale `If-Range` mean the full body; a range that starts past the
 * end is unsatisfiable (416).
 */
export function decideRange(size: number, rangeHeader: string | undefined, ifRange: string | undefined, etag: string): RangeDecision {
  if (rangeHeader === undefined) return { kind: 'full' };
  if (ifRange !== undefined && ifRange.trim() !== etag) return { kind: 'full' };
  const m = SINGLE_RANGE.exec(rangeHeader.trim());
  if (!m) return { kind: 'full' };
  const [, first = '', last = ''] = m;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    if (size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start)) return { kind: 'unsatisfiable' };
  if (last !== '' && Number(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'partial', start, end };
}

/** True when `If-None-Match` matches the strong ETag (or `*`); weak forms compare weakly. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}
