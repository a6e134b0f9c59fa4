import { Arg, Ctx, Int, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { Allow, auditDeps } from '../auth/access.js';
import { runAudited } from '../audit/audited-unit.js';
import type { GraphQLContext } from '../graphql/context.js';
import { JSONScalar } from '../graphql/scalars.js';
import { AgentEnrollment, AgentInstructionType } from './host.type.js';
import { EnrollmentRefused } from './enrollment.service.js';
import { agentInstructionStream, AGENT_REPORTS } from './agent-report-handlers.js';

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
    return AGENT_REPORTS.reportHeartbeat(ctx, report);
  }

  @Mutation(() => Boolean, { description: 'Sent on connect and whenever it changes; true when it was stored as a change' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportInventory(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return AGENT_REPORTS.reportInventory(ctx, report);
  }

  @Mutation(() => Boolean, { description: 'One metrics sample; stored in batches' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportMetrics(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return AGENT_REPORTS.reportMetrics(ctx, report);
  }

  @Mutation(() => Boolean, { description: 'The agent began running a command (`id` = t<target id>)' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportCommandStarted(
    @Arg('id', () => String) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('attempt', () => Int, { nullable: true, description: 'The attempt the run answers (absent: an agent older than attempts)' }) attempt?: number | null,
  ): Promise<boolean> {
    return AGENT_REPORTS.reportCommandStarted(ctx, id, attempt);
  }

  @Mutation(() => Boolean, { description: 'A command’s result; true once stored (also when it was already stored): the agent may then forget it' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportCommandResult(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return AGENT_REPORTS.reportCommandResult(ctx, report);
  }

  @Subscription(() => AgentInstructionType, {
    description: 'What the server asks of this agent; one long subscription per agent',
    subscribe: ({ context }) => agentInstructionStream(context as GraphQLContext),
  })
  @Allow('AGENT')
  agentInstructions(@Root() instruction: AgentInstructionType): AgentInstructionType {
    return instruction;
  }
}

