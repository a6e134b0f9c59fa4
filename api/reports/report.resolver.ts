import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/access.js';
import type { GraphQLContext } from '../graphql/context.js';
import { AVAILABILITY_COLUMNS, reportCsv } from './report-columns.js';
import { ReportInput } from './report.input.js';
import { availabilityReport } from './report.service.js';
import { reportRequest, scopeOf } from './report-request.js';
import { AvailabilityReportType, ReportScopeType } from './report.type.js';

/** What the report resolvers need from the context. */
export type ReportContext = Pick<GraphQLContext, 'em'> & { readonly services: Pick<GraphQLContext['services'], 'now' | 'config'> };

@Resolver()
export class ReportResolver {
  @Query(() => AvailabilityReportType, { description: 'Availability per host or label group (and per day, week or month): availability %, downtime, outages, longest outage — see docs/reports.md' })
  @Allow('VIEWER')
  async reportAvailability(@Ctx() ctx: ReportContext, @Arg('input', () => ReportInput, { nullable: true }) input?: ReportInput | null): Promise<AvailabilityReportType> {
    const req = reportRequest(input, ctx.services.now().getTime());
    const aliveWindowSeconds = ctx.services.config.aliveWindowSeconds;
    const rows = await availabilityReport(ctx.em, req, aliveWindowSeconds * 1000);
    return { scope: Object.assign(new ReportScopeType(), scopeOf(req)), aliveWindowSeconds, rows, csv: reportCsv(AVAILABILITY_COLUMNS, rows) };
  }
}
