/**
 * Cron schedule text → a parsed schedule, with cronie's crontab(5) reading.
 *
 * ```
 * [second] minute hour day-of-month month day-of-week      # fields: any run of spaces or tabs
 * @reboot @yearly @annually @monthly @weekly @daily @midnight @hourly
 * ```
 *
 * A field is `*` or a comma list of items; an item is a number or a name, a range `a-b`, or
 * either followed by a step (`*\/15`, `1-30/7`). A single number cannot take a step (`5/15` is
 * refused, as cronie refuses it). Months take `jan`–`dec`, weekdays `sun`–`sat` (any case);
 * weekday 0 and 7 are both Sunday. Quartz extensions (`?`, `L`, `W`, `#`) are not cron(8)'s
 * and are refused.
 *
 * Day matching (Vixie cron, cronie): when both day-of-month and day-of-week are restricted the
 * entry runs on days matching EITHER; when either field starts with `*` (also `*\/2`) a day must
 * match BOTH. Schedules that can never run (`0 0 30 2 *`) are refused with a sentence why.
 */

/** Longest schedule text accepted, in characters. */
export const MAX_SCHEDULE_CHARS = 256;

export interface FieldRule {
  readonly name: string;
  readonly plural: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const SECOND: FieldRule = { name: 'second', plural: 'seconds', min: 0, max: 59 };
const MINUTE: FieldRule = { name: 'minute', plural: 'minutes', min: 0, max: 59 };
const HOUR: FieldRule = { name: 'hour', plural: 'hours', min: 0, max: 23 };
const DAY_OF_MONTH: FieldRule = { name: 'day-of-month', plural: 'days of the month', min: 1, max: 31 };
export const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH: FieldRule = { name: 'month', plural: 'months', min: 1, max: 12, names: MONTH_NAMES };
const DAY_OF_WEEK: FieldRule = {
  name: 'day-of-week',
  plural: 'days of the week',
  min: 0,
  max: 7,
  names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
};

/** The `@` macros and the five fields each stands for; `@reboot` has none. */
export const SCHEDULE_MACROS: Readonly<Record<string, string | null>> = {
  '@reboot': null,
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** A parsed time-based schedule. Value lists are sorted and without duplicates. */
export interface CronSchedule {
  readonly kind: 'cron';
  /** The text as given (trimmed). */
  readonly source: string;
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly number[];
  readonly months: readonly number[];
  /** 0–6, Sunday 0 (a 7 in the text is folded into 0). */
  readonly daysOfWeek: readonly number[];
  /** The day-of-month field starts with `*` (Vixie's DOM_STAR): days are ANDed, not ORed. */
  readonly domStar: boolean;
  /** The day-of-week field starts with `*` (DOW_STAR). */
  readonly dowStar: boolean;
  /**
   * A "wildcard" job in cron(8)'s sense of DST: `*` in the second, minute or hour field, or a
   * step in the hour field. It runs at every real instant its fields match (none in a skipped
   * hour, twice in a repeated hour); other jobs are fixed-time (see next-runs.ts).
   */
  readonly wildcard: boolean;
}

/** `@reboot`: runs once when the agent starts after the host booted. */
export interface RebootSchedule {
  readonly kind: 'reboot';
  readonly source: string;
}

export type Schedule = CronSchedule | RebootSchedule;

export interface ScheduleProblem {
  /** A sentence saying what is wrong and why. */
  readonly message: string;
  /** 1-based column in the text given. */
  readonly column: number;
}

export type ParseScheduleResult = { readonly ok: true; readonly schedule: Schedule } | { readonly ok: false; readonly problems: readonly ScheduleProblem[] };

interface FieldText {
  readonly text: string;
  /** 1-based column of its first character. */
  readonly column: number;
}

function splitFields(text: string): FieldText[] {
  const fields: FieldText[] = [];
  const re = /[^ \t]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) fields.push({ text: m[0], column: m.index + 1 });
  return fields;
}

function numberOf(text: string, rule: FieldRule): number | undefined {
  if (/^\d{1,9}$/.test(text)) return Number(text);
  const index = rule.names?.indexOf(text.toLowerCase()) ?? -1;
  return index >= 0 ? index + rule.min : undefined;
}

function describeRange(rule: FieldRule): string {
  const names = rule.names ? ` or ${rule.names[0]}-${rule.names.at(-1)}` : '';
  return `${rule.min}-${rule.max}${names}`;
}

class FieldParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** One value of a field; `offset` is its position within the field text. */
function valueAt(text: string, offset: number, rule: FieldRule): number {
  if (text === '') throw new FieldParseError(`the ${rule.name} field has an empty item`, offset);
  const n = numberOf(text, rule);
  if (n === undefined) throw new FieldParseError(`"${text}" is not a ${rule.name}: use ${describeRange(rule)}`, offset);
  if (n < rule.min || n > rule.max) {
    throw new FieldParseError(`${rule.name} ${n} is out of range: ${rule.plural} are ${rule.min}-${rule.max}`, offset);
  }
  return n;
}

/** The values one field selects. @throws FieldParseError */
function parseField(field: FieldText, rule: FieldRule): number[] {
  const values = new Set<number>();
  let offset = 0;
  for (const item of field.text.split(',')) {
    const slash = item.indexOf('/');
    const range = slash >= 0 ? item.slice(0, slash) : item;
    const stepText = slash >= 0 ? item.slice(slash + 1) : undefined;
    let from = rule.min;
    let to = rule.max;
    if (range === '*') {
      // the whole field
    } else {
      const dash = range.indexOf('-');
      if (dash < 0) {
        from = valueAt(range, offset, rule);
        if (stepText !== undefined) {
          throw new FieldParseError(`"${item}": a step needs a range or "*" before it (write ${range}-${rule.max}/${stepText} or */${stepText})`, offset);
        }
        to = from;
      } else {
        const toText = range.slice(dash + 1);
        if (toText.includes('-')) throw new FieldParseError(`"${range}" is not a range a-b`, offset);
        from = valueAt(range.slice(0, dash), offset, rule);
        to = valueAt(toText, offset + dash + 1, rule);
        if (to < from) throw new FieldParseError(`range "${range}" runs backwards (${from} is after ${to})`, offset);
      }
    }
    let step = 1;
    if (stepText !== undefined) {
      const stepOffset = offset + slash + 1;
      if (!/^\d{1,9}$/.test(stepText)) throw new FieldParseError(`step "${stepText}" in "${item}" is not a number`, stepOffset);
      step = Number(stepText);
      const span = rule.max - rule.min + 1;
      if (step < 1 || step > span) throw new FieldParseError(`step ${step} in "${item}" is out of range: steps in the ${rule.name} field are 1-${span}`, stepOffset);
    }
    for (let v = from; v <= to; v += step) values.add(rule === DAY_OF_WEEK && v === 7 ? 0 : v);
    offset += item.length + 1;
  }
  return [...values].sort((a, b) => a - b);
}

/** Longest day of each month (February 29, for leap years). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const MONTH_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a schedule whose days are ANDed can never run, or undefined when some date matches. */
function neverRunsProblem(s: Omit<CronSchedule, 'source' | 'wildcard'>): string | undefined {
  if (!s.domStar && !s.dowStar) return undefined; // ORed: every month has every weekday
  // Every (month, day) that exists falls on every weekday in some year, so a date is possible
  // exactly when one of the months has one of the days.
  if (s.months.some((m) => s.daysOfMonth.some((d) => d <= (MONTH_DAYS[m - 1] as number)))) return undefined;
  const days = s.daysOfMonth.join(',');
  const months = s.months.map((m) => MONTH_LONG[m - 1]).join(', ');
  return `it can never run: ${s.daysOfMonth.length === 1 ? 'day' : 'days'} ${days} ${s.daysOfMonth.length === 1 ? 'does' : 'do'} not occur in ${months}`;
}

/** Parses `text` (see the module comment); returns every problem found, each with a column. */
export function parseSchedule(text: string): ParseScheduleResult {
  const fail = (message: string, column = 1): ParseScheduleResult => ({ ok: false, problems: [{ message, column }] });
  if (typeof text !== 'string') return fail('a schedule must be a string');
  if (text.length > MAX_SCHEDULE_CHARS) return fail(`a schedule is at most ${MAX_SCHEDULE_CHARS} characters`, MAX_SCHEDULE_CHARS + 1);
  const bad = /[^ \t\x21-\x7e]/.exec(text);
  if (bad) return fail(`unexpected character ${JSON.stringify(bad[0])}: fields are separated by spaces or tabs on one line`, bad.index + 1);
  const fields = splitFields(text);
  const source = fields.map((f) => f.text).join(' ');
  const first = fields[0];
  if (first?.text.startsWith('@')) {
    const macro = first.text.toLowerCase();
    if (!(macro in SCHEDULE_MACROS)) {
      return fail(`unknown macro "${first.text}": use ${Object.keys(SCHEDULE_MACROS).join(', ')}`, first.column);
    }
    if (fields.length > 1) return fail(`"${first.text}" stands alone: nothing may follow it`, (fields[1] as FieldText).column);
    const expansion = SCHEDULE_MACROS[macro];
    if (expansion === null || expansion === undefined) return { ok: true, schedule: { kind: 'reboot', source: macro } };
    const expanded = parseSchedule(expansion);
    return expanded.ok ? { ok: true, schedule: { ...expanded.schedule, source: macro } } : expanded;
  }
  if (fields.length !== 5 && fields.length !== 6) {
    return fail(
      `a schedule has 5 fields (minute hour day-of-month month day-of-week), 6 with seconds first, or is an @ macro; found ${fields.length}`,
      fields[6]?.column ?? 1,
    );
  }
  const rules = fields.length === 6 ? [SECOND, MINUTE, HOUR, DAY_OF_MONTH, MONTH, DAY_OF_WEEK] : [MINUTE, HOUR, DAY_OF_MONTH, MONTH, DAY_OF_WEEK];
  const parts = fields.length === 6 ? fields : [{ text: '0', column: 0 }, ...fields];
  const values: number[][] = [];
  const problems: ScheduleProblem[] = [];
  for (const [i, field] of fields.entries()) {
    try {
      values.push(parseField(field, rules[i] as FieldRule));
    } catch (error) {
      if (!(error instanceof FieldParseError)) throw error;
      problems.push({ message: error.message, column: field.column + error.offset });
      values.push([]);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const all = fields.length === 6 ? values : [[0], ...values];
  const [seconds, minutes, hours, daysOfMonth, months, daysOfWeek] = all as [number[], number[], number[], number[], number[], number[]];
  const [secondText, minuteText, hourText, domText, , dowText] = parts.map((p) => p.text) as [string, string, string, string, string, string];
  const fieldsOnly = {
    kind: 'cron' as const,
    seconds,
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    domStar: domText.startsWith('*'),
    dowStar: dowText.startsWith('*'),
  };
  const never = neverRunsProblem(fieldsOnly);
  if (never) return fail(never, (fields[fields.length - 3] as FieldText).column);
  const wildcard = secondText.startsWith('*') || minuteText.startsWith('*') || hourText.includes('*') || hourText.includes('/');
  return { ok: true, schedule: { ...fieldsOnly, source, wildcard } };
}

/** Problems with `text` as sentences with their column; empty when valid. */
export function validateSchedule(text: string): string[] {
  const result = parseSchedule(text);
  return result.ok ? [] : result.problems.map((p) => `${p.message} (column ${p.column})`);
}
