import { Arg, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { HostRecord } from '../../db/entities/index.js';
import { compileTarget, type HostMatcher } from '../../manifests/index.js';
import { Allow } from '../auth/access.js';
import { badInput } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { clampFirst } from '../graphql/page.js';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars.js';
import { FleetSummary, HostConnection, HostStatusEnum, HostStatusEventType, HostType } from './host.type.js';
import { hostView, type HostView } from './host-view.js';
import { hostViewsById, scanHosts } from './host-scan.js';
import { HostSortEnum, pageAfter, sortHosts, SortDirectionEnum, type HostSort, type SortDirection } from './host-order.js';
import { searchText, statusMatches } from './host.service.js';
import { HOST_CHANGED_TOPIC, HOST_UPDATED_TOPIC } from './topics.js';
import { HostChangeType, type HostChangedEvent } from './host-changed.js';
import { latestMetrics } from '../metrics/metrics-query.js';
import { MetricsPointType } from '../metrics/host-metrics.type.js';
import { RECENT_USAGE_WINDOW_MS, recentUsageByHost, type RecentUsage } from '../metrics/recent-usage.js';

@Resolver(() => HostType)
export class HostResolver {
  @Query(() => HostConnection, { description: 'Hosts by selector (`role=web,env!=prod`), names or globs, status and search; ordered by `sort` (default NAME) then name, a page at a time' })
  @Allow('VIEWER')
  async hosts(
    @Ctx() ctx: GraphQLContext,
    @Arg('selector', () => String, { nullable: true }) selector?: string,
    @Arg('names', () => [String], { nullable: true, description: 'Host names or globs (web-*); any may match' }) names?: string[],
    @Arg('status', () => HostStatusEnum, { nullable: true }) status?: HostStatusEnum,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('sort', () => HostSortEnum, { nullable: true, description: 'Default NAME; CPU and MEMORY are the means of the last 5 minutes, hosts without samples last' }) sort?: HostSort,
    @Arg('direction', () => SortDirectionEnum, { nullable: true, description: 'Default ASC' }) direction?: SortDirection,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page, in the same order' }) after?: string,
  ): Promise<HostConnection> {
    const matcher = hostMatcher(selector, names);
    const needle = search?.trim().toLowerCase() || undefined;
    const by = sort ?? 'NAME';
    const dir = direction ?? 'ASC';
    const now = ctx.services.now();
    const window = ctx.services.hosts.aliveWindowMs;
    const usageSince = now.getTime() - RECENT_USAGE_WINDOW_MS;
    // Light columns of every host for the filter and the order; whole rows only for the page.
    const light = await scanHosts(ctx.em, { labels: Boolean(matcher), inventory: Boolean(needle) }, now, window);
    const matching = light.filter((h) => (!matcher || matcher({ name: h.name, labels: h.labels })) && (!status || statusMatches(h, status)) && (!needle || searchText(h).includes(needle)));
    const fleetUsage = by === 'CPU' || by === 'MEMORY' ? await recentUsageByHost(ctx.em, usageSince) : undefined;
    const sortable = fleetUsage ? matching.map((h) => ({ ...h, cpuPercent: fleetUsage.get(h.id)?.cpuPercent ?? null, memoryPercent: fleetUsage.get(h.id)?.memoryPercent ?? null })) : matching;
    const page = pageAfter(sortHosts(sortable, by, dir), by, dir, after ?? undefined, clampFirst(first, 100));
    const ids = page.nodes.map((h) => h.id);
    const [full, usage] = await Promise.all([hostViewsById(ctx.em, ids, now, window), fleetUsage ?? recentUsageByHost(ctx.em, usageSince, ids)]);
    return { nodes: full.map((h) => HostType.from(h, usage.get(h.id) ?? null)), totalCount: matching.length, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }

  @Query(() => HostType, { nullable: true, description: 'A host by name (any case)' })
  @Allow('VIEWER')
  async host(@Arg('name', () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<HostType | null> {
    const now = ctx.services.now();
    const window = ctx.services.hosts.aliveWindowMs;
    const exact = await ctx.em.findOne(HostRecord, { name }, { disableIdentityMap: true });
    if (exact) return HostType.from(hostView(exact, now, window));
    const lower = name.toLowerCase();
    const found = (await scanHosts(ctx.em, {}, now, window)).find((h) => h.name.toLowerCase() === lower);
    const [view] = found ? await hostViewsById(ctx.em, [found.id], now, window) : [];
    return view ? HostType.from(view) : null;
  }

  @Query(() => FleetSummary)
  @Allow('VIEWER')
  async fleetSummary(@Ctx() ctx: GraphQLContext): Promise<FleetSummary> {
    return ctx.services.hosts.summary(ctx.em);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Operating system in a few words from the inventory (“Debian GNU/Linux 12”), for lists that do not want the whole inventory' })
  os(@Root() host: HostType): string | null {
    return osText(host.inventory);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Mean CPU % of the last 5 minutes (null: no samples)' })
  async cpuPercent(@Root() host: HostType, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    return (await usageOf(host, ctx))?.cpuPercent ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Mean memory used of the last 5 minutes, in % of the total (null: no samples)' })
  async memoryPercent(@Root() host: HostType, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    return (await usageOf(host, ctx))?.memoryPercent ?? null;
  }

  @FieldResolver(() => MetricsPointType, { nullable: true, description: 'The newest metrics sample' })
  async latestMetrics(@Root() host: HostType, @Ctx() ctx: GraphQLContext): Promise<MetricsPointType | null> {
    return latestMetrics(ctx.em, host.hostId);
  }

  @FieldResolver(() => [HostStatusEventType], { description: 'Availability history: connects, disconnects, alive/dead changes' })
  async statusHistory(
    @Root() host: HostType,
    @Ctx() ctx: GraphQLContext,
    @Arg('since', () => DateTimeScalar, { nullable: true }) since?: Date,
    @Arg('until', () => DateTimeScalar, { nullable: true }) until?: Date,
  ): Promise<HostStatusEventType[]> {
    const now = ctx.services.now();
    const rows = await ctx.services.hosts.history(ctx.em, host.hostId, since ?? new Date(now.getTime() - 7 * 86400_000), until ?? now);
    return rows.map((r) => HostStatusEventType.from(r));
  }

  @Mutation(() => HostType, { description: 'Sets and removes server-side labels (they win over the agent’s)' })
  @Allow('OPERATOR')
  async setHostLabels(
    @Arg('name', () => String) name: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('set', () => JSONScalar, { nullable: true }) set?: Record<string, unknown>,
    @Arg('remove', () => [String], { nullable: true }) remove?: string[],
  ): Promise<HostType> {
    if (set !== undefined && set !== null && (typeof set !== 'object' || Array.isArray(set))) throw badInput('set must be an object of label values');
    const host = await ctx.services.hosts.setLabels(ctx.em, name, set ?? {}, remove ?? []);
    return HostType.from(ctx.services.hosts.view(host));
  }

  @Mutation(() => HostType, { description: 'Revokes the host’s credential: its agent is disconnected within seconds and refused from then on' })
  @Allow('ADMIN')
  async revokeHost(@Arg('name', () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<HostType> {
    return HostType.from(ctx.services.hosts.view(await ctx.services.hosts.revoke(ctx.em, name)));
  }

  @Mutation(() => Boolean, { description: 'Revokes and forgets a host (its history and metrics go too)' })
  @Allow('ADMIN')
  async deleteHost(@Arg('name', () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.hosts.remove(ctx.em, name);
    return true;
  }

  @Subscription(() => HostChangeType, {
    topics: HOST_CHANGED_TOPIC,
    filter: ({ payload, args }: { payload: HostChangedEvent; args: { name: string } }) => payload.host.toLowerCase() === args.name.toLowerCase(),
    description: 'A restart or cron run was recorded for the host, or its observed state, desired state or drift changed: refetch that part',
  })
  @Allow('VIEWER')
  hostChanged(@Root() event: HostChangedEvent, @Arg('name', () => String) _name: string): HostChangeType {
    return Object.assign(new HostChangeType(), { host: event.host, part: event.part });
  }

  @Subscription(() => HostType, { topics: HOST_UPDATED_TOPIC, description: 'A host connected, disconnected, became alive or dead, or changed inventory or labels' })
  @Allow('VIEWER')
  hostUpdated(@Root() view: HostView): HostType {
    return HostType.from(view);
  }
}

function hostMatcher(selector: string | undefined, names: readonly string[] | undefined): HostMatcher | undefined {
  if ((selector === undefined || selector === null) && (names?.length ?? 0) === 0) return undefined;
  try {
    return compileTarget({ selector: selector ?? undefined, hosts: names ?? undefined });
  } catch (err) {
    throw badInput(err instanceof Error ? err.message : String(err));
  }
}

const usageLoads = new WeakMap<HostType, Promise<RecentUsage | null>>();

/** The page's usage when the list read it; else one read for this host, shared by both fields. */
function usageOf(host: HostType, ctx: GraphQLContext): Promise<RecentUsage | null> {
  if (host.recentUsage !== undefined) return Promise.resolve(host.recentUsage);
  let load = usageLoads.get(host);
  if (!load) {
    load = recentUsageByHost(ctx.em, ctx.services.now().getTime() - RECENT_USAGE_WINDOW_MS, [host.hostId]).then((m) => m.get(host.hostId) ?? null);
    usageLoads.set(host, load);
  }
  return load;
}

function osText(inventory: Record<string, unknown> | null): string | null {
  const os = inventory?.os;
  if (!os || typeof os !== 'object') return null;
  const o = os as Record<string, unknown>;
  const words = [o.distro ?? o.platform, o.release].filter((w): w is string => typeof w === 'string' && w !== '');
  return words.length ? words.join(' ').slice(0, 200) : null;
}
