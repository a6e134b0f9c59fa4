import type { SqlEntityManager } from '@mikro-orm/knex';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { AgentChangeRecord } from '../../db/entities/index.js';
import { changeReportSchema } from '../../protocol/change-report.schema.js';
import { Allow } from '../auth/access.js';
import { agentOf, type GraphQLContext } from '../graphql/context.js';
import { parseJsonReport, refuseAgentReport } from '../hosts/agent-reports.js';
import { MAX_STATE_REPORT_BYTES } from './agent-state-reports.js';

/** The changes an agent carried out (the changes report's source): one multi-row insert per report. */
@Resolver()
export class AgentChangesResolver {
  @Mutation(() => Boolean, { description: 'Plan actions the agent carried out, each INTENDED or CORRECTIVE (protocol/change-report.schema.ts); a change id already stored is ignored' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportAppliedChanges(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const parsed = parseJsonReport(changeReportSchema, report, MAX_STATE_REPORT_BYTES);
    if (!parsed.ok) return refuseAgentReport(ctx, 'appliedChanges', parsed.problem);
    if (parsed.value.length === 0) return true;
    const hostId = agentOf(ctx).hostId;
    const now = ctx.services.now();
    const rows = parsed.value.map((c) => {
      const at = new Date(c.at);
      return { hostId, changeId: c.id, at: Number.isNaN(at.getTime()) ? now : at, resource: c.key, action: c.action, reason: c.reason, kind: c.kind, outcome: c.outcome, hash: c.hash, revision: c.revision, error: c.error ?? null };
    });
    // a redelivered report (the agent spools until the server answers) adds nothing
    await (ctx.em as SqlEntityManager).createQueryBuilder(AgentChangeRecord).insert(rows).onConflict(['hostId', 'changeId']).ignore().execute();
    return true;
  }
}
