/**
 * When a parsed schedule runs: the instants after a given one, in a time zone.
 *
 * Daylight saving time as cron(8) (cronie, Vixie cron) documents it:
 * - a fixed-time job whose local time is skipped by the spring-forward change runs once,
 *   right at the change (02:30 in America/New_York on 2024-03-10 runs at 03:00 EDT);
 * - a fixed-time job whose local time occurs twice at fall-back runs once, the first time;
 * - a wildcard job (`*` in the second, minute or hour field, or a step in the hour field; see
 *   {@link CronSchedule.wildcard}) runs at every real instant its fields match: in both copies
 *   of a repeated hour, and not at all in a skipped one.
 * Several skipped times of one job that fall on the same change run once.
 */
import type { CronSchedule, Schedule } from './parse-schedule.js';
import { instantsOfWallTime, offsetMs, transitionsAround } from './time-zone.js';

const DAY_MS = 86_400_000;
/** How far ahead a search goes: a 400-year Gregorian cycle holds every date/weekday pairing. */
const SEARCH_YEARS = 401;

/** Whether the local date matches the schedule's month and day fields (Vixie's OR/AND rule). */
export function dayMatches(s: CronSchedule, year: number, month: number, day: number): boolean {
  if (!s.months.includes(month)) return false;
  const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const domOk = s.daysOfMonth.includes(day);
  const dowOk = s.daysOfWeek.includes(dow);
  return s.domStar || s.dowStar ? domOk && dowOk : domOk || dowOk;
}

function dayStartMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** Every wall-clock time of the day (written as UTC ms) the schedule names, ascending. */
function* wallTimesOfDay(s: CronSchedule, dayMs: number, fromWallMs: number): Generator<number> {
  for (const h of s.hours) {
    const hourMs = dayMs + h * 3_600_000;
    if (hourMs + 3_600_000 <= fromWallMs) continue;
    for (const m of s.minutes) {
      const minuteMs = hourMs + m * 60_000;
      if (minuteMs + 60_000 <= fromWallMs) continue;
      for (const sec of s.seconds) yield minuteMs + sec * 1000;
    }
  }
}

/** The run instants of one local day, ascending, strictly after `afterMs`. */
function* runsOfDay(s: CronSchedule, dayMs: number, timeZone: string, afterMs: number): Generator<number> {
  const { initial, transitions } = transitionsAround(timeZone, dayMs);
  if (transitions.length === 0) {
    // No change near this day: one offset maps every wall time to one instant, in order.
    for (const wall of wallTimesOfDay(s, dayMs, afterMs + initial)) {
      const t = wall - initial;
      if (t > afterMs) yield t;
    }
    return;
  }
  const instants = new Set<number>();
  for (const wall of wallTimesOfDay(s, dayMs, Number.NEGATIVE_INFINITY)) {
    const mapped = instantsOfWallTime(wall, initial, transitions);
    if (mapped.gapEndMs !== undefined) {
      if (!s.wildcard) instants.add(mapped.gapEndMs);
      continue;
    }
    for (const t of s.wildcard ? mapped.instants : mapped.instants.slice(0, 1)) instants.add(t);
  }
  for (const t of [...instants].sort((a, b) => a - b)) if (t > afterMs) yield t;
}

/**
 * The first `count` run instants of `schedule` strictly after `from`, reading the schedule in
 * `timeZone` (IANA). `@reboot` has no times: the result is empty. Fewer than `count` come back
 * only near the end of the representable calendar.
 */
export function nextRuns(schedule: Schedule, from: Date | number, count: number, timeZone: string): Date[] {
  if (schedule.kind !== 'cron' || count <= 0) return [];
  const afterMs = typeof from === 'number' ? from : from.getTime();
  const out: Date[] = [];
  let last = Number.NEGATIVE_INFINITY;
  // Start a day early: near a transition the wall date of `afterMs` can be a day off the dates
  // whose runs lie after it.
  const startWall = new Date(afterMs + offsetMs(timeZone, afterMs) - DAY_MS);
  let year = startWall.getUTCFullYear();
  let month = startWall.getUTCMonth() + 1;
  let day = startWall.getUTCDate();
  const lastYear = year + SEARCH_YEARS;
  while (year <= lastYear) {
    if (!schedule.months.includes(month)) {
      // jump to the first day of the next month
      day = 1;
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
      continue;
    }
    if (dayMatches(schedule, year, month, day)) {
      for (const t of runsOfDay(schedule, dayStartMs(year, month, day), timeZone, Math.max(afterMs, last))) {
        out.push(new Date(t));
        last = t;
        if (out.length >= count) return out;
      }
    }
    const next = new Date(dayStartMs(year, month, day) + DAY_MS);
    year = next.getUTCFullYear();
    month = next.getUTCMonth() + 1;
    day = next.getUTCDate();
  }
  return out;
}

/** The next run instant after `from`, or undefined (`@reboot`). */
export function nextRun(schedule: Schedule, from: Date | number, timeZone: string): Date | undefined {
  return nextRuns(schedule, from, 1, timeZone)[0];
}
