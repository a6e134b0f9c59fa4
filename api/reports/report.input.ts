import { Field, InputType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/scalars.js';
import { REPORT_PERIODS, type ReportPeriod } from './report-scope.js';

/** The GraphQL enum, derived from the one list in report-scope.ts. */
export const ReportPeriodEnum = Object.fromEntries(REPORT_PERIODS.map((p) => [p, p])) as { [K in ReportPeriod]: K };
registerEnumType(ReportPeriodEnum, { name: 'ReportPeriod', description: 'ALL: one row per group for the whole range; DAY, WEEK (ISO, Monday) or MONTH: one row per group and UTC period' });

@InputType({ description: 'What every report takes' })
export class ReportInput {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Default: 30 days before `to`' }) from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Default and latest: now' }) to?: Date | null;
  @Field(() => String, { nullable: true, description: '"host" (default) or "label:KEY", e.g. label:role' }) by?: string | null;
  @Field(() => String, { nullable: true, description: 'Only hosts matching this selector (the -l syntax, e.g. role=web,env!=prod)' }) selector?: string | null;
  @Field(() => ReportPeriodEnum, { nullable: true, description: 'Default: ALL' }) period?: ReportPeriod | null;
}
