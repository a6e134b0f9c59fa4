/**
 * Cron schedules as the agent's scheduler (node-cron) reads them: 5 fields
 * (`minute hour day-of-month month day-of-week`) or 6 with a leading `second`.
 *
 * Each field is `*` or a comma list of items; an item is a number or name, a
 * range `a-b`, optionally followed by a step `/n` (`*` + step too: `*\/15`).
 * Months take `jan`–`dec`, weekdays `sun`–`sat` (and 0–7, where 0 and 7 are Sunday).
 * Macros (`@daily`) and Quartz extensions (`?`, `L`, `W`, `#`) are not accepted.
 */

interface FieldRule {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const SECOND: FieldRule = { name: 'second', min: 0, max: 59 };
const FIVE_FIELDS: readonly FieldRule[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  { name: 'day-of-week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

function valueOf(text: string, rule: FieldRule): number | undefined {
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    return n >= rule.min && n <= rule.max ? n : undefined;
  }
  const index = rule.names?.indexOf(text.toLowerCase()) ?? -1;
  return index >= 0 ? index + rule.min : undefined;
}

function itemProblem(item: string, rule: FieldRule): string | undefined {
  const [range = '', step, extra] = item.split('/');
  if (extra !== undefined) return `"${item}" has more than one step`;
  if (step !== undefined) {
    if (!/^\d{1,2}$/.test(step) || Number(step) < 1 || Number(step) > rule.max - rule.min + 1) {
      return `step "${step}" must be a number from 1 to ${rule.max - rule.min + 1}`;
    }
  }
  if (range === '*') return undefined;
  const [from = '', to, more] = range.split('-');
  if (more !== undefined) return `"${range}" is not a range a-b`;
  const start = valueOf(from, rule);
  if (start === undefined) return `"${from}" is not a valid ${rule.name} (${rule.min}-${rule.max})`;
  if (to === undefined) {
    return step === undefined ? undefined : `step needs a range or "*": "${item}"`;
  }
  const end = valueOf(to, rule);
  if (end === undefined) return `"${to}" is not a valid ${rule.name} (${rule.min}-${rule.max})`;
  if (end < start) return `range "${range}" runs backwards`;
  return undefined;
}

/**
 * Returns why `schedule` is not a valid cron schedule, or `undefined` when it is.
 */
export function cronScheduleProblem(schedule: string): string | undefined {
  const fields = schedule.trim().split(/\s+/);
  if (schedule.length > 256) return 'schedule must be at most 256 characters';
  if (fields.length !== 5 && fields.length !== 6) {
    return `schedule must have 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first; found ${fields.length}`;
  }
  const rules = fields.length === 6 ? [SECOND, ...FIVE_FIELDS] : FIVE_FIELDS;
  for (const [i, field] of fields.entries()) {
    const rule = rules[i] as FieldRule;
    for (const item of field.split(',')) {
      const problem = itemProblem(item, rule);
      if (problem) return `${rule.name} field: ${problem}`;
    }
  }
  return undefined;
}

/** Returns why `timeZone` is not an IANA time zone this runtime knows, or `undefined`. */
export function timeZoneProblem(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return undefined;
  } catch {
    return `unknown time zone "${timeZone}" (use an IANA name such as Europe/Berlin or UTC)`;
  }
}
