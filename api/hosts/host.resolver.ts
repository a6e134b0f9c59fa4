import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Allow } from '../auth/access.js';
import { badInput } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { clampFirst } from '../graphql/page.js';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars.js';
import { FleetSummary, HostConnection, HostStatusEnum, HostStatusEventType, HostType } from './host.type.js';
import type { HostView } from './host-view.js';
import { HOST_UPDATED_TOPIC } from './topics.js';
import { latestMetrics } from '../metrics/metrics-query.js';
import { MetricsPointType } from '../metrics/host-metrics.type.js';

@Resolver(() => HostType)
export class HostResolver {
  @Query(() => HostConnection, { description: 'Hosts by selector (`role=web,env!=prod`), names or globs, status and search; ordered by name' })
  @Allow('VIEWER')
  async hosts(
    @Ctx() ctx: GraphQLContext,
    @Arg('selector', () => String, { nullable: true }) selector?: string,
    @Arg('names', () => [String], { nullable: true, description: 'Host names or globs (web-*); any may match' }) names?: string[],
    @Arg('status', () => HostStatusEnum, { nullable: true }) status?: HostStatusEnum,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page (a host name)' }) after?: string,
  ): Promise<HostConnection> {
    const all = await ctx.services.hosts.list(ctx.em, { selector: selector ?? undefined, hosts: names ?? undefined, status: status ?? undefined, search: search ?? undefined });
    const start = after ? all.findIndex((h) => h.name > after) : 0;
    const rest = start < 0 ? [] : all.slice(start);
    const limit = clampFirst(first, 100);
    const page = rest.slice(0, limit);
    return { nodes: page.map((h) => HostType.from(h)), totalCount: all.length, pageInfo: { endCursor: page.at(-1)?.name ?? null, hasNextPage: rest.length > limit } };
  }

  @Query(() => HostType, { nullable: true })
  @Allow('VIEWER')
  async host(@Arg('name', () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<HostType | null> {
    const [view] = await ctx.services.hosts.list(ctx.em, { hosts: [name] });
    return view && view.name.toLowerCase() === name.toLowerCase() ? HostType.from(view) : null;
  }

  @Query(() => FleetSummary)
  @Allow('VIEWER')
  async fleetSummary(@Ctx() ctx: GraphQLContext): Promise<FleetSummary> {
    return ctx.services.hosts.summary(ctx.em);
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

  @Subscription(() => HostType, { topics: HOST_UPDATED_TOPIC, description: 'A host connected, disconnected, became alive or dead, or changed inventory or labels' })
  @Allow('VIEWER')
  hostUpdated(@Root() view: HostView): HostType {
    return HostType.from(view);
  }
}
