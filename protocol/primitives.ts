import { z } from 'zod';
import { MAX_LABEL_LENGTH } from './limits.js';

/**
 * Shared scalar schemas for agent reports. Every string has a maximum length and every
 * number is finite (zod rejects NaN and ±Infinity) and non-negative.
 */

/** C0 controls (tab and newline too: none belongs in an identifier or inventory field), DEL, C1. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * `s` with every control character written out as `\xNN`, so an ESC sequence from an agent is
 * stored (and shown) as harmless text and never reaches a terminal or a log raw.
 */
export function escapeControlChars(s: string): string {
  return s.replace(CONTROL_CHARS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A bounded string, control characters escaped; `max` is in UTF-16 code units (checked before escaping). */
export const boundedString = (max: number) => z.string().max(max).transform(escapeControlChars);

/** A bounded, non-empty string, control characters escaped. */
export const requiredString = (max: number) => z.string().min(1).max(max).transform(escapeControlChars);

/** A short label such as an architecture, a version or a locale. */
export const label = requiredString(MAX_LABEL_LENGTH);

/** A count of bytes: a non-negative safe integer. */
export const byteCount = z.int().nonnegative();

/** A count of things (cores, processes, a sequence number). */
export const count = z.int().nonnegative();

/** A finite, non-negative real number (a rate, a load average, seconds). */
export const nonNegative = z.number().nonnegative();

/** A percentage in [0, 100]. */
export const percent = z.number().min(0).max(100);

/** An ISO-8601 timestamp with a `Z` or numeric offset, e.g. `2026-01-31T12:00:00.000Z`. */
export const isoTimestamp = z.iso.datetime({ offset: true });

/** A MAC address, normalised by the agent to lowercase with colons: `02:fc:00:00:00:01`. */
export const macAddress = z.string().regex(/^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/);
