import type { Command } from 'commander';
import { parseLabels } from '../../manifests/index.js';
import { commandContext } from '../context.js';
import { CliError } from '../errors.js';
import { writeOut, printData, renderTable, type Column } from '../output.js';
import { hostEvents, type CronRunWire, type StatusEventWire } from './host-events.js';
import { hostSummary, type HostSummary, type HostWire } from './host-summary.js';
import { describeCronEntries, fetchCronEntries } from './cron.js';
import { RESTART_FIELDS, type RestartRow } from './processes.js';
import { selectorArg } from '../selector-arg.js';

const HOST_FIELDS = 'name state labels online alive revoked lastSeenAt lastConnectedAt enrolledAt agentVersion address inventory';

const COLUMNS: Column<HostSummary>[] = [
  { header: 'name', value: (h) => h.name },
  { header: 'status', value: (h) => h.status },
  { header: 'alive', value: (h) => h.alive },
  { header: 'os', value: (h) => h.inventory.os },
  { header: 'cpus', value: (h) => h.inventory.cpuCores },
  { header: 'memory', value: (h) => (h.inventory.memoryBytes ? `${(h.inventory.memoryBytes / 2 ** 30).toFixed(1)}G` : null) },
  { header: 'agent', value: (h) => h.agentVersion },
  { header: 'last seen', value: (h) => h.lastSeen },
  { header: 'labels', value: (h) => Object.entries(h.labels).map(([k, v]) => `${k}=${v}`) },
];

async function fetchHosts(cmd: Command, selector: string | undefined, names: string[], status?: string): Promise<HostWire[]> {
  const ctx = commandContext(cmd);
  const client = ctx.client();
  const out: HostWire[] = [];
  let after: string | null = null;
  for (;;) {
    const { hosts }: { hosts: { nodes: HostWire[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } = await client.request(
      `query($s: String, $n: [String!], $st: HostStatus, $after: String) { hosts(selector: $s, names: $n, status: $st, first: 100, after: $after) { nodes { ${HOST_FIELDS} } pageInfo { endCursor hasNextPage } } }`,
      { s: selector, n: names.length ? names : undefined, st: status, after },
    );
    out.push(...hosts.nodes);
    if (!hosts.pageInfo.hasNextPage) return out;
    after = hosts.pageInfo.endCursor;
  }
}

interface TopRow {
  name: string;
  online: boolean;
  cpuPercent: number | null;
  memoryPercent: number | null;
  load1: number | null;
  processCount: number | null;
  netRxBytesPerSec: number | null;
  netTxBytesPerSec: number | null;
  sampledAt: string | null;
}

interface LatestWire {
  at: string;
  cpuPercent: number;
  memUsedBytes: number;
  memTotalBytes: number;
  load1: number;
  processCount: number;
  netRxBytesPerSec: number;
  netTxBytesPerSec: number;
}

async function topHosts(cmd: Command, selector: string | undefined, names: string[]): Promise<TopRow[]> {
  const client = commandContext(cmd).client();
  const { hosts } = await client.request<{ hosts: { nodes: { name: string; online: boolean; latestMetrics: LatestWire | null }[] } }>(
    `query($s: String, $n: [String!]) { hosts(selector: $s, names: $n, first: 100) { nodes { name online latestMetrics { at cpuPercent memUsedBytes memTotalBytes load1 processCount netRxBytesPerSec netTxBytesPerSec } } } }`,
    { s: selector ?? (names.length ? undefined : ''), n: names.length ? names : undefined },
  );
  return hosts.nodes.map((h) => {
    const m = h.latestMetrics;
    return {
      name: h.name,
      online: h.online,
      cpuPercent: m?.cpuPercent ?? null,
      memoryPercent: m && m.memTotalBytes > 0 ? (100 * m.memUsedBytes) / m.memTotalBytes : null,
      load1: m?.load1 ?? null,
      processCount: m?.processCount ?? null,
      netRxBytesPerSec: m?.netRxBytesPerSec ?? null,
      netTxBytesPerSec: m?.netTxBytesPerSec ?? null,
      sampledAt: m?.at ?? null,
    };
  });
}

export function registerHostCommands(program: Command): void {
  const get = program.commands.find((c) => c.name() === 'get') ?? program.command('get').description('list resources');
  get
    .command('hosts [names...]')
    .description('list hosts: by label selector (-l role=web,env!=prod), names or globs, status')
    .option('-l, --selector <selector>', 'label selector', selectorArg)
    .option('--status <status>', 'online, offline, alive, dead or revoked')
    .action(async (names: string[], o: { selector?: string; status?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const status = o.status?.toUpperCase();
      if (status && !['ONLINE', 'OFFLINE', 'ALIVE', 'DEAD', 'REVOKED'].includes(status)) throw new CliError('--status must be online, offline, alive, dead or revoked', 2);
      const hosts = (await fetchHosts(cmd, o.selector, names, status)).map(hostSummary);
      printData(ctx.format, hosts, COLUMNS);
    });

  const describe = program.commands.find((c) => c.name() === 'describe') ?? program.command('describe').description('show one resource in detail');
  describe
    .command('host <name>')
    .description('a host: status, labels, inventory, then what happened (status changes, restarts, cron runs) in time order')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { host } = await ctx.client().request<{ host: (HostWire & { statusHistory: StatusEventWire[]; restarts: Omit<RestartRow, 'host'>[]; cronRuns: CronRunWire[] }) | null }>(
        `query($n: String!) { host(name: $n) { ${HOST_FIELDS} statusHistory { at change reason } restarts(first: 20) { ${RESTART_FIELDS} } cronRuns(first: 20) { name startedAt finishedAt exitCode status } } }`,
        { n: name },
      );
      if (!host) throw new CliError(`no host named "${name}"`);
      const cron = await fetchCronEntries(ctx.client(), undefined, [host.name]);
      const events = hostEvents({ status: host.statusHistory, restarts: host.restarts, cron: host.cronRuns });
      const summary = { ...hostSummary(host), history: host.statusHistory, restarts: host.restarts, cronRuns: host.cronRuns, events, fullInventory: host.inventory, cron };
      if (ctx.format !== 'table') return printData(ctx.format, summary, []);
      const s = summary;
      const lines = [
        `Name:          ${s.name}`,
        `Status:        ${s.status}, ${s.alive ? 'alive (a heartbeat within the alive window)' : 'not alive (no heartbeat within the alive window)'}`,
        `Last seen:     ${s.lastSeen ?? 'never'}`,
        `Address:       ${host.address ?? '-'}`,
        `Agent:         ${host.agentVersion ?? '-'}`,
        `Labels:        ${Object.entries(s.labels).map(([k, v]) => `${k}=${v}`).join(', ') || '-'}`,
        `Hostname:      ${s.inventory.hostname ?? '-'}`,
        `OS:            ${s.inventory.os ?? '-'}`,
        `CPU:           ${s.inventory.cpuModel ?? '-'} (${s.inventory.cpuCores ?? '?'} cores)`,
        `Memory:        ${s.inventory.memoryBytes ? `${(s.inventory.memoryBytes / 2 ** 30).toFixed(1)} GiB` : '-'}`,
        `Addresses:     ${s.inventory.ips.join(', ') || '-'}`,
        `MACs:          ${s.inventory.macs.join(', ') || '-'}`,
        `Time zone:     ${s.inventory.timezone ?? '-'}`,
        `Booted:        ${s.inventory.bootTime ?? '-'}`,
        ``,
        `Events (status changes of the last 7 days, the latest restarts and cron runs; oldest first):`,
        events.length
          ? renderTable(events, [
              { header: 'at', value: (e) => e.at },
              { header: 'kind', value: (e) => e.kind },
              { header: 'what', value: (e) => e.what },
              { header: 'detail', value: (e) => e.detail },
            ])
          : '  none\n',
        describeCronEntries(cron),
      ];
      writeOut(`${lines.join('\n')}`);
    });

  const top = program.command('top').description('resource usage');
  top
    .command('hosts [names...]')
    .description('hosts by CPU use, from their newest metrics sample')
    .option('-l, --selector <selector>', 'label selector', selectorArg)
    .option('--sort <column>', 'cpu, memory, load or name', 'cpu')
    .action(async (names: string[], o: { selector?: string; sort: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const rows = await topHosts(cmd, o.selector, names);
      const key: Record<string, (r: TopRow) => number | string> = { cpu: (r) => -(r.cpuPercent ?? -1), memory: (r) => -(r.memoryPercent ?? -1), load: (r) => -(r.load1 ?? -1), name: (r) => r.name };
      const sortBy = key[o.sort];
      if (!sortBy) throw new CliError('--sort must be cpu, memory, load or name', 2);
      rows.sort((a, b) => (sortBy(a) < sortBy(b) ? -1 : sortBy(a) > sortBy(b) ? 1 : 0));
      printData(ctx.format, rows, [
        { header: 'name', value: (r) => r.name },
        { header: 'cpu%', value: (r) => r.cpuPercent?.toFixed(1) },
        { header: 'mem%', value: (r) => r.memoryPercent?.toFixed(1) },
        { header: 'load1', value: (r) => r.load1?.toFixed(2) },
        { header: 'procs', value: (r) => r.processCount },
        { header: 'rx kB/s', value: (r) => (r.netRxBytesPerSec === null ? null : (r.netRxBytesPerSec / 1000).toFixed(1)) },
        { header: 'tx kB/s', value: (r) => (r.netTxBytesPerSec === null ? null : (r.netTxBytesPerSec / 1000).toFixed(1)) },
        { header: 'sampled', value: (r) => r.sampledAt },
      ]);
    });

  const host = program.command('host').description('change hosts');
  host
    .command('label <name> <labels...>')
    .description('set server labels (k=v) or remove them (k-)')
    .action(async (name: string, labels: string[], _o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const remove = labels.filter((l) => l.endsWith('-') && !l.includes('=')).map((l) => l.slice(0, -1));
      const setText = labels.filter((l) => l.includes('=')).join(',');
      let set: Record<string, string> = {};
      try {
        set = setText ? parseLabels(setText) : {};
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err), 2);
      }
      const { setHostLabels } = await ctx.client().request<{ setHostLabels: HostWire }>(`mutation($n: String!, $s: JSON, $r: [String!]) { setHostLabels(name: $n, set: $s, remove: $r) { ${HOST_FIELDS} } }`, { n: name, s: set, r: remove });
      printData(ctx.format, hostSummary(setHostLabels), COLUMNS);
    });
  host
    .command('revoke <name>')
    .description('revoke the host’s credential: its agent is disconnected and refused from now on')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      await ctx.client().request(`mutation($n: String!) { revokeHost(name: $n) { name } }`, { n: name });
      writeOut(`Revoked ${name}.\n`);
    });
  host
    .command('rm <name>')
    .description('revoke and forget a host')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      await ctx.client().request(`mutation($n: String!) { deleteHost(name: $n) }`, { n: name });
      writeOut(`Deleted ${name}.\n`);
    });
}
