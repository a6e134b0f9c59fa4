import type { EntityManager } from '@mikro-orm/core';
import type { AgentPrincipal, AuthResult, Principal, UserPrincipal } from '../auth/principal.js';
import type { Services } from '../services.js';
import type { SocketBudget } from '../server/socket-budget.js';

/** Per operation: its own entity-manager fork, the caller, where the call came from. */
export interface GraphQLContext {
  readonly em: EntityManager;
  readonly auth: AuthResult;
  readonly ip: string;
  readonly userAgent?: string;
  readonly transport: 'http' | 'ws';
  readonly services: Services;
  /** The socket's message budget (WebSocket operations only). */
  readonly budget?: SocketBudget;
}

export function principalOf(ctx: GraphQLContext): Principal | undefined {
  return ctx.auth.ok ? ctx.auth.principal : undefined;
}

/** The signed-in user; only for fields whose access rule admits users alone. */
export function userOf(ctx: GraphQLContext): UserPrincipal {
  const p = principalOf(ctx);
  if (p?.kind !== 'user') throw new Error('userOf: the access rule should have admitted only users');
  return p;
}

/** The calling agent; only for fields whose access rule is AGENT. */
export function agentOf(ctx: GraphQLContext): AgentPrincipal {
  const p = principalOf(ctx);
  if (p?.kind !== 'agent') throw new Error('agentOf: the access rule should have admitted only agents');
  return p;
}

/** The actor columns of an audit row for this caller. */
export function actorOf(ctx: GraphQLContext): { actorType: 'USER' | 'AGENT' | 'ANONYMOUS'; actor: string; ip: string } {
  const p = principalOf(ctx);
  if (!p) return { actorType: 'ANONYMOUS', actor: '-', ip: ctx.ip };
  return p.kind === 'user' ? { actorType: 'USER', actor: p.username, ip: ctx.ip } : { actorType: 'AGENT', actor: p.hostName, ip: ctx.ip };
}

/**
 * A context whose entity-manager fork is made on first use. Most socket operations never touch
 * it (a heartbeat, the agent's one long `agentInstructions` subscription), and a fork per
 * operation held for a subscription's life was a large share of the memory of each agent socket.
 * `em` stays assignable (the access guard swaps in its transaction).
 */
export function lazyEmContext(services: Services, rest: Omit<GraphQLContext, 'em'>): GraphQLContext {
  let em: EntityManager | undefined;
  return Object.defineProperty({ ...rest } as GraphQLContext, 'em', {
    enumerable: true,
    // Method shorthand, not arrows: tsx's keepNames would name each arrow with a defineProperty,
    // which turns the function into a dictionary-mode object (~256 bytes more per context).
    get() {
      return (em ??= services.orm.em.fork());
    },
    set(value: EntityManager) {
      em = value;
    },
  });
}
