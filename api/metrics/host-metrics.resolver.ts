import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { HostRecord } from '../../db/entities/index.js';
import { Allow } from '../auth/access.js';
import { badInput, notFound } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { HostMetricsType } from './host-metrics.type.js';
import { readHostMetrics } from './metrics-query.js';
import { resolveMetricsRange } from './metrics-range.js';

/** The context this resolver needs: a per-request fork and the server clock. */
export type HostMetricsContext = Pick<GraphQLContext, 'em'> & { readonly services: Pick<GraphQLContext['services'], 'now'> };

@Resolver()
export class HostMetricsResolver {
  @Query(() => HostMetricsType, { description: 'A host\'s metrics over a range: raw samples up to 6 h, 5-minute rollups up to 14 days, 1-hour rollups beyond, or the step asked for' })
  @Allow('VIEWER')
  async hostMetrics(
    @Ctx() ctx: HostMetricsContext,
    @Arg('name', () => String) name: string,
    @Arg('from', () => DateTimeScalar, { nullable: true, description: 'Default: one hour before `to`' }) from?: Date | null,
    @Arg('to', () => DateTimeScalar, { nullable: true, description: 'Default: now' }) to?: Date | null,
    @Arg('step', () => Int, { nullable: true, description: 'Seconds: 0 or 60 (raw samples), 300 or 3600; default picked from the range' }) step?: number | null,
  ): Promise<HostMetricsType> {
    const resolved = resolveMetricsRange({ from, to, step }, ctx.services.now().getTime());
    if (!resolved.ok) throw badInput(resolved.message);
    const host = await ctx.em.findOne(HostRecord, { name });
    if (!host) throw notFound(`no host named "${name}"`);
    const { range } = resolved;
    const { points, truncated } = await readHostMetrics(ctx.em, host.id, range);
    return Object.assign(new HostMetricsType(), { host: host.name, step: range.step, from: new Date(range.fromMs), to: new Date(range.toMs), truncated, points });
  }
}
