import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/scalars.js';
import { ReportPeriodEnum } from './report.input.js';
import type { ReportPeriod } from './report-scope.js';

@ObjectType({ description: 'The range and grouping a report was computed for (defaults filled in)' })
export class ReportScopeType {
  @Field(() => DateTimeScalar) from!: Date;
  @Field(() => DateTimeScalar) to!: Date;
  @Field(() => String, { description: '"host" or "label:KEY"' }) by!: string;
  @Field(() => String, { nullable: true }) selector!: string | null;
  @Field(() => ReportPeriodEnum) period!: ReportPeriod;
  @Field(() => DateTimeScalar, { description: 'When the report was computed' }) generatedAt!: Date;
}

@ObjectType('AvailabilityRow')
export class AvailabilityRowType {
  @Field(() => String, { description: 'Host name, or the label value ("" for hosts without the label)' }) group!: string;
  @Field(() => DateTimeScalar) periodStart!: Date;
  @Field(() => DateTimeScalar) periodEnd!: Date;
  @Field(() => Int, { description: 'Hosts monitored in the period' }) hosts!: number;
  @Field(() => Float, { nullable: true, description: '100 × (1 − downtime / monitored time); null when nothing was monitored' }) availabilityPercent!: number | null;
  @Field(() => Float) downtimeMinutes!: number;
  @Field(() => Int, { description: 'Outages overlapping the period' }) outages!: number;
  @Field(() => Float, { description: 'Longest outage (its part inside the period)' }) longestOutageMinutes!: number;
  @Field(() => Float) monitoredMinutes!: number;
}

@ObjectType('AvailabilityReport')
export class AvailabilityReportType {
  @Field(() => ReportScopeType) scope!: ReportScopeType;
  @Field(() => Int, { description: 'IOMS_ALIVE_WINDOW the outages were dated back by' }) aliveWindowSeconds!: number;
  @Field(() => [AvailabilityRowType]) rows!: AvailabilityRowType[];
  @Field(() => String, { description: 'The rows as RFC 4180 CSV (the same file `ioms report availability -o csv` writes)' }) csv!: string;
}
