/**
 * IANA time zones through the runtime's Intl data: offsets, wall-clock parts, and the
 * transitions (DST changes) near a local day. Pure functions of (zone, instant).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Returns why `timeZone` is not an IANA time zone this runtime knows, or `undefined`. */
export function timeZoneProblem(timeZone: string): string | undefined {
  try {
    if (timeZone === '') throw new RangeError('empty');
    formatter(timeZone);
    return undefined;
  } catch {
    return `unknown time zone "${timeZone}" (use an IANA name such as Europe/Berlin or UTC)`;
  }
}

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  return timeZoneProblem(timeZone) === undefined;
}

/** The local wall clock at `instantMs`, written as if it were a UTC instant (ms, seconds precision). */
export function wallClockMs(timeZone: string, instantMs: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(Math.floor(instantMs / 1000) * 1000));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  const wall = new Date(0);
  wall.setUTCFullYear(year, get('month') - 1, get('day'));
  wall.setUTCHours(get('hour'), get('minute'), get('second'), 0);
  return wall.getTime();
}

/** UTC offset of `timeZone` at `instantMs`, in ms (east positive: +02:00 → 7_200_000). */
export function offsetMs(timeZone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(timeZone, whole) - whole;
}

/** A change of offset: from `instantMs` on the offset is `after` (it was `before`). */
export interface ZoneTransition {
  readonly instantMs: number;
  readonly before: number;
  readonly after: number;
}

/** The first instant in (lo, hi] with the offset of `hi`, given offset(lo) ≠ offset(hi). */
function findTransition(timeZone: string, lo: number, hi: number): ZoneTransition {
  const before = offsetMs(timeZone, lo);
  const after = offsetMs(timeZone, hi);
  let a = lo;
  let b = hi;
  while (b - a > 1000) {
    const mid = a + Math.floor((b - a) / 2000) * 1000;
    if (offsetMs(timeZone, mid) === before) a = mid;
    else b = mid;
  }
  return { instantMs: b, before, after };
}

const HOUR_MS = 3_600_000;

/**
 * The offset changes whose effect can reach the local day starting at `dayWallMs` (a wall-clock
 * midnight written as UTC), oldest first, and the offset in force before them. Real offsets lie
 * within ±14 h, so instants of that day lie in [day − 14 h, day + 38 h]; the window is sampled
 * every 6 h (zones do not change twice within 6 h) and each change is found by bisection.
 */
export function transitionsAround(timeZone: string, dayWallMs: number): { readonly initial: number; readonly transitions: readonly ZoneTransition[] } {
  const start = dayWallMs - 16 * HOUR_MS;
  const end = dayWallMs + 40 * HOUR_MS;
  const initial = offsetMs(timeZone, start);
  const transitions: ZoneTransition[] = [];
  let previousAt = start;
  let previous = initial;
  for (let t = start + 6 * HOUR_MS; t <= end; t += 6 * HOUR_MS) {
    const offset = offsetMs(timeZone, t);
    if (offset !== previous) transitions.push(findTransition(timeZone, previousAt, t));
    previousAt = t;
    previous = offset;
  }
  return { initial, transitions };
}

/**
 * The instants at which the local wall clock of a zone reads `wallMs`:
 * one normally, two in a repeated hour (fall back), none in a skipped one (spring forward) —
 * then `gapEndMs` is the instant of the change that skipped it.
 */
export function instantsOfWallTime(
  wallMs: number,
  initial: number,
  transitions: readonly ZoneTransition[],
): { readonly instants: readonly number[]; readonly gapEndMs?: number } {
  const instants: number[] = [];
  let offset = initial;
  let from = Number.NEGATIVE_INFINITY;
  let gapEndMs: number | undefined;
  for (let i = 0; i <= transitions.length; i += 1) {
    const until = transitions[i]?.instantMs ?? Number.POSITIVE_INFINITY;
    const t = wallMs - offset;
    if (t >= from && t < until) instants.push(t);
    const next = transitions[i];
    if (next !== undefined) {
      // skipped: before the change it is too early, after it already too late
      if (t >= until && wallMs - next.after < until && gapEndMs === undefined) gapEndMs = until;
      offset = next.after;
      from = until;
    }
  }
  return instants.length > 0 || gapEndMs === undefined ? { instants } : { instants, gapEndMs };
}

/** The host's own time zone, used when an entry names none. */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `date` as ISO-8601 local time in `timeZone` with its offset, e.g. `2025-03-30T04:00:00+02:00`. */
export function formatInTimeZone(date: Date, timeZone: string): string {
  const ms = date.getTime();
  const offset = Math.round(offsetMs(timeZone, ms) / 60_000);
  const wall = new Date(wallClockMs(timeZone, ms)).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The instant at which the wall clock of `timeZone` reads `wallMs` (written as UTC ms): the
 * earlier one in a repeated hour; for a time skipped by a change, the instant as far past the
 * change as the time is past its start (02:30 on a 02:00→03:00 day is 03:30), as ISO 8601
 * readers (Temporal's "compatible") do.
 */
export function instantOfWallTime(wallMs: number, timeZone: string): number {
  const day = Math.floor(wallMs / 86_400_000) * 86_400_000;
  const { initial, transitions } = transitionsAround(timeZone, day);
  const mapped = instantsOfWallTime(wallMs, initial, transitions);
  const first = mapped.instants[0];
  if (first !== undefined) return first;
  const change = transitions.find((t) => t.instantMs === mapped.gapEndMs);
  return wallMs - (change?.before ?? initial);
}
