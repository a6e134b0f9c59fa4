import type { Command } from 'commander';
import { AVAILABILITY_COLUMNS, type ReportColumn } from '../../api/reports/report-columns.js';
import { commandContext } from '../context.js';
import { parseSince } from '../duration.js';
import { CliError } from '../errors.js';
import { printData } from '../output.js';

/**
 * `ioms report KIND`: each kind is one GraphQL `report…` query. The server computes the figures;
 * the CLI prints the rows with the report's shared columns (api/reports/report-columns.ts), so
 * `-o csv` here and the `csv` field a web page downloads are the same file.
 */
interface ReportKind {
  readonly name: string;
  readonly description: string;
  readonly field: string;
  /** GraphQL selection of the report (besides `scope`). */
  readonly selection: string;
  /** The table to print: rows and their columns. */
  readonly tables: readonly { readonly title?: string; readonly rows: (report: Record<string, unknown>) => unknown[]; readonly columns: readonly ReportColumn<never>[] }[];
}

const SCOPE = 'scope { from to by selector period generatedAt }';

const KINDS: readonly ReportKind[] = [
  {
    name: 'availability',
    description: 'availability %, downtime, outages and longest outage per host or label group, from the recorded status changes',
    field: 'reportAvailability',
    selection: 'aliveWindowSeconds rows { group periodStart periodEnd hosts availabilityPercent downtimeMinutes outages longestOutageMinutes monitoredMinutes }',
    tables: [{ rows: (r) => r.rows as unknown[], columns: AVAILABILITY_COLUMNS as readonly ReportColumn<never>[] }],
  },
];

interface ReportOptions {
  from: string;
  to?: string;
  by: string;
  selector?: string;
  per?: string;
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
      .option('-l, --selector <selector>', 'only hosts matching this label selector')
      .option('--per <period>', 'one row per group and day, week or month (UTC) instead of one for the whole range')
      .action(async (o: ReportOptions, cmd: Command) => {
        const ctx = commandContext(cmd);
        const now = new Date();
        const period = o.per === undefined ? 'ALL' : PERIODS[o.per.toLowerCase()];
        if (!period) throw new CliError(`--per must be day, week or month, got "${o.per}"`, 2);
        const input = { from: parseSince(o.from, now).toISOString(), to: o.to ? parseSince(o.to, now).toISOString() : undefined, by: o.by, selector: o.selector, period };
        const query = `query($input: ReportInput) { ${kind.field}(input: $input) { ${SCOPE} ${kind.selection} } }`;
        const data = await ctx.client().request<Record<string, Record<string, unknown>>>(query, { input });
        const result = data[kind.field]!;
        if (ctx.format === 'json' || ctx.format === 'yaml') return printData(ctx.format, result, []);
        for (const [i, table] of kind.tables.entries()) {
          const rows = table.rows(result) as never[];
          if (ctx.format === 'table' && table.title) process.stdout.write(`${i > 0 ? '\n' : ''}${table.title}\n`);
          if (ctx.format === 'table' && rows.length === 0) process.stdout.write('(no rows)\n');
          else printData(ctx.format, rows, table.columns);
        }
      });
  }
}
