/**
 * The range, grouping and period of a report page as URL parameters, and back: pure, so the page
 * and its tests agree on what `?from=…&to=…` means. A preset (24h, 7d, 30d) is turned into an
 * explicit from/to when chosen, so the table, the chart and the CSV download all ask the server for
 * the same range (and `ioms report KIND --from FROM --to TO` gives the same figures).
 */

export const RANGE_PRESETS = [
  { key: '24h', ms: 24 * 3600_000 },
  { key: '7d', ms: 7 * 24 * 3600_000 },
  { key: '30d', ms: 30 * 24 * 3600_000 },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]['key'];

export const PERIODS = ['ALL', 'DAY', 'WEEK', 'MONTH'] as const;
export type Period = (typeof PERIODS)[number];

export interface ReportParams {
  readonly from: string;
  readonly to: string;
  /** `host` or `label:KEY`. */
  readonly by: string;
  readonly selector: string;
  readonly period: Period;
}

/** From and to for a preset ending at `now`, to the second (ISO, UTC). */
export function presetRange(preset: RangePreset, now: number): { from: string; to: string } {
  const ms = RANGE_PRESETS.find((p) => p.key === preset)!.ms;
  const to = Math.floor(now / 1000) * 1000;
  return { from: new Date(to - ms).toISOString(), to: new Date(to).toISOString() };
}

/** The preset a range is, when it is exactly one (for the highlighted button). */
export function presetOf(from: string, to: string): RangePreset | undefined {
  const span = Date.parse(to) - Date.parse(from);
  return RANGE_PRESETS.find((p) => p.ms === span)?.key;
}

const validIso = (v: string | null): v is string => !!v && !Number.isNaN(Date.parse(v));

/** The page's parameters from the query string; missing or broken ones fall back to the last 7 days by host. */
export function readReportParams(q: URLSearchParams, now: number): ReportParams {
  const from = q.get('from');
  const to = q.get('to');
  const range = validIso(from) && validIso(to) ? { from: new Date(from).toISOString(), to: new Date(to).toISOString() } : presetRange('7d', now);
  const period = (PERIODS as readonly string[]).includes(q.get('per') ?? '') ? (q.get('per') as Period) : 'ALL';
  return { ...range, by: q.get('by') || 'host', selector: q.get('l') ?? '', period };
}

export function writeReportParams(kind: string, p: ReportParams): string {
  const q = new URLSearchParams({ kind, from: p.from, to: p.to, by: p.by });
  if (p.selector) q.set('l', p.selector);
  if (p.period !== 'ALL') q.set('per', p.period);
  return q.toString();
}

/** An ISO instant as the value of `<input type="datetime-local">`, in the browser's zone or UTC. */
export function toLocalInput(iso: string, utc: boolean): string {
  const d = new Date(iso);
  const shifted = utc ? d : new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** A `datetime-local` value back to an ISO instant; undefined when it is not a date. */
export function fromLocalInput(value: string, utc: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const d = utc ? new Date(`${value.slice(0, 16)}:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
