import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { z } from 'zod';
import { CronRunRecord, ProcessRestartRecord } from '../../db/entities/index.js';
import { Allow } from '../auth/access.js';
import { agentOf, type GraphQLContext } from '../graphql/context.js';
import { cronRunsReportSchema, MAX_STATE_REPORT_BYTES, observedReportSchema, processEventsReportSchema } from './agent-state-reports.js';
import { parseJsonReport, refuseAgentReport } from '../hosts/agent-reports.js';
import { publishHostChanged } from '../hosts/host-changed.js';

function when(text: string | null | undefined, fallback: Date): Date {
  const d = text ? new Date(text) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : fallback;
}

/**
 * Stores what the agent observes and marks the host for reconciling (also the socket's fast
 * path). Batched with the reports arriving together (`services.observed`, api/manifests/observed-state-ingest.ts); resolves
 * once stored. A report that differs from the stored one only in CPU/RSS (the agent's periodic
 * usage refresh) plans the same: it is stored, but the reconciler is not made to look again.
 */
export async function storeObservedState(ctx: GraphQLContext, report: string): Promise<boolean> {
  const r = await parse(ctx, 'observedState', observedReportSchema, report);
  const { hostId, hostName } = agentOf(ctx);
  const { planChanged } = await ctx.services.observed.submit({ hostId, report: r, at: ctx.services.now() });
  if (planChanged) ctx.services.reconciler.mark(hostId);
  // Even a usage-only report changes what the host page shows (processes' CPU and RSS).
  publishHostChanged(ctx.services.pubsub, { hostId, host: hostName, part: 'STATE' });
  return true;
}

/** The agent's reports about desired state: what it observes, restarts, cron runs. */
@Resolver()
export class AgentStateResolver {
  @Mutation(() => Boolean, { description: 'The agent’s observed state (after applying a desired state, on change, on request)' })
  @Allow('AGENT', { audit: 'REPORT' })
  reportObservedState(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return storeObservedState(ctx, report);
  }

  @Mutation(() => Boolean, { description: 'Guarded-process exits and what the supervisor did about them' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportProcessEvents(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const events = await parse(ctx, 'processEvents', processEventsReportSchema, report);
    const { hostId, hostName } = agentOf(ctx);
    const now = ctx.services.now();
    for (const e of events) ctx.em.create(ProcessRestartRecord, { hostId, process: e.process, at: when(e.at, now), exitCode: e.exitCode ?? null, signal: e.signal ?? null, count: e.count, outcome: e.outcome, pid: e.pid ?? null, newPid: e.newPid ?? null, backoffMs: e.backoffMs ?? null });
    await ctx.em.flush();
    if (events.length > 0) publishHostChanged(ctx.services.pubsub, { hostId, host: hostName, part: 'RESTARTS' });
    return true;
  }

  @Mutation(() => Boolean, { description: 'Cron entry runs' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportCronRuns(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const runs = await parse(ctx, 'cronRuns', cronRunsReportSchema, report);
    const { hostId, hostName } = agentOf(ctx);
    const now = ctx.services.now();
    for (const r of runs) ctx.em.create(CronRunRecord, { hostId, name: r.name, startedAt: when(r.startedAt, now), finishedAt: r.finishedAt ? when(r.finishedAt, now) : null, exitCode: r.exitCode ?? null, status: r.status, output: r.output ?? null });
    await ctx.em.flush();
    if (runs.length > 0) publishHostChanged(ctx.services.pubsub, { hostId, host: hostName, part: 'CRON_RUNS' });
    return true;
  }
}

async function parse<T>(ctx: GraphQLContext, kind: string, schema: z.ZodType<T>, text: string): Promise<T> {
  const r = parseJsonReport(schema, text, MAX_STATE_REPORT_BYTES);
  return r.ok ? r.value : refuseAgentReport(ctx, kind, r.problem);
}
