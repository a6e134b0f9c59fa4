/**
 * Offsets → 1-based line and column, and strict decoding of manifest bytes.
 */

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Builds a lookup from a character offset in `text` to its line and column. */
export function positionIndex(text: string): (offset: number) => TextPosition {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
  };
}

export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly position: TextPosition; readonly message: string };

const fatal = new TextDecoder('utf-8', { fatal: true });

function decodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes strict UTF-8 (a leading BOM is dropped). On failure reports where the
 * first invalid byte sits, found by bisection over prefixes (O(n log n), only on
 * the error path).
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: fatal.decode(bytes) };
  } catch {
    let lo = 0; // longest prefix known to decode
    let hi = bytes.length; // shortest prefix known to fail (an incomplete tail fails only at the end)
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (decodes(bytes.subarray(0, mid))) lo = mid;
      else hi = mid;
    }
    const bad = Math.min(lo, bytes.length - 1);
    const lineStart = bad === 0 ? 0 : bytes.lastIndexOf(0x0a, bad - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i += 1) if (bytes[i] === 0x0a) line += 1;
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
    return { ok: false, position: { line, column }, message: `invalid UTF-8 byte 0x${(bytes[bad] ?? 0).toString(16)}` };
  }
}

const LONE_SURROGATE_RE = /\p{Cs}/u;

/** Checks a string for lone surrogates (not encodable as UTF-8) and drops a leading BOM. */
export function checkUtf16(text: string): DecodeResult {
  const stripped = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const bad = stripped.search(LONE_SURROGATE_RE);
  if (bad < 0) return { ok: true, text: stripped };
  return { ok: false, position: positionIndex(stripped)(bad), message: 'lone surrogate: text is not valid Unicode' };
}
