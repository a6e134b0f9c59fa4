import { CliError } from './errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `90s`, `10m`, `1h30m`, `7d` → milliseconds. A bare number means seconds. */
export function parseDuration(text: string): number {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const parts = [...t.matchAll(/(\d+)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== t) {
    throw new CliError(`"${text}" is not a duration (e.g. 30s, 10m, 1h30m, 7d)`, 2);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]!]!, 0);
}

/** An ISO date, or a duration meaning that long ago. */
export function parseSince(text: string, now = new Date()): Date {
  const asDate = new Date(text);
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(asDate.getTime())) return asDate;
  return new Date(now.getTime() - parseDuration(text));
}
