/**
 * One row per crontab entry of a host, from what the server already knows: the desired entry
 * (schedule, zone), the agent's observed report (scheduled or failed, its next run), the
 * drift the reconciler computed, and the newest run record. Pure: `now` is passed in.
 */
import { type CronSpec, nextRun, parseSchedule } from '../../manifests/index.js';

export const CRON_ENTRY_STATES = ['SCHEDULED', 'PENDING', 'FAILED', 'DRIFTED', 'REMOVING'] as const;
/**
 * - `SCHEDULED` the agent runs the entry as desired;
 * - `PENDING` desired, not yet reported by the agent;
 * - `FAILED` the agent could not schedule it (`reason` says why);
 * - `DRIFTED` the agent runs another version of it (`reason` is the drift sentence);
 * - `REMOVING` the agent still runs it but it is no longer desired.
 */
export type CronEntryState = (typeof CRON_ENTRY_STATES)[number];

export interface CronRunView {
  readonly host: string;
  readonly name: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  /** finishedAt − startedAt; null while unfinished. */
  readonly durationMs: number | null;
  readonly exitCode: number | null;
  readonly status: string;
  readonly output: string | null;
}

/** A stored run record as clients see it. */
export function cronRunView(
  host: string,
  r: { readonly name: string; readonly startedAt: Date; readonly finishedAt?: Date | null; readonly exitCode?: number | null; readonly status: string; readonly output?: string | null },
): CronRunView {
  const finishedAt = r.finishedAt ?? null;
  return {
    host,
    name: r.name,
    startedAt: r.startedAt,
    finishedAt,
    durationMs: finishedAt ? finishedAt.getTime() - r.startedAt.getTime() : null,
    exitCode: r.exitCode ?? null,
    status: r.status,
    output: r.output ?? null,
  };
}

export interface CronEntryView {
  readonly host: string;
  readonly name: string;
  readonly schedule: string | null;
  /** The zone the schedule is read in: the entry's, else the host's reported zone. */
  readonly timezone: string | null;
  readonly command: string | null;
  readonly restartProcess: string | null;
  readonly state: CronEntryState;
  readonly reason: string | null;
  readonly lastRun: CronRunView | null;
  readonly nextRunAt: Date | null;
}

interface ObservedCronLike {
  readonly name?: unknown;
  readonly nextRun?: unknown;
  readonly error?: unknown;
}

interface DriftLike {
  readonly key: string;
  readonly sentence: string;
}

export interface HostCronInput {
  readonly host: string;
  /** The host's zone from its inventory, for entries that name none. */
  readonly hostTimeZone: string | null;
  readonly desired: readonly CronSpec[];
  readonly observed: readonly ObservedCronLike[];
  readonly drift: readonly DriftLike[];
  /** Newest run per entry name. */
  readonly lastRuns: ReadonlyMap<string, CronRunView>;
}

function futureDate(text: unknown, now: Date): Date | null {
  if (typeof text !== 'string') return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) || d <= now ? null : d;
}

function computedNextRun(schedule: string, timeZone: string | null, now: Date): Date | null {
  const parsed = parseSchedule(schedule);
  if (!parsed.ok || timeZone === null) return null;
  try {
    return nextRun(parsed.schedule, now, timeZone) ?? null;
  } catch {
    return null;
  }
}

/** The rows of one host, by entry name. */
export function hostCronEntries(input: HostCronInput, now: Date): CronEntryView[] {
  const observed = new Map<string, ObservedCronLike>();
  for (const o of input.observed) if (typeof o.name === 'string') observed.set(o.name, o);
  const drift = new Map(input.drift.map((d) => [d.key, d.sentence]));
  const rows: CronEntryView[] = [];
  for (const entry of input.desired) {
    const seen = observed.get(entry.name);
    const timezone = entry.timezone ?? input.hostTimeZone;
    const error = typeof seen?.error === 'string' ? seen.error : null;
    const driftSentence = drift.get(`cron:${entry.name}`) ?? null;
    const state: CronEntryState = error !== null ? 'FAILED' : seen === undefined ? 'PENDING' : driftSentence !== null ? 'DRIFTED' : 'SCHEDULED';
    const running = state === 'SCHEDULED' || state === 'DRIFTED';
    rows.push({
      host: input.host,
      name: entry.name,
      schedule: entry.schedule,
      timezone,
      command: entry.command ?? null,
      restartProcess: entry.restartProcess ?? null,
      state,
      reason: error ?? driftSentence,
      lastRun: input.lastRuns.get(entry.name) ?? null,
      nextRunAt: running ? (futureDate(seen?.nextRun, now) ?? computedNextRun(entry.schedule, timezone, now)) : state === 'PENDING' ? computedNextRun(entry.schedule, timezone, now) : null,
    });
  }
  for (const [name, seen] of observed) {
    if (input.desired.some((e) => e.name === name)) continue;
    rows.push({
      host: input.host,
      name,
      schedule: null,
      timezone: null,
      command: null,
      restartProcess: null,
      state: 'REMOVING',
      reason: drift.get(`cron:${name}`) ?? 'no longer desired',
      lastRun: input.lastRuns.get(name) ?? null,
      nextRunAt: futureDate(seen.nextRun, now),
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}
