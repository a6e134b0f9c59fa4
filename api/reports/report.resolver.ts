import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '../errors.js';
import { Allow } from '../auth/access.js';
import type { GraphQLContext } from '../graphql/context.js';
import { ReportInput } from './report.input.js';
import { availabilityReport, changesReport, commandsReport, cronReport, resourcesReport, restartsReport } from './report.service.js';
import { reportRequest, scopeOf } from './report-request.js';
import { AvailabilityReportType, ChangesReportType, CommandsReportType, CronReportType, ReportScopeType, ResourcesReportType, RestartsReportType } from './report.type.js';

/** What the report resolvers need from the context. */
export type ReportContext = Pick<GraphQLContext, 'em'> & { readonly services: Pick<GraphQLContext['services'], 'now' | 'config'> };

const DEFAULT_TOP = 20;
const MAX_TOP = 1000;

@Resolver()
export class ReportResolver {
  @Query(() => AvailabilityReportType, { description: 'Availability per host or label group (and per day, week or month): availability %, downtime, outages, longest outage — see docs/reports.md' })
  @Allow('VIEWER')
  async reportAvailability(@Ctx() ctx: ReportContext, @Arg('input', () => ReportInput, { nullable: true }) input?: ReportInput | null): Promise<AvailabilityReportType> {
    const req = reportRequest(input, ctx.services.now().getTime());
    const aliveWindowSeconds = ctx.services.config.aliveWindowSeconds;
    const rows = await availabilityReport(ctx.em, req, aliveWindowSeconds * 1000);
    return Object.assign(new AvailabilityReportType(), { scope: scope(req), aliveWindowSeconds, rows });
  }

  @Query(() => RestartsReportType, { description: 'Guarded-process restarts per process and host or label group (and period), and crash loops (processes that gave up)' })
  @Allow('VIEWER')
  async reportRestarts(@Ctx() ctx: ReportContext, @Arg('input', () => ReportInput, { nullable: true }) input?: ReportInput | null): Promise<RestartsReportType> {
    const req = reportRequest(input, ctx.services.now().getTime());
    return Object.assign(new RestartsReportType(), { scope: scope(req), ...(await restartsReport(ctx.em, req)) });
  }

  @Query(() => CronReportType, { description: 'Cron runs, failures and success rate per entry and host or label group (and period)' })
  @Allow('VIEWER')
  async reportCron(@Ctx() ctx: ReportContext, @Arg('input', () => ReportInput, { nullable: true }) input?: ReportInput | null): Promise<CronReportType> {
    const req = reportRequest(input, ctx.services.now().getTime());
    return Object.assign(new CronReportType(), { scope: scope(req), rows: await cronReport(ctx.em, req) });
  }

  @Query(() => ResourcesReportType, { description: 'Top hosts by CPU and memory over the range (p95 of hourly averages and max, from the daily histograms and 1-hour rollups), fullest disks and the disk-full forecast (from the daily disk rollups)' })
  @Allow('VIEWER')
  async reportResources(
    @Ctx() ctx: ReportContext,
    @Arg('input', () => ReportInput, { nullable: true }) input?: ReportInput | null,
    @Arg('top', () => Int, { nullable: true, description: `Rows per table (hosts, or mounts for disks and forecast), 1–${MAX_TOP}; default ${DEFAULT_TOP}` }) top?: number | null,
  ): Promise<ResourcesReportType> {
    const req = reportRequest(input, ctx.services.now().getTime());
    const n = top ?? DEFAULT_TOP;
    if (!Number.isInteger(n) || n < 1 || n > MAX_TOP) throw badInput(`top must be a whole number from 1 to ${MAX_TOP}`);
    return Object.assign(new ResourcesReportType(), { scope: scope(req), ...(await resourcesReport(ctx.em, req, n)) });
  }

  @Query(() => ChangesReportType, { description: 'Drift history: every change agents made per resource and host or label group (and period), INTENDED or CORRECTIVE, and the newest changes — see docs/reports.md' })
  @Allow('VIEWER')
  async reportChanges(@Ctx() ctx: ReportContext, @Arg('input', () => ReportInput, { nullable: true }) input?: ReportInput | null): Promise<ChangesReportType> {
    const req = reportRequest(input, ctx.services.now().getTime());
    return Object.assign(new ChangesReportType(), { scope: scope(req), ...(await changesReport(ctx.em, req)) });
  }

  @Query(() => CommandsReportType, { description: 'Jobs and targets per day, success rate per user and per host or label group, the slowest commands' })
  @Allow('VIEWER')
  async reportCommands(@Ctx() ctx: ReportContext, @Arg('input', () => ReportInput, { nullable: true }) input?: ReportInput | null): Promise<CommandsReportType> {
    const req = reportRequest(input, ctx.services.now().getTime());
    return Object.assign(new CommandsReportType(), { scope: scope(req), ...(await commandsReport(ctx.em, req)) });
  }
}

function scope(req: ReturnType<typeof reportRequest>): ReportScopeType {
  return Object.assign(new ReportScopeType(), scopeOf(req));
}
