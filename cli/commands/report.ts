import type { Command } from 'commander';
import { REPORT_TABLES, type ReportTable } from '../../api/reports/report-columns.js';
import { commandContext } from '../context.js';
import { parseSince } from '../duration.js';
import { CliError } from '../errors.js';
import { selectorArg } from '../selector-arg.js';
import { printData, writeOut } from '../output.js';

/**
 * `ioms report KIND`: each kind is one GraphQL `report…` query. The server computes the figures;
 * the CLI prints the rows with the report's shared columns (api/reports/report-columns.ts), so
 * `-o csv` here and the `csv` field a web page downloads are the same file.
 */
interface ReportKind {
  readonly name: keyof typeof REPORT_TABLES;
  readonly description: string;
  readonly field: string;
  /** GraphQL selection of the report (besides `scope`). */
  readonly selection: string;
}

const SCOPE = 'scope { from to by selector period generatedAt }';
const TALLY = 'targets succeeded failed unreachable cancelled pending successPercent';

const KINDS: readonly ReportKind[] = [
  {
    name: 'availability',
    description: 'availability %, downtime, outages and longest outage per host or label group, from the recorded status changes',
    field: 'reportAvailability',
    selection: 'aliveWindowSeconds rows { group periodStart periodEnd hosts availabilityPercent downtimeMinutes outages longestOutageMinutes monitoredMinutes }',
  },
  {
    name: 'restarts',
    description: 'guarded-process restarts per process and host or label group, and crash loops (tables: restarts, crash-loops)',
    field: 'reportRestarts',
    selection: 'rows { group process periodStart periodEnd hosts restarts exits gaveUp lastAt } crashLoops { host process at restarts exitCode signal }',
  },
  {
    name: 'cron',
    description: 'cron runs, failures and success rate per entry and host or label group',
    field: 'reportCron',
    selection: 'rows { group entry periodStart periodEnd hosts runs succeeded failures timedOut skipped successPercent lastFailureAt }',
  },
  {
    name: 'resources',
    description: 'top hosts by CPU and memory (p95 of hourly averages and max), fullest disks and the disk-full forecast (tables: cpu, memory, disks, forecast)',
    field: 'reportResources',
    selection: 'cpu { host hours cpuP95 cpuMax memP95 memMax } memory { host hours cpuP95 cpuMax memP95 memMax } disks { host mount days usedP95 usedMax sizeBytes } forecast { host mount days sizeBytes usedPercent growthBytesPerDay trend daysUntilFull fullAt }',
  },
  {
    name: 'changes',
    description: 'drift history: changes agents made per resource and host or label group, intended or corrective (tables: changes, list)',
    field: 'reportChanges',
    selection: 'rows { group resource periodStart periodEnd hosts changes intended corrective restarts failed lastAt } changes { host at resource action reason kind outcome revision error }',
  },
  {
    name: 'commands',
    description: 'jobs and targets per day, success rate per user and per host or label group, slowest commands (tables: days, users, hosts, slowest)',
    field: 'reportCommands',
    selection: `days { periodStart periodEnd jobs ${TALLY} } users { user jobs ${TALLY} } hosts { group hosts ${TALLY} } slowest { jobId command user host status durationMs finishedAt }`,
  },
];

interface ReportOptions {
  from: string;
  to?: string;
  by: string;
  selector?: string;
  per?: string;
  table?: string;
  top: string;
}

const PERIODS: Record<string, string> = { all: 'ALL', day: 'DAY', week: 'WEEK', month: 'MONTH' };

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('reports over a time range (viewer or higher); -o csv writes RFC 4180 CSV');
  for (const kind of KINDS) {
    report
      .command(kind.name)
      .description(kind.description)
      .option('--from <when>', 'start: a duration ago (30d, 12h) or an ISO date', '30d')
      .option('--to <when>', 'end: a duration ago or an ISO date (default: now)')
      .option('--by <grouping>', 'host, or label:KEY (e.g. label:role)', 'host')
      .option('-l, --selector <selector>', 'only hosts matching this label selector', selectorArg)
      .option('--per <period>', 'one row per group and day, week or month (UTC) instead of one for the whole range')
      .option('--top <n>', 'resources: rows per table (hosts, or mounts)', '20')
      .option('--table <name>', `with -o csv or table: only this table (${REPORT_TABLES[kind.name].map((t) => t.name).join(', ')}; csv default: the first)`)
      .action(async (o: ReportOptions, cmd: Command) => {
        const ctx = commandContext(cmd);
        const now = new Date();
        const tables: readonly ReportTable[] = REPORT_TABLES[kind.name];
        const chosen = o.table === undefined ? (ctx.format === 'csv' ? tables.slice(0, 1) : tables) : tables.filter((t) => t.name === o.table);
        if (chosen.length === 0) throw new CliError(`${kind.name} has no table "${o.table}": use ${tables.map((t) => t.name).join(', ')}`, 2);
        const period = o.per === undefined ? 'ALL' : PERIODS[o.per.toLowerCase()];
        if (!period) throw new CliError(`--per must be day, week or month, got "${o.per}"`, 2);
        const input = { from: parseSince(o.from, now).toISOString(), to: o.to ? parseSince(o.to, now).toISOString() : undefined, by: o.by, selector: o.selector, period };
        const top = kind.name === 'resources';
        const query = `query($input: ReportInput${top ? ', $top: Int' : ''}) { ${kind.field}(input: $input${top ? ', top: $top' : ''}) { ${SCOPE} ${kind.selection} } }`;
        const data = await ctx.client().request<Record<string, Record<string, unknown>>>(query, top ? { input, top: Number(o.top) } : { input });
        const result = data[kind.field]!;
        if (ctx.format === 'json' || ctx.format === 'yaml') return printData(ctx.format, result, []);
        for (const [i, table] of chosen.entries()) {
          const rows = table.rows(result) as never[];
          if (ctx.format === 'table' && chosen.length > 1) writeOut(`${i > 0 ? '\n' : ''}${table.name}\n`);
          if (ctx.format === 'table' && rows.length === 0) writeOut('(no rows)\n');
          else printData(ctx.format, rows, table.columns);
        }
      });
  }
}
