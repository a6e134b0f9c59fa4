import { attemptSchema, jobCommandIdSchema, commandResultReportSchema, MAX_COMMAND_REPORT_BYTES, parseAgentReport, type AgentReportKind, type CommandResultReport } from '../../protocol/index.js';
import { badInput, type AppError } from '../errors.js';
import { agentOf, type GraphQLContext } from '../graphql/context.js';
import { parseJsonReport, refuseAgentReport } from './agent-reports.js';
import type { Services } from '../services.js';
import { agentInstructionsTopic } from './topics.js';

/**
 * What each agent report mutation does, by field name, for its one string argument. The
 * resolvers call these, and so does the socket's fast path (api/server/agent-fast-path.ts),
 * which answers the same operations without a GraphQL execute: one definition of the work, two
 * ways in. The host a report concerns is the connection's, never a field of the report.
 */
export const AGENT_REPORTS = {
  async reportHeartbeat(ctx: GraphQLContext, report: string): Promise<boolean> {
    await parse(ctx, 'heartbeat', report);
    ctx.services.hosts.heartbeat(agentOf(ctx).hostId);
    return true;
  },

  async reportInventory(ctx: GraphQLContext, report: string): Promise<boolean> {
    const inventory = await parse(ctx, 'inventory', report);
    return ctx.services.hosts.reportInventory(ctx.em, agentOf(ctx).hostId, inventory);
  },

  async reportMetrics(ctx: GraphQLContext, report: string): Promise<boolean> {
    const sample = await parse(ctx, 'metrics', report);
    const hostId = agentOf(ctx).hostId;
    ctx.services.metrics.enqueue(hostId, sample);
    ctx.services.hosts.heartbeat(hostId);
    return true;
  },

  async reportCommandStarted(ctx: GraphQLContext, id: string, attempt?: number | null): Promise<boolean> {
    if (!jobCommandIdSchema.safeParse(id).success) throw badInput('id must be t<number>');
    if (attempt !== null && attempt !== undefined && !attemptSchema.safeParse(attempt).success) throw badInput('attempt must be a positive integer');
    await ctx.services.jobs.started(ctx.em, agentOf(ctx).hostId, id, ctx.services.now(), attempt ?? undefined);
    return true;
  },

  async reportCommandResult(ctx: GraphQLContext, report: string): Promise<boolean> {
    const result = await parseCommandResult(ctx, report);
    try {
      await ctx.services.jobs.result(ctx.em, agentOf(ctx).hostId, result);
    } catch (err) {
      // Not this host's, or never sent to it: a forged or confused result, refused like a bad report.
      const code = (err as { extensions?: { code?: unknown } }).extensions?.code;
      if ((code === 'FORBIDDEN' || code === 'NOT_FOUND') && err instanceof Error) return refuseAgentReport(ctx, 'commandResult', err.message, err as AppError);
      throw err;
    }
    return true;
  },
} satisfies Record<string, (ctx: GraphQLContext, arg: string, attempt?: number | null) => Promise<boolean>>;

/**
 * The agent's one long instruction stream: what is published for its host. Once the listener is
 * attached, what was sent while the agent was away is offered again and its desired state re-checked.
 */
export function agentInstructionStream(ctx: GraphQLContext): AsyncIterable<unknown> {
  const hostId = agentOf(ctx).hostId;
  const stream = ctx.services.pubsub.subscribe(agentInstructionsTopic(hostId));
  offerAfterAttach(ctx.services, hostId);
  return stream;
}

/**
 * The same stream as a push (api/server/agent-lane.ts): `listener` gets each instruction
 * for the host until `pubsub.unlisten(agentInstructionsTopic(hostId), listener)`.
 */
export function listenForInstructions(services: Services, hostId: number, listener: (instruction: unknown) => void): void {
  services.pubsub.listen(agentInstructionsTopic(hostId), listener);
  offerAfterAttach(services, hostId);
}

/** What a newly attached instruction listener is owed: the pending commands, and a look at its desired state. */
function offerAfterAttach(services: Services, hostId: number): void {
  setTimeout(() => {
    services.dispatcher.hostReady(hostId).catch((err: unknown) => services.logger.warn({ err, hostId }, 'could not offer a reconnected agent its pending commands; the dispatcher tick will'));
    services.reconciler.mark(hostId);
  }, 100);
}

async function parseCommandResult(ctx: GraphQLContext, text: string): Promise<CommandResultReport> {
  const r = parseJsonReport(commandResultReportSchema, text, MAX_COMMAND_REPORT_BYTES);
  return r.ok ? r.value : refuseAgentReport(ctx, 'commandResult', r.problem, badInput(`invalid command result: ${r.problem}`));
}

/** Validates a report; a bad one is refused with an audit row and harms nothing else. */
async function parse<K extends AgentReportKind>(ctx: GraphQLContext, kind: K, text: string) {
  const result = parseAgentReport(kind, text);
  if (result.ok) return result.value;
  return refuseAgentReport(ctx, kind, `${result.error.code}: ${result.error.message}`, badInput(`invalid ${kind} report: ${result.error.message}`, { reportError: result.error.code }));
}
