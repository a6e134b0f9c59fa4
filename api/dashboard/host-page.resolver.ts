import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { HostRecord } from '../../db/entities/index.js';
import { compileTarget, type HostMatcher } from '../../manifests/index.js';
import { Allow } from '../auth/access.js';
import { badInput } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { clampFirst } from '../graphql/page.js';
import { hostView, type HostView } from '../hosts/host-view.js';
import { searchText, statusMatches } from '../hosts/host.service.js';
import { HostConnection, HostStatusEnum, HostType } from '../hosts/host.type.js';

/** The columns a filter needs; inventory (the heavy one) only when searching. */
const FILTER_FIELDS = ['id', 'name', 'agentLabels', 'serverLabels', 'online', 'lastSeenAt', 'lastConnectedAt', 'enrolledAt', 'revokedAt', 'lastAddress'] as const;

/**
 * Hosts for the dashboard's table, a page at a time, with the same filters as `hosts` and the
 * same answers. It first reads only the columns the filter needs for every host, then the whole
 * rows of the one page: with 10,000 hosts a page costs one light scan and 500 full rows, not
 * 10,000 full rows with their inventories.
 */
@Resolver()
export class HostPageResolver {
  @Query(() => HostConnection, { description: 'Like `hosts` (same filters, ordered by name, cursor = a host name), reading whole rows only for the page: for long tables' })
  @Allow('VIEWER')
  async hostPage(
    @Ctx() ctx: GraphQLContext,
    @Arg('selector', () => String, { nullable: true }) selector?: string,
    @Arg('names', () => [String], { nullable: true, description: 'Host names or globs (web-*); any may match' }) names?: string[],
    @Arg('status', () => HostStatusEnum, { nullable: true }) status?: HostStatusEnum,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page (a host name)' }) after?: string,
  ): Promise<HostConnection> {
    let matcher: HostMatcher | undefined;
    if (selector !== undefined && selector !== null || (names?.length ?? 0) > 0) {
      try {
        matcher = compileTarget({ selector: selector ?? undefined, hosts: names ?? undefined });
      } catch (err) {
        throw badInput(err instanceof Error ? err.message : String(err));
      }
    }
    const needle = search?.trim().toLowerCase() || undefined;
    const light = await lightHosts(ctx.em, Boolean(needle), ctx);
    const matching = light.filter((h) => (!matcher || matcher({ name: h.name, labels: h.labels })) && (!status || statusMatches(h, status)) && (!needle || searchText(h).includes(needle)));
    const start = after ? matching.findIndex((h) => h.name > after) : 0;
    const rest = start < 0 ? [] : matching.slice(start);
    const limit = clampFirst(first, 100);
    const pageIds = rest.slice(0, limit).map((h) => h.id);
    const full = pageIds.length ? await ctx.em.find(HostRecord, { id: { $in: pageIds } }, { disableIdentityMap: true }) : [];
    const byId = new Map(full.map((h) => [h.id, ctx.services.hosts.view(h)]));
    const page = pageIds.map((id) => byId.get(id)).filter((v): v is HostView => v !== undefined);
    return { nodes: page.map((h) => HostType.from(h)), totalCount: matching.length, pageInfo: { endCursor: page.at(-1)?.name ?? null, hasNextPage: rest.length > limit } };
  }
}

/** Every host as a view built from the filter columns only (inventory too when searching). */
async function lightHosts(em: EntityManager, withInventory: boolean, ctx: GraphQLContext): Promise<HostView[]> {
  const fields = withInventory ? [...FILTER_FIELDS, 'inventory' as const] : [...FILTER_FIELDS];
  const rows = await em.find(HostRecord, {}, { fields, orderBy: { name: 'asc' }, disableIdentityMap: true });
  const now = ctx.services.now();
  return rows.map((h) => hostView(h as HostRecord, now, ctx.services.hosts.aliveWindowMs));
}
