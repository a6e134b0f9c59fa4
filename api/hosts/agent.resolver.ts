import { Arg, Ctx, Int, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { attemptSchema, jobCommandIdSchema, commandResultReportSchema, MAX_COMMAND_REPORT_BYTES, parseAgentReport, type AgentReportKind, type CommandResultReport } from '../../protocol/index.js';
import { Allow, auditDeps } from '../auth/access.js';
import { runAudited } from '../audit/audited-unit.js';
import { badInput, type AppError } from '../errors.js';
import { agentOf, type GraphQLContext } from '../graphql/context.js';
import { JSONScalar } from '../graphql/scalars.js';
import { AgentEnrollment, AgentInstructionType } from './host.type.js';
import { EnrollmentRefused } from './enrollment.service.js';
import { agentInstructionsTopic } from './topics.js';
import { parseJsonReport, refuseAgentReport } from './agent-reports.js';

/**
 * The agent's side of the API. Reports arrive as JSON text so their size is checked before they
 * are parsed; the host they concern is the connection's, never a field of the report.
 */
@Resolver()
export class AgentResolver {
  @Mutation(() => AgentEnrollment, { description: 'Trades an enrollment token for a host credential (agents call this once)' })
  @Allow('PUBLIC', { audit: 'SELF' })
  async enrollAgent(
    @Arg('token', () => String) token: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('labels', () => JSONScalar, { nullable: true }) labels?: Record<string, string>,
  ): Promise<AgentEnrollment> {
    const base = { actorType: 'AGENT' as const, actor: name.slice(0, 128), ip: ctx.ip, action: 'enrollAgent', target: name.slice(0, 255), args: { name, labels } };
    // The host row and its credential commit with the SUCCESS audit row or not at all.
    return runAudited(
      auditDeps(ctx),
      ctx.em,
      base,
      async (tx) => {
        const { host, secret } = await ctx.services.enrollment.enroll(tx, { token, name, labels }, ctx.ip);
        return Object.assign(new AgentEnrollment(), { hostId: host.id, hostName: host.name, secret });
      },
      (err) => (err instanceof EnrollmentRefused ? 'DENIED' : 'FAILURE'),
    );
  }

  @Mutation(() => Boolean, { description: 'Liveness: every 15 s by default' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportHeartbeat(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await parse(ctx, 'heartbeat', report);
    ctx.services.hosts.heartbeat(agentOf(ctx).hostId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Sent on connect and whenever it changes; true when it was stored as a change' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportInventory(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const inventory = await parse(ctx, 'inventory', report);
    return ctx.services.hosts.reportInventory(ctx.em, agentOf(ctx).hostId, inventory);
  }

  @Mutation(() => Boolean, { description: 'One metrics sample; stored in batches' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportMetrics(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const sample = await parse(ctx, 'metrics', report);
    const hostId = agentOf(ctx).hostId;
    ctx.services.metrics.enqueue(hostId, sample);
    ctx.services.hosts.heartbeat(hostId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'The agent began running a command (`id` = t<target id>)' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportCommandStarted(
    @Arg('id', () => String) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('attempt', () => Int, { nullable: true, description: 'The attempt the run answers (absent: an agent older than attempts)' }) attempt?: number | null,
  ): Promise<boolean> {
    if (!jobCommandIdSchema.safeParse(id).success) throw badInput('id must be t<number>');
    if (attempt !== null && attempt !== undefined && !attemptSchema.safeParse(attempt).success) throw badInput('attempt must be a positive integer');
    await ctx.services.jobs.started(ctx.em, agentOf(ctx).hostId, id, ctx.services.now(), attempt ?? undefined);
    return true;
  }

  @Mutation(() => Boolean, { description: 'A command’s result; true once stored (also when it was already stored): the agent may then forget it' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportCommandResult(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
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
  }

  @Subscription(() => AgentInstructionType, {
    description: 'What the server asks of this agent; one long subscription per agent',
    subscribe: ({ context }) => {
      const { services } = context as GraphQLContext;
      const hostId = agentOf(context as GraphQLContext).hostId;
      const stream = services.pubsub.subscribe(agentInstructionsTopic(hostId));
      // Once the listener is attached, offer what was sent while the agent was away.
      setTimeout(() => {
        services.dispatcher.hostReady(hostId).catch((err: unknown) => services.logger.warn({ err, hostId }, 'could not offer a reconnected agent its pending commands; the dispatcher tick will'));
        services.reconciler.mark(hostId);
      }, 100);
      return stream;
    },
  })
  @Allow('AGENT')
  agentInstructions(@Root() instruction: AgentInstructionType): AgentInstructionType {
    return instruction;
  }
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
