/**
 * `ioms cron next`, `ioms get cron`, `ioms get cron-runs` and the cron part of `ioms describe
 * host`. Run times come from the schedule engine the agents run entries by (manifests/schedule),
 * computed here, so `cron next` needs no server.
 */
import type { Command } from 'commander';
import { formatInTimeZone, hostTimeZone, instantOfWallTime, isValidTimeZone, nextRuns, parseSchedule } from '../../manifests/index.js';
import type { ApiClient } from '../api-client.js';
import { commandContext } from '../context.js';
import { parseSince } from '../duration.js';
import { CliError } from '../errors.js';
import { selectorArg } from '../selector-arg.js';
import { type Column, printData, renderTable, writeOut } from '../output.js';

/** Most run times `cron next -n` prints. */
export const MAX_NEXT_COUNT = 1000;
/** Characters of output shown in the cron-runs table (the last line, cut from the left). */
const OUTPUT_CELL_CHARS = 60;

interface CronRunWire {
  host: string;
  name: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  exitCode: number | null;
  status: string;
  output: string | null;
}

interface CronEntryWire {
  host: string;
  name: string;
  schedule: string | null;
  timezone: string | null;
  command: string | null;
  restartProcess: string | null;
  state: string;
  reason: string | null;
  lastRun: CronRunWire | null;
  nextRunAt: string | null;
}

const RUN_FIELDS = 'host name startedAt finishedAt durationMs exitCode status output';
const ENTRY_FIELDS = `host name schedule timezone command restartProcess state reason nextRunAt lastRun { ${RUN_FIELDS} }`;

/** `1234` → `1.2s`, `95000` → `1m35s`. */
export function formatDuration(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined) return null;
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s % 60).padStart(2, '0')}s`;
}

/** The last non-empty line of a run's output, cut to the table's width. */
export function outputTail(output: string | null): string | null {
  if (!output) return null;
  const last = output.trimEnd().split('\n').at(-1) ?? '';
  return last.length > OUTPUT_CELL_CHARS ? `…${last.slice(-(OUTPUT_CELL_CHARS - 1))}` : last;
}

const ENTRY_COLUMNS: Column<CronEntryWire>[] = [
  { header: 'host', value: (e) => e.host },
  { header: 'name', value: (e) => e.name },
  { header: 'schedule', value: (e) => e.schedule },
  { header: 'zone', value: (e) => e.timezone },
  { header: 'state', value: (e) => e.state },
  { header: 'last run', value: (e) => e.lastRun?.startedAt },
  { header: 'exit', value: (e) => e.lastRun?.exitCode ?? (e.lastRun ? e.lastRun.status : null) },
  { header: 'duration', value: (e) => formatDuration(e.lastRun?.durationMs) },
  { header: 'next run', value: (e) => e.nextRunAt },
  { header: 'reason', value: (e) => e.reason },
];

const RUN_COLUMNS: Column<CronRunWire>[] = [
  { header: 'host', value: (r) => r.host },
  { header: 'name', value: (r) => r.name },
  { header: 'started', value: (r) => r.startedAt },
  { header: 'status', value: (r) => r.status },
  { header: 'exit', value: (r) => r.exitCode },
  { header: 'duration', value: (r) => formatDuration(r.durationMs) },
  { header: 'output', value: (r) => outputTail(r.output) },
];

/** The cron entries of hosts (by selector and/or names), as the API reports them. */
export async function fetchCronEntries(client: ApiClient, selector: string | undefined, hosts: readonly string[]): Promise<CronEntryWire[]> {
  const { cronEntries } = await client.request<{ cronEntries: CronEntryWire[] }>(
    `query($s: String, $h: [String!]) { cronEntries(selector: $s, hosts: $h) { ${ENTRY_FIELDS} } }`,
    { s: selector, h: hosts.length ? hosts : undefined },
  );
  return cronEntries;
}

/** The "Cron entries" block of `ioms describe host`. */
export function describeCronEntries(entries: readonly CronEntryWire[]): string {
  if (entries.length === 0) return 'Cron entries:  -\n';
  return `Cron entries:\n${renderTable(entries, ENTRY_COLUMNS.filter((c) => c.header !== 'host'))}`;
}

/**
 * `--from`: an ISO-8601 instant (`…Z`, `…+02:00`), or a local time without an offset, read in
 * the schedule's zone (`2024-03-10T01:59` with `--tz America/New_York`). Undefined when invalid.
 */
export function parseFromTime(text: string, timeZone: string): Date | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return undefined;
  const [, date, time = '00:00', zone] = m;
  const utc = new Date(`${date}T${time}${zone ?? 'Z'}`);
  if (Number.isNaN(utc.getTime())) return undefined;
  if (zone !== undefined) return utc;
  return new Date(instantOfWallTime(utc.getTime(), timeZone));
}

function positiveCount(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_NEXT_COUNT) throw new CliError(`-n must be a whole number from 1 to ${MAX_NEXT_COUNT}, not "${text}"`, 2);
  return Number(text);
}

export function registerCronCommands(program: Command): void {
  const cron = program.command('cron').description('cron schedules: when entries run');
  cron
    .command('next <schedule>')
    .description('the next run times of a schedule, from the engine agents run entries by (crontab(5) syntax, @ macros, 6 fields with seconds first)')
    .option('--tz <zone>', 'IANA time zone the schedule is read in (default: this machine’s)')
    .option('--from <iso-time>', 'list runs after this time (default: now); without Z or an offset it is local time in --tz')
    .option('-n, --count <n>', `how many run times (1-${MAX_NEXT_COUNT})`, '5')
    .action((schedule: string, o: { tz?: string; from?: string; count: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const parsed = parseSchedule(schedule);
      if (!parsed.ok) throw new CliError(`invalid schedule ${JSON.stringify(schedule)}: ${parsed.problems.map((p) => `${p.message} (column ${p.column})`).join('; ')}`, 2);
      const timezone = o.tz ?? hostTimeZone();
      if (!isValidTimeZone(timezone)) throw new CliError(`unknown time zone "${timezone}" (use an IANA name such as Europe/Berlin or UTC)`, 2);
      const from = o.from === undefined ? new Date() : parseFromTime(o.from, timezone);
      if (from === undefined) throw new CliError(`--from must be an ISO-8601 time such as 2024-01-02T00:00:00Z (without an offset: local time in --tz), not "${o.from}"`, 2);
      const next = nextRuns(parsed.schedule, from, positiveCount(o.count), timezone);
      if (ctx.format !== 'table') return printData(ctx.format, { schedule, timezone, next: next.map((d) => d.toISOString()) }, []);
      if (parsed.schedule.kind === 'reboot') {
        writeOut('@reboot runs once when the agent starts after the host boots; it has no run times.\n');
        return;
      }
      printData(
        'table',
        next.map((d) => ({ utc: d.toISOString(), local: formatInTimeZone(d, timezone) })),
        [
          { header: 'utc', value: (r) => r.utc },
          { header: 'local', value: (r) => r.local },
        ],
      );
    });

  const get = program.commands.find((c) => c.name() === 'get') ?? program.command('get').description('list resources');
  get
    .command('cron [hosts...]')
    .description('crontab entries per host: schedule, zone, state, last run (time, exit code, duration), next run')
    .option('-l, --selector <selector>', 'label selector', selectorArg)
    .action(async (hosts: string[], o: { selector?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const entries = await fetchCronEntries(ctx.client(), o.selector, hosts);
      printData(ctx.format, entries, ENTRY_COLUMNS);
    });
  get
    .command('cron-runs [hosts...]')
    .description('cron run records, newest first: exit code, duration, the tail of the output')
    .option('-l, --selector <selector>', 'label selector', selectorArg)
    .option('--name <entry>', 'only this entry')
    .option('--since <when>', 'only runs started since: a duration (24h, 30m) or an ISO time')
    .option('--limit <n>', 'at most this many records (1-500)', '50')
    .action(async (hosts: string[], o: { selector?: string; name?: string; since?: string; limit: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError(`--limit must be a whole number from 1 to 500, not "${o.limit}"`, 2);
      const since = o.since === undefined ? undefined : parseSince(o.since);
      const { cronRuns } = await ctx.client().request<{ cronRuns: CronRunWire[] }>(
        `query($s: String, $h: [String!], $n: String, $since: DateTime, $first: Int) { cronRuns(selector: $s, hosts: $h, name: $n, since: $since, first: $first) { ${RUN_FIELDS} } }`,
        { s: o.selector, h: hosts.length ? hosts : undefined, n: o.name, since: since?.toISOString(), first: limit },
      );
      printData(ctx.format, cronRuns, RUN_COLUMNS);
    });
}
