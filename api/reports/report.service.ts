import type { EntityManager } from '@mikro-orm/core';
import { HostRecord, ProcessRestartRecord } from '../../db/entities/index.js';
import { availabilityRows, type AvailabilityRow } from './availability.js';
import { changeRows, newestChanges, type ChangeEntry, type ChangeRow } from './changes.js';
import { loadChangeInput } from './changes-source.js';
import { loadAvailabilityInput } from './availability-source.js';
import { commandRows, type CommandsReport, type SlowCommand } from './commands.js';
import { loadCommandCounts } from './commands-source.js';
import { cronRows, type CronRow } from './cron.js';
import { rollUpDailyCounts } from './daily-counts.js';
import { loadDailyCounts } from './daily-counts-source.js';
import { loadReportHosts, type ReportHost } from './report-hosts.js';
import type { ReportRequest } from './report-request.js';
import { restartRows, type CrashLoop, type RestartRow } from './restarts.js';
import { topResourceRows, type ResourceRow } from './resources.js';
import { loadResourceInput } from './resources-source.js';
import { diskForecasts, topDiskRows, type DiskForecast, type DiskRow } from './disks.js';
import { loadDiskInput } from './disks-source.js';

/** Most crash loops listed (newest first). */
export const MAX_CRASH_LOOPS = 500;

/**
 * Each report: gather (a few indexed or grouped reads) → the pure aggregation → rows. The GraphQL
 * queries call these; the CLI calls the queries, so every form shows the same figures.
 */
export async function availabilityReport(em: EntityManager, req: ReportRequest, aliveWindowMs: number): Promise<AvailabilityRow[]> {
  const hosts = await loadReportHosts(em, req.selector);
  const input = await loadAvailabilityInput(em, hosts, req.range);
  return availabilityRows(input, req.range, { aliveWindowMs, by: req.by, period: req.period });
}

export async function restartsReport(em: EntityManager, req: ReportRequest): Promise<{ rows: RestartRow[]; crashLoops: CrashLoop[] }> {
  const { hosts, ids } = await scope(em, req);
  const counts = await loadDailyCounts(em, 'restart', req.range, ids, req.period !== 'ALL');
  const rows = restartRows(rollUpDailyCounts(counts, byId(hosts), req.range, req.by, req.period));
  const fatal = await em.find(
    ProcessRestartRecord,
    { outcome: 'FATAL', at: { $gte: new Date(req.range.fromMs), $lt: new Date(req.range.toMs) }, ...(ids ? { hostId: { $in: ids } } : {}) },
    { orderBy: { at: 'desc', id: 'desc' }, limit: MAX_CRASH_LOOPS, disableIdentityMap: true },
  );
  const names = byId(hosts);
  const crashLoops = fatal.filter((r) => names.has(r.hostId)).map((r) => ({ host: names.get(r.hostId)!.name, process: r.process, at: r.at, restarts: r.count, exitCode: r.exitCode ?? null, signal: r.signal ?? null }));
  return { rows, crashLoops };
}

export async function cronReport(em: EntityManager, req: ReportRequest): Promise<CronRow[]> {
  const { hosts, ids } = await scope(em, req);
  const counts = await loadDailyCounts(em, 'cron', req.range, ids, req.period !== 'ALL');
  return cronRows(rollUpDailyCounts(counts, byId(hosts), req.range, req.by, req.period));
}

export async function commandsReport(em: EntityManager, req: ReportRequest): Promise<CommandsReport & { slowest: SlowCommand[] }> {
  const { hosts, ids } = await scope(em, req);
  const { jobs, targets, slowest } = await loadCommandCounts(em, req.range, ids);
  return { ...commandRows(jobs, targets, hosts, { range: req.range, by: req.by, period: req.period }), slowest };
}

export async function resourcesReport(em: EntityManager, req: ReportRequest, top: number): Promise<{ cpu: ResourceRow[]; memory: ResourceRow[]; disks: DiskRow[]; forecast: DiskForecast[] }> {
  const { hosts, ids } = await scope(em, req);
  // Independent reads, run side by side on their own pooled connections.
  const [{ maxima, cpu, mem }, disk] = await Promise.all([loadResourceInput(em, req.range, ids), loadDiskInput(em, req.range, ids)]);
  return {
    cpu: topResourceRows(hosts, maxima, cpu, mem, { sortBy: 'CPU', limit: top }),
    memory: topResourceRows(hosts, maxima, cpu, mem, { sortBy: 'MEMORY', limit: top }),
    disks: topDiskRows(hosts, disk.ranges, disk.hists, top),
    forecast: diskForecasts(hosts, disk.sums, disk.window, top),
  };
}

/** Most individual changes listed (newest first). */
export const MAX_CHANGES_LISTED = 500;

export async function changesReport(em: EntityManager, req: ReportRequest): Promise<{ rows: ChangeRow[]; changes: ChangeEntry[] }> {
  const { hosts, ids } = await scope(em, req);
  const names = new Map(hosts.map((h) => [h.id, h.name]));
  const { counts, newest } = await loadChangeInput(em, req.range, ids, req.period !== 'ALL', MAX_CHANGES_LISTED, names);
  return { rows: changeRows(rollUpDailyCounts(counts, byId(hosts), req.range, req.by, req.period)), changes: newestChanges(newest, MAX_CHANGES_LISTED) };
}

/** The report's hosts, and their ids when a selector narrowed them (null: every host). */
async function scope(em: EntityManager, req: ReportRequest): Promise<{ hosts: ReportHost[]; ids: number[] | null }> {
  const hosts = await loadReportHosts(em, req.selector);
  if (req.selector === null) return { hosts, ids: null };
  const total = await em.count(HostRecord, {});
  return { hosts, ids: hosts.length === total ? null : hosts.map((h) => h.id) };
}

function byId(hosts: readonly ReportHost[]): Map<number, ReportHost> {
  return new Map(hosts.map((h) => [h.id, h]));
}
