import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { CliError } from '../errors.js';
import { fitCell, printData, writeOut, type Column } from '../output.js';
import { fetchJobWithTargets, followJob } from '../jobs/follow-job.js';
import { JOB_CONTROL, JOB_STATUSES, JOBS_PAGE, type JobControl, type JobPage, type JobWire } from '../jobs/job-wire.js';
import { printJobResults } from '../jobs/print-job.js';
import { countLine } from '../jobs/result-groups.js';
import type { JobWithTargets } from '../jobs/watch-job.js';
import { EXIT_INTERRUPTED, registerExecCommand } from './exec.js';

const MAX_COMMAND_COLUMN = 40;

const JOB_COLUMNS: Column<JobWire>[] = [
  { header: 'id', value: (j) => j.id },
  { header: 'status', value: (j) => j.status },
  { header: 'command', value: (j) => clip(jobCommandText(j.kind, j.command)) },
  { header: 'targets', value: (j) => (j.selector !== null ? `-l ${j.selector || "''"}` : j.hosts) },
  { header: 'done', value: (j) => `${j.counts.done}/${j.counts.total}` },
  { header: 'failed', value: (j) => j.counts.failed + j.counts.timedOut + j.counts.unreachable },
  { header: 'by', value: (j) => j.createdBy },
  { header: 'created', value: (j) => j.createdAt },
];

/** `uptime`, `download hello.txt@1.0 /tmp/x`: an action's kind once, even when its command text starts with it. */
export function jobCommandText(kind: string, command: string): string {
  if (kind === 'SHELL') return command;
  const word = kind.toLowerCase().replace(/_/g, '-');
  return command.toLowerCase().startsWith(word) || command.toLowerCase().startsWith(kind.toLowerCase()) ? command : `${word} ${command}`.trim();
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return fitCell(oneLine, MAX_COMMAND_COLUMN);
}

/** A job id is a positive whole number. */
export function parseJobId(text: string): string {
  if (!/^[1-9]\d{0,15}$/.test(text)) throw new CliError(`"${text}" is not a job id (a number, as \`ioms jobs\` lists them)`, 2);
  return text;
}

function parseStatus(text: string): string {
  const s = text.toUpperCase();
  if (!(JOB_STATUSES as readonly string[]).includes(s)) throw new CliError(`--status must be one of ${JOB_STATUSES.join(', ').toLowerCase()}, not "${text}"`, 2);
  return s;
}

function parseLimit(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 500) throw new CliError('--limit must be a whole number from 1 to 500', 2);
  return Number(text);
}

/** The header of `ioms job ID` (table form). */
export function describeJob(job: JobWithTargets): string {
  const targets = [job.selector !== null ? `-l ${job.selector || "'' (every host)"}` : null, job.hosts.length ? job.hosts.join(' ') : null].filter(Boolean).join(' and ');
  const rows: [string, string][] = [
    ['Job', `${job.id} (${job.kind})`],
    ['Command', job.command || '-'],
    ['Targets', targets || '-'],
    ['Status', job.status],
    ['Hosts', countLine(job.targets)],
    ['Batch', `${job.batchSize} at once${job.maxFailures !== null ? `, stop when more than ${job.maxFailures} failed` : ''}`],
    ['Timeout', `${job.timeoutSeconds}s (queue for ${job.queueForSeconds}s)`],
    ['Created', `${job.createdAt} by ${job.createdBy}`],
    ['Finished', job.finishedAt ?? '-'],
  ];
  return rows.map(([k, v]) => `${`${k}:`.padEnd(10)}${v}`).join('\n') + '\n';
}

async function controlJob(action: JobControl, id: string, cmd: Command): Promise<void> {
  const jobId = parseJobId(id);
  const ctx = commandContext(cmd);
  const data = await ctx.client().request<Record<string, JobWire>>(JOB_CONTROL[action], { id: jobId });
  const job = Object.values(data)[0]!;
  if (ctx.format !== 'table') return printData(ctx.format, job, []);
  writeOut(`Job ${job.id} ${job.status}: ${job.counts.done}/${job.counts.total} hosts done.\n`);
}

/** `ioms exec`, `ioms jobs`, `ioms job ID`, `ioms job cancel|pause|resume ID`. */
export function registerJobCommands(program: Command): void {
  registerExecCommand(program);

  program
    .command('jobs')
    .description('list jobs, newest first')
    .option('--status <status>', 'only running, paused, stopped, cancelled or completed jobs', parseStatus)
    .option('--limit <n>', 'jobs per page (1–500)', parseLimit, 50)
    .option('--after <cursor>', 'continue after this cursor (printed at the end of a page)')
    .action(async (o: { status?: string; limit: number; after?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { jobs } = await ctx.client().request<{ jobs: JobPage }>(JOBS_PAGE, { status: o.status, first: o.limit, after: o.after });
      if (ctx.format !== 'table') return printData(ctx.format, jobs, []);
      if (jobs.nodes.length === 0) return void writeOut('No jobs.\n');
      printData(ctx.format, jobs.nodes, JOB_COLUMNS);
      if (jobs.pageInfo.hasNextPage) writeOut(`(more: --after ${jobs.pageInfo.endCursor})\n`);
    });

  const job = program
    .command('job')
    .description('one job with its per-host results (grouped by identical output); or cancel, pause, resume it')
    .argument('<id>', 'the job id')
    .option('-w, --wait', 'follow the job until it settles (progress on a terminal), then show it; exit 1 unless every host succeeded')
    .action(async (id: string, o: { wait?: boolean }, cmd: Command) => {
      const jobId = parseJobId(id);
      const ctx = commandContext(cmd);
      const client = ctx.client();
      let found = await fetchJobWithTargets(client, jobId);
      if (!found) throw new CliError(`no job ${id}`);
      let interrupted = false;
      if (o.wait) ({ job: found, interrupted } = await followJob(cmd, client, found));
      if (ctx.format !== 'table') printData(ctx.format, found, []);
      else {
        writeOut(`${describeJob(found)}\n`);
        printJobResults(found, { format: 'table' });
      }
      if (interrupted) process.exitCode = EXIT_INTERRUPTED;
      else if (o.wait && !found.targets.every((t) => t.status === 'SUCCEEDED')) process.exitCode = 1;
    });
  for (const [name, what] of [
    ['cancel', 'cancel a job: nothing more is dispatched (hosts not yet sent end CANCELLED; running commands finish)'],
    ['pause', 'pause a rolling job: nothing more is dispatched until resume (running commands finish)'],
    ['resume', 'resume a paused job'],
  ] as const) {
    job
      .command(`${name} <id>`)
      .description(what)
      .action(async (id: string, _o: unknown, sub: Command) => controlJob(name, id, sub));
  }
}
