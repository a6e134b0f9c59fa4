import type { EntityManager } from '@mikro-orm/core';
import type { AuthResult, Principal } from '../auth/principal.js';
import type { Services } from '../services.js';

/** Per operation: its own entity-manager fork, the caller, where the call came from. */
export interface GraphQLContext {
  readonly em: EntityManager;
  readonly auth: AuthResult;
  readonly ip: string;
  readonly userAgent?: string;
  readonly transport: 'http' | 'ws';
  readonly services: Services;
}

export function principalOf(ctx: GraphQLContext): Principal | undefined {
  return ctx.auth.ok ? ctx.auth.principal : undefined;
}

/** The actor columns of an audit row for this caller. */
export function actorOf(ctx: GraphQLContext): { actorType: 'USER' | 'ANONYMOUS'; actor: string; ip: string } {
  const p = principalOf(ctx);
  return p ? { actorType: 'USER', actor: p.username, ip: ctx.ip } : { actorType: 'ANONYMOUS', actor: '-', ip: ctx.ip };
}
