import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Allow } from '../auth/access.js';
import { badInput } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { clampFirst } from '../graphql/page.js';
import { AuditEventConnection, AuditEventType, AuditFilterInput } from './audit-event.type.js';

export const AUDIT_TOPIC = 'AUDIT_EVENT_RECORDED';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'Newest first' })
  @Allow('ADMIN')
  async auditEvents(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter?: AuditFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AuditEventConnection> {
    if (after !== undefined && after !== null && !/^\d{1,18}$/.test(after)) throw badInput('after must be a cursor returned as endCursor');
    const limit = clampFirst(first);
    const rows = await ctx.services.audit.list(ctx.em, filter ?? {}, limit + 1, after ? Number(after) : undefined);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return Object.assign(new AuditEventConnection(), { nodes: page.map((r) => AuditEventType.from(r)), pageInfo: { endCursor: last ? String(last.id) : null, hasNextPage: rows.length > limit } });
  }

  @Subscription(() => AuditEventType, { topics: AUDIT_TOPIC, description: 'Every audit row as it is written' })
  @Allow('ADMIN')
  auditEventRecorded(@Root() event: AuditEventType): AuditEventType {
    return event;
  }
}
