/**
 * Crontab entries and their runs across the fleet, and run times from the shared schedule
 * engine: what `ioms get cron`, `ioms get cron-runs` and `ioms cron next` read.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { CronRunRecord, HostRecord, HostStateRecord } from '../../db/entities/index.js';
import { type CronSpec, compileTarget, hostTimeZone, isValidTimeZone, nextRuns, parseSchedule } from '../../manifests/index.js';
import { Allow } from '../auth/access.js';
import { badInput } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { clampFirst } from '../graphql/page.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { effectiveLabels } from '../hosts/host-view.js';
import { type CronRunView, cronRunView, hostCronEntries } from './cron-view.js';
import { CronEntryStatusType, CronNextRunsType, HostCronRunType } from './cron.type.js';

/** Most run times one `cronNextRuns` returns. */
export const MAX_NEXT_RUNS = 1000;

async function selectHosts(em: EntityManager, selector: string | undefined, names: readonly string[] | undefined): Promise<HostRecord[]> {
  let match: ((h: { name: string; labels: Record<string, string> }) => boolean) | undefined;
  if (selector !== undefined || (names?.length ?? 0) > 0) {
    try {
      match = compileTarget({ ...(selector !== undefined ? { selector } : {}), ...(names?.length ? { hosts: [...names] } : {}) });
    } catch (err) {
      throw badInput(err instanceof Error ? err.message : String(err));
    }
  }
  const hosts = await em.find(HostRecord, { revokedAt: null }, { orderBy: { name: 'asc' } });
  return match ? hosts.filter((h) => match({ name: h.name, labels: effectiveLabels(h) })) : hosts;
}

/** Newest run record per (host, entry): one grouped query, then the rows by id. */
async function latestRuns(em: EntityManager, hostIds: readonly number[]): Promise<CronRunRecord[]> {
  if (hostIds.length === 0) return [];
  const placeholders = hostIds.map(() => '?').join(',');
  const ids = (await em.getConnection().execute(`select max(id) as id from cron_runs where host_id in (${placeholders}) group by host_id, name`, [...hostIds])) as { id: number | string }[];
  if (ids.length === 0) return [];
  return em.find(CronRunRecord, { id: { $in: ids.map((r) => Number(r.id)) } });
}

@Resolver()
export class CronResolver {
  @Query(() => [CronEntryStatusType], { description: 'Every crontab entry of the selected hosts (all when neither is given): schedule, zone, state, last and next run' })
  @Allow('VIEWER')
  async cronEntries(
    @Ctx() ctx: GraphQLContext,
    @Arg('selector', () => String, { nullable: true }) selector?: string,
    @Arg('hosts', () => [String], { nullable: true, description: 'Host names or globs' }) hosts?: string[],
  ): Promise<CronEntryStatusType[]> {
    const records = await selectHosts(ctx.em, selector, hosts);
    const ids = records.map((h) => h.id);
    const hostNames = new Map(records.map((h) => [h.id, h.name]));
    const states = new Map((await ctx.em.find(HostStateRecord, { hostId: { $in: ids } })).map((s) => [s.hostId, s]));
    const runs = new Map<number, Map<string, CronRunView>>();
    for (const r of await latestRuns(ctx.em, ids)) {
      const byName = runs.get(r.hostId) ?? new Map<string, CronRunView>();
      byName.set(r.name, cronRunView(hostNames.get(r.hostId) ?? String(r.hostId), r));
      runs.set(r.hostId, byName);
    }
    const now = ctx.services.now();
    return records.flatMap((h) => {
      const s = states.get(h.id);
      const inventoryZone = (h.inventory as { timezone?: unknown } | null | undefined)?.timezone;
      const desired = (s?.desired as { crontab?: CronSpec[] } | null | undefined)?.crontab ?? [];
      const observed = (s?.observed as { cron?: unknown[] } | null | undefined)?.cron ?? [];
      return hostCronEntries(
        {
          host: h.name,
          hostTimeZone: typeof inventoryZone === 'string' && isValidTimeZone(inventoryZone) ? inventoryZone : null,
          desired,
          observed: observed.filter((o): o is Record<string, unknown> => typeof o === 'object' && o !== null),
          drift: s?.drift ?? [],
          lastRuns: runs.get(h.id) ?? new Map(),
        },
        now,
      );
    });
  }

  @Query(() => [HostCronRunType], { description: 'Cron run records, newest first' })
  @Allow('VIEWER')
  async cronRuns(
    @Ctx() ctx: GraphQLContext,
    @Arg('selector', () => String, { nullable: true }) selector?: string,
    @Arg('hosts', () => [String], { nullable: true, description: 'Host names or globs' }) hosts?: string[],
    @Arg('name', () => String, { nullable: true, description: 'Only this entry' }) name?: string,
    @Arg('since', () => DateTimeScalar, { nullable: true, description: 'Only runs started at or after this' }) since?: Date,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<HostCronRunType[]> {
    const records = await selectHosts(ctx.em, selector, hosts);
    if (records.length === 0) return [];
    const names = new Map(records.map((h) => [h.id, h.name]));
    const rows = await ctx.em.find(
      CronRunRecord,
      { hostId: { $in: [...names.keys()] }, ...(name ? { name } : {}), ...(since ? { startedAt: { $gte: since } } : {}) },
      { orderBy: { startedAt: 'desc', id: 'desc' }, limit: clampFirst(first) },
    );
    return rows.map((r) => cronRunView(names.get(r.hostId) ?? String(r.hostId), r));
  }

  @Query(() => CronNextRunsType, { description: 'The next run times of a schedule, from the engine the agents run entries by' })
  @Allow('VIEWER')
  cronNextRuns(
    @Arg('schedule', () => String) schedule: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('timezone', () => String, { nullable: true, description: 'IANA zone; default: the server’s' }) timezone?: string,
    @Arg('from', () => DateTimeScalar, { nullable: true, description: 'Default: now' }) from?: Date,
    @Arg('count', () => Int, { nullable: true, description: 'Default 5, at most 1000' }) count?: number,
  ): CronNextRunsType {
    const parsed = parseSchedule(schedule);
    if (!parsed.ok) throw badInput(`invalid schedule "${schedule}": ${parsed.problems.map((p) => `${p.message} (column ${p.column})`).join('; ')}`);
    const zone = timezone ?? hostTimeZone();
    if (!isValidTimeZone(zone)) throw badInput(`unknown time zone "${zone}" (use an IANA name such as Europe/Berlin or UTC)`);
    const n = count ?? 5;
    if (!Number.isInteger(n) || n < 1 || n > MAX_NEXT_RUNS) throw badInput(`count must be 1-${MAX_NEXT_RUNS}`);
    return { schedule: parsed.schedule.source, timezone: zone, next: nextRuns(parsed.schedule, from ?? ctx.services.now(), n, zone) };
  }
}
