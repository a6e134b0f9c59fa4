/**
 * Cron schedules and time zones: validation (node-cron's own parser, so what is accepted here
 * is exactly what will run) and rendering an instant as local time in a zone.
 *
 * Syntax: 5 fields (minute hour day-of-month month day-of-week) or 6 with a leading seconds
 * field, plus node-cron's nicknames (`@daily`) and extensions (`L`, `W`, `#`); see
 * node_modules/node-cron/README.md.
 */
import { validateDetailed } from 'node-cron';

/** Problems with `schedule`, in words; empty when valid. */
export function validateSchedule(schedule: string): string[] {
  try {
    const result = validateDetailed(schedule);
    return result.valid ? [] : result.errors.map((e) => `${e.field}: ${e.message}`);
  } catch (error) {
    return [(error as Error).message];
  }
}

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The host's own time zone, used when an entry names none. */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `date` as ISO-8601 local time in `timeZone` with its offset, e.g. `2025-03-30T04:00:00+02:00`. */
export function formatInTimeZone(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}
