import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { HostRecord, HostStatusEventRecord, MetricRollupRecord, MetricSampleRecord, ProcessRestartRecord } from '../../db/entities/index.js';
import { knexColumns } from '../../db/knex-columns.js';
import { Allow } from '../auth/access.js';
import type { GraphQLContext } from '../graphql/context.js';
import { scanHosts } from '../hosts/host-scan.js';
import { RECENT_USAGE_WINDOW_MS, recentUsageByHost } from '../metrics/recent-usage.js';
import { FleetEvent, FleetMetricsPoint, FleetTiles, type TileState } from './fleet-overview.type.js';

const FLEET_METRICS_STEP_SECONDS = 300;
const MAX_FLEET_EVENTS = 200;
const MAX_FLEET_METRICS_HOURS = 24 * 7;

/** Fleet-wide reads for the dashboard's overview: the map, recent events, fleet CPU and memory. */
@Resolver()
export class FleetOverviewResolver {
  @Query(() => FleetTiles, { description: 'Every enrolled host’s status and CPU of the last 5 minutes, by name: the fleet map' })
  @Allow('VIEWER')
  async fleetTiles(@Ctx() ctx: GraphQLContext): Promise<FleetTiles> {
    const now = ctx.services.now();
    // The one rule for online/alive/revoked, over the light columns (no entities, no labels).
    const [views, usage] = await Promise.all([scanHosts(ctx.em, {}, now, ctx.services.hosts.aliveWindowMs), recentUsageByHost(ctx.em, now.getTime() - RECENT_USAGE_WINDOW_MS)]);
    const state = (h: { online: boolean; alive: boolean; revoked: boolean }): TileState => (h.revoked ? 'REVOKED' : h.online ? 'ONLINE' : h.alive ? 'ALIVE' : 'DEAD');
    return Object.assign(new FleetTiles(), { names: views.map((h) => h.name), states: views.map(state), cpuPercent: views.map((h) => usage.get(h.id)?.cpuPercent ?? null) });
  }

  @Query(() => [FleetEvent], { description: 'Newest status changes and guarded-process exits across the fleet, newest first' })
  @Allow('VIEWER')
  async fleetEvents(@Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true, description: 'Default 30, at most 200' }) first?: number): Promise<FleetEvent[]> {
    const limit = Math.max(1, Math.min(first ?? 30, MAX_FLEET_EVENTS));
    const [statuses, restarts] = await Promise.all([
      ctx.em.find(HostStatusEventRecord, {}, { orderBy: { at: 'desc' }, limit, disableIdentityMap: true }),
      ctx.em.find(ProcessRestartRecord, {}, { orderBy: { at: 'desc' }, limit, disableIdentityMap: true }),
    ]);
    const ids = [...new Set([...statuses, ...restarts].map((r) => r.hostId))];
    const names = new Map((ids.length ? await ctx.em.find(HostRecord, { id: { $in: ids } }, { fields: ['id', 'name'], disableIdentityMap: true }) : []).map((h) => [h.id, h.name]));
    const events = [
      ...statuses.map((s) => ({ at: s.at, host: names.get(s.hostId) ?? `#${s.hostId}`, kind: 'STATUS' as const, change: s.change, process: null, detail: s.reason ?? null })),
      ...restarts.map((r) => ({ at: r.at, host: names.get(r.hostId) ?? `#${r.hostId}`, kind: 'RESTART' as const, change: r.outcome, process: r.process, detail: r.signal ? r.signal : r.exitCode !== null && r.exitCode !== undefined ? `exit ${r.exitCode}` : null })),
    ];
    return events
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, limit)
      .map((e) => Object.assign(new FleetEvent(), e));
  }

  @Query(() => [FleetMetricsPoint], { description: 'Fleet CPU and memory per 5-minute bucket, oldest first: from the rollups, and from raw samples for the minutes not rolled up yet' })
  @Allow('VIEWER')
  async fleetMetrics(@Ctx() ctx: GraphQLContext, @Arg('hours', () => Int, { nullable: true, description: 'Default 24, at most 168' }) hours?: number): Promise<FleetMetricsPoint[]> {
    const h = Math.max(1, Math.min(hours ?? 24, MAX_FLEET_METRICS_HOURS));
    const fromMs = ctx.services.now().getTime() - h * 3600_000;
    const r = knexColumns(ctx.em, MetricRollupRecord);
    const rows = (await r
      .knex(r.table)
      .select(`${r.col('bucketStartMs')} as bucket`)
      .avg({ cpu: r.col('cpuAvg') })
      .max({ cpuMax: r.col('cpuAvg') })
      .sum({ mem: r.col('memUsedAvg'), memTotal: r.col('memTotalBytes') })
      .count({ hosts: '*' })
      .where(r.col('stepSeconds'), FLEET_METRICS_STEP_SECONDS)
      .andWhere(r.col('bucketStartMs'), '>=', fromMs)
      .groupBy(r.col('bucketStartMs'))
      .orderBy(r.col('bucketStartMs'), 'asc')) as { bucket: number | string; cpu: number | string; cpuMax: number | string; mem: number | string; memTotal: number | string; hosts: number | string }[];
    const points = rows.map((row) =>
      Object.assign(new FleetMetricsPoint(), { at: new Date(Number(row.bucket)), cpuPercent: Number(row.cpu), cpuMax: Number(row.cpuMax), memUsedBytes: Number(row.mem), memTotalBytes: Number(row.memTotal), hosts: Number(row.hosts) }),
    );
    // Buckets not rolled up yet (the newest few minutes) come from the raw samples.
    const rolledUntil = points.length ? points[points.length - 1]!.at.getTime() + FLEET_METRICS_STEP_SECONDS * 1000 : fromMs;
    return [...points, ...(await rawFleetBuckets(ctx.em, Math.max(fromMs, rolledUntil)))];
  }
}

/**
 * Fleet buckets from raw samples since `sinceMs`: per host and 5-minute bucket first (so a host
 * sending more often does not weigh more), then summed over hosts. Only the minutes since the
 * last rollup are read this way.
 */
async function rawFleetBuckets(em: EntityManager, sinceMs: number): Promise<FleetMetricsPoint[]> {
  const s = knexColumns(em, MetricSampleRecord);
  const stepMs = FLEET_METRICS_STEP_SECONDS * 1000;
  const knex = s.knex;
  const bucketExpr = knex.raw(`(?? - (?? % ${stepMs}))`, [s.col('atMs'), s.col('atMs')]);
  const rows = (await knex(s.table)
    .select({ bucket: bucketExpr })
    .avg({ cpu: s.col('cpuPercent'), mem: s.col('memUsedBytes') })
    .max({ memTotal: s.col('memTotalBytes') })
    .where(s.col('atMs'), '>=', sinceMs)
    .groupBy(bucketExpr, s.col('hostId'))) as { bucket: number | string; cpu: number | string; mem: number | string; memTotal: number | string }[];
  const byBucket = new Map<number, { cpu: number; cpuMax: number; mem: number; memTotal: number; hosts: number }>();
  for (const row of rows) {
    const b = Number(row.bucket);
    const acc = byBucket.get(b) ?? { cpu: 0, cpuMax: 0, mem: 0, memTotal: 0, hosts: 0 };
    const cpu = Number(row.cpu);
    byBucket.set(b, { cpu: acc.cpu + cpu, cpuMax: Math.max(acc.cpuMax, cpu), mem: acc.mem + Number(row.mem), memTotal: acc.memTotal + Number(row.memTotal), hosts: acc.hosts + 1 });
  }
  return [...byBucket.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([b, v]) => Object.assign(new FleetMetricsPoint(), { at: new Date(b), cpuPercent: v.cpu / v.hosts, cpuMax: v.cpuMax, memUsedBytes: v.mem, memTotalBytes: v.memTotal, hosts: v.hosts }));
}
