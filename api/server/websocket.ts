import { getOperationAST, GraphQLError, type GraphQLSchema } from 'graphql';
import { DocumentCache } from '../graphql/document-cache.js';
import type { WebSocketServer } from 'ws';
import { accessOf, refusal } from '../auth/access.js';
import { describeAuthFailure } from '../auth/principal.js';
import type { GraphQLContext } from '../graphql/context.js';
import { wsValidate } from '../graphql/limits.js';
import type { Services } from '../services.js';
import { lazyEmContext } from '../graphql/context.js';
import { LeafSubscriptions } from './leaf-subscriptions.js';
import { AgentFastPath } from './agent-fast-path.js';
import { clientIp } from './client-ip.js';
import { cookieToken } from '../auth/browser-session.js';
import { attachAgentSocket, authenticateAgentSocket, isAgentParams } from './agent-link.js';
import { CLOSE_FORBIDDEN, CLOSE_UNAUTHORIZED } from './connections.js';
import type { ServerMetrics } from './metrics.js';
import { serveGraphqlWs } from './graphql-ws-server.js';
import { AgentLane, type PushExtra } from './agent-lane.js';
import { KeepaliveWheel } from './keepalive.js';
import { CLOSE_OVER_BUDGET, SocketBudget } from './socket-budget.js';

/** What the server keeps on each socket after `onConnect` (the upgrade request is dropped there). */
type SocketExtra = PushExtra & {
  ip?: string;
  userAgent?: string;
  budget?: SocketBudget;
};

/** The token a client puts in connectionParams: `{ authorization: 'Bearer …' }` or `{ token: '…' }`. */
function tokenFromParams(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params) return undefined;
  if (typeof params.token === 'string') return params.token;
  if (typeof params.authorization === 'string') return /^Bearer\s+(\S+)$/i.exec(params.authorization)?.[1];
  return undefined;
}

/**
 * graphql-ws on the HTTP server's `/graphql` path. `onConnect` authenticates: no or bad token
 * closes with 4401, a disabled user or a refused address with 4403. Every operation gets the same
 * validation rules as HTTP, and subscriptions the same access rules before they start.
 */
export function attachGraphqlWs(args: {
  wsServer: WebSocketServer;
  schema: GraphQLSchema;
  services: Services;
  metrics: ServerMetrics;
  /** @default a wheel visiting each socket every 10 s, pinging it when it was quiet since the last visit */
  keepalive?: KeepaliveWheel<SocketExtra['socket']>;
}): { dispose(): Promise<void> } {
  const { wsServer, schema, services, metrics } = args;
  const production = services.config.production;
  const budgets = services.config.socketBudgets;
  // Parsed and validated once per distinct operation text, with the same rules as HTTP.
  const documents = new DocumentCache(schema, wsValidate(production));
  // The agent's report mutations and instruction stream, without a full GraphQL execute each.
  // …and `jobProgressed` events serialized without an execute each (leaf-subscriptions.ts).
  const fast = new AgentFastPath(schema, new LeafSubscriptions(schema).subscribe);
  // Who was closed for exceeding its budget, until when: refused at once on reconnect, before
  // any authentication work (a cooldown, so a flooder's reconnect loop costs next to nothing).
  const cooldowns = new Map<string, number>();
  const cooling = (key: string) => {
    const until = cooldowns.get(key);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    cooldowns.delete(key);
    return false;
  };
  wsServer.on('connection', () => metrics.openSockets.inc());
  // The agent's reports answered and its instruction stream pushed on its socket, before graphql-ws.
  const lane = new AgentLane(
    services,
    fast,
    (query) => documents.check(query),
    (extra) => spend(extra),
    (extra) => operationContext(extra),
    (err, what) => services.logger.error({ err }, what),
  );
  const operationContext = (extra: SocketExtra): GraphQLContext =>
    lazyEmContext(services, { auth: extra.auth!, ip: extra.ip ?? 'unknown', userAgent: extra.userAgent, transport: 'ws', services, budget: extra.budget });
  const keepalive = (args.keepalive ?? new KeepaliveWheel()).start();
  const handle = serveGraphqlWs<Record<string, unknown>, SocketExtra>(
    {
      schema,
      execute: fast.execute,
      subscribe: fast.subscribe,
      onConnect: async (ctx) => {
        const extra = ctx.extra;
        const request = extra.request!;
        // Read once, then let go: a socket may live for days.
        extra.request = undefined;
        const ip = clientIp(request, services.config.trustProxyHops);
        extra.ip = ip;
        extra.userAgent = request.headers['user-agent'];
        const params = ctx.connectionParams;
        const agent = isAgentParams(params);
        if (agent && cooling(`host:${String(params!.hostId)}`)) {
          extra.socket.close(CLOSE_OVER_BUDGET, 'over its message budget: wait before reconnecting');
          return false;
        }
        const auth = agent ? await authenticateAgentSocket(services, params!, ip) : await services.sessions.authenticate(services.orm.em.fork(), tokenFromParams(params) ?? cookieToken(request), ip);
        if (!auth.ok) {
          const f = auth.failure;
          const code = f.code === 'DISABLED' || f.code === 'IP_NOT_ALLOWED' || f.code === 'HOST_REVOKED' ? CLOSE_FORBIDDEN : CLOSE_UNAUTHORIZED;
          extra.socket.close(code, describeAuthFailure(f).slice(0, 120));
          return false;
        }
        extra.auth = auth;
        const p = auth.principal;
        extra.budget = new SocketBudget(p.kind === 'agent' ? budgets.agent : budgets.user, Date.now());
        if (p.kind === 'user') services.connections.add(extra.socket, p.userId, p.sessionHash);
        // A self-upgrade trial proves a new bundle can connect; it must not displace the running agent.
        else if (params?.trial === true) setTimeout(() => extra.socket.close(1000, 'trial connection done'), 5000).unref();
        else await attachAgentSocket(services, extra.socket, p.hostId, ip, params?.agentVersion);
        // graphql-ws acknowledges as this returns; the push takes the socket's messages from now.
        extra.acknowledged = true;
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const auth = ctx.extra.auth;
        if (!auth) return [new GraphQLError('sign in first', { extensions: { code: 'UNAUTHENTICATED' } })];
        const overBudget = spend(ctx.extra);
        if (overBudget) return [overBudget];
        let checked;
        try {
          checked = documents.check(payload.query);
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('the operation could not be parsed')];
        }
        if (checked.errors.length > 0) return [...checked.errors];
        // Subscriptions meet their access rule here, before any event flows; queries and
        // mutations sent over the socket meet the same rules in the resolver middleware.
        const op = getOperationAST(checked.document, payload.operationName);
        const subType = schema.getSubscriptionType();
        if (op?.operation === 'subscription' && subType) {
          for (const sel of op.selectionSet.selections) {
            if (sel.kind !== 'Field') continue;
            const field = subType.getFields()[sel.name.value];
            const denied = field ? refusal(accessOf(field), auth) : undefined;
            if (denied) return [denied];
          }
        }
        return { schema, document: checked.document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx): GraphQLContext => operationContext(ctx.extra),
    },
    {
      wsServer,
      keepalive,
      production,
      logError: (err, what) => services.logger.error({ err }, what),
      take: (extra, text) => lane.take(extra, text),
      closed: (extra) => {
        metrics.openSockets.dec();
        lane.closed(extra);
      },
    },
  );
  /** Charges one operation to the socket; the refusal when it is over budget (closing it when it keeps being). */
  function spend(extra: SocketExtra & { socket: { close(code: number, reason: string): void } }): GraphQLError | undefined {
    const verdict = extra.budget?.take(Date.now()) ?? 'OK';
    if (verdict === 'OK') return undefined;
    const p = extra.auth?.ok ? extra.auth.principal : undefined;
    const who = p?.kind === 'agent' ? { actorType: 'AGENT' as const, actor: p.hostName } : p?.kind === 'user' ? { actorType: 'USER' as const, actor: p.username } : { actorType: 'ANONYMOUS' as const, actor: '-' };
    const policy = extra.budget!.policy;
    const reason = verdict === 'CLOSE' ? `socket closed: over its budget of ${policy.ratePerSecond} messages/s ${policy.closeAfterRefusals} times within ${policy.refusalWindowMs / 1000} s` : `over the socket's budget of ${policy.ratePerSecond} messages/s (burst ${policy.burst})`;
    const entry = { ...who, ip: extra.ip ?? 'unknown', action: 'socket:budget', target: who.actor, outcome: 'DENIED' as const, reason };
    if (services.refusals.note(`${who.actorType}:${who.actor}:budget`, 'socket:budget', entry) || verdict === 'CLOSE') {
      services.logger.warn({ actor: who.actor, verdict }, 'a socket is over its message budget');
      services.audit.record(services.orm.em.fork(), entry).catch((err: unknown) => services.logger.error({ err }, 'could not audit an over-budget socket'));
    }
    if (verdict === 'CLOSE') {
      if (p?.kind === 'agent') cooldowns.set(`host:${p.hostId}`, Date.now() + budgets.cooldownMs);
      if (cooldowns.size > 10_000) cooldowns.clear();
      extra.socket.close(CLOSE_OVER_BUDGET, 'over its message budget: slow down');
    }
    return new GraphQLError(reason, { extensions: { code: 'TOO_MANY_REQUESTS' } });
  }

  return {
    dispose: async () => {
      keepalive.stop();
      for (const client of wsServer.clients) client.close(1001, 'server shutting down');
      await handle.dispose();
    },
  };
}
