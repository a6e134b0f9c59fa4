/**
 * What guarded processes did: `ioms get restarts` (every unplanned exit, what died and what
 * replaced it) and `ioms get processes` (what runs now, per host). Both read what the agents
 * reported; nothing here asks an agent.
 */
import type { Command } from 'commander';
import type { ApiClient } from '../api-client.js';
import { commandContext } from '../context.js';
import { parseSince } from '../duration.js';
import { printData, type Column } from '../output.js';
import { exitStatus } from '../process-exit.js';
import { selectorArg } from '../selector-arg.js';
import { formatElapsed } from '../jobs/result-groups.js';

/** A restart record as `ioms get restarts -o json` prints it (newest first). */
export interface RestartRow {
  at: string;
  host: string;
  process: string;
  /** Both null with a pid: the instance was adopted from an earlier agent and its status is unknown (cli/process-exit.ts). */
  exitCode: number | null;
  signal: string | null;
  pid: number | null;
  newPid: number | null;
  /** Unplanned exits of this process since its spec was applied, this one included. */
  count: number;
  backoffMs: number | null;
  /** RESTART, EXIT (the policy leaves it down) or FATAL (start limit reached). */
  outcome: string;
}

export const RESTART_FIELDS = 'process at exitCode signal count outcome pid newPid backoffMs';

const RESTART_COLUMNS: Column<RestartRow>[] = [
  { header: 'time', value: (r) => r.at },
  { header: 'host', value: (r) => r.host },
  { header: 'process', value: (r) => r.process },
  { header: 'exit', value: (r) => exitStatus(r) },
  { header: 'old pid', value: (r) => r.pid },
  { header: 'new pid', value: (r) => r.newPid },
  { header: 'restarts', value: (r) => r.count },
  { header: 'backoff', value: (r) => (r.backoffMs === null ? null : formatElapsed(r.backoffMs, true)) },
  { header: 'outcome', value: (r) => r.outcome },
];

/** A guarded process as `ioms get processes -o json` prints it. */
export interface ProcessRow {
  host: string;
  name: string;
  state: string;
  pid: number | null;
  startedAt: string | null;
  /** Restarts by the restart policy since the spec was applied. */
  restarts: number;
  /** Percent of one core, when the agent reports it. */
  cpu: number | null;
  rssBytes: number | null;
}

interface HostPage<T> {
  hosts: { nodes: ({ name: string } & T)[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

/** Every host matching, with `fields` each, all pages. */
/** `pageSize` hosts per request: keep it small when `fields` lists many rows per host (the server caps query cost). */
export async function eachHost<T>(client: ApiClient, selector: string | undefined, names: readonly string[], fields: string, variables: Record<string, unknown> = {}, varDefs = '', pageSize = 100): Promise<({ name: string } & T)[]> {
  const out: ({ name: string } & T)[] = [];
  let after: string | null = null;
  for (;;) {
    const page: HostPage<T> = await client.request(
      `query($s: String, $n: [String!], $after: String, $page: Int${varDefs}) { hosts(selector: $s, names: $n, first: $page, after: $after) { nodes { name ${fields} } pageInfo { endCursor hasNextPage } } }`,
      { s: selector ?? (names.length ? undefined : ''), n: names.length ? names : undefined, after, page: pageSize, ...variables },
    );
    out.push(...page.hosts.nodes);
    if (!page.hosts.pageInfo.hasNextPage) return out;
    after = page.hosts.pageInfo.endCursor;
  }
}

/** `3d4h`, `5m12s` from now − startedAt; null without a start time. */
export function uptime(startedAt: string | null, now: number): string | null {
  if (!startedAt) return null;
  const ms = now - Date.parse(startedAt);
  return Number.isFinite(ms) && ms >= 0 ? formatElapsed(ms) : null;
}

export function registerProcessCommands(program: Command): void {
  const get = program.commands.find((c) => c.name() === 'get') ?? program.command('get').description('list resources');
  get
    .command('restarts [hosts...]')
    .description('guarded-process restarts, newest first: when, which host and process, exit code or signal, the old and new pid, restart count, backoff')
    .option('-l, --selector <selector>', 'only hosts matching this label selector', selectorArg)
    .option('--process <name>', 'only this process')
    .option('--since <when>', 'only restarts since this long ago (30m, 24h, 7d) or this date', '24h')
    .option('--limit <n>', 'at most this many per host', (v) => Number(v), 100)
    .action(async (names: string[], o: { selector?: string; process?: string; since: string; limit: number }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const since = parseSince(o.since);
      const hosts = await eachHost<{ restarts: Omit<RestartRow, 'host'>[] }>(ctx.client(), o.selector, names, 'restarts(process: $p, since: $since, first: $first) { ' + RESTART_FIELDS + ' }', { p: o.process, since: since.toISOString(), first: o.limit }, ', $p: String, $since: DateTime, $first: Int', Math.max(1, Math.floor(1000 / Math.max(1, o.limit))));
      const rows: RestartRow[] = hosts
        .flatMap((h) => h.restarts.map((r) => ({ at: r.at, host: h.name, process: r.process, exitCode: r.exitCode, signal: r.signal, pid: r.pid, newPid: r.newPid, count: r.count, backoffMs: r.backoffMs, outcome: r.outcome })))
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      printData(ctx.format, rows, RESTART_COLUMNS);
    });

  get
    .command('processes [hosts...]')
    .description('guarded processes per host, as the agents last reported them: state, pid, uptime, restarts, CPU and RSS')
    .option('-l, --selector <selector>', 'only hosts matching this label selector', selectorArg)
    .action(async (names: string[], o: { selector?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      type Observed = { processes?: { name: string; state: string; pid?: number; restarts: number; cpu?: number; rss?: number; startedAt?: string }[] } | null;
      const hosts = await eachHost<{ observedState: Observed }>(ctx.client(), o.selector, names, 'observedState');
      const rows: ProcessRow[] = hosts.flatMap((h) =>
        (h.observedState?.processes ?? []).map((p) => ({ host: h.name, name: p.name, state: p.state, pid: p.pid ?? null, startedAt: p.startedAt ?? null, restarts: p.restarts, cpu: p.cpu ?? null, rssBytes: p.rss ?? null })),
      );
      const now = Date.now();
      printData(ctx.format, rows, [
        { header: 'host', value: (r) => r.host },
        { header: 'process', value: (r) => r.name },
        { header: 'state', value: (r) => r.state },
        { header: 'pid', value: (r) => r.pid },
        { header: 'uptime', value: (r) => (r.state === 'RUNNING' ? uptime(r.startedAt, now) : null) },
        { header: 'restarts', value: (r) => r.restarts },
        { header: 'cpu%', value: (r) => r.cpu?.toFixed(1) },
        { header: 'rss', value: (r) => (r.rssBytes === null ? null : `${(r.rssBytes / 2 ** 20).toFixed(1)}M`) },
      ]);
    });
}
