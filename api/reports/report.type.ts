import { Arg, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DISK_TRENDS, type DiskTrend } from './disks.js';
import { CHANGE_KINDS, CHANGE_OUTCOMES, type ChangeKind, type ChangeOutcome } from '../../protocol/change-report.schema.js';
import { badInput } from '../errors.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { ReportPeriodEnum } from './report.input.js';
import type { ReportPeriod } from './report-scope.js';
import { REPORT_TABLES as REPORT_TABLES_OF, tableCsv, type ReportTable } from './report-columns.js';

const CSV_DESCRIPTION = (kind: string) => `One table of the report as RFC 4180 CSV — the same file \`ioms report ${kind} -o csv [--table NAME]\` writes`;

function csvOf(tables: readonly ReportTable[], report: object, table: string | null | undefined): string {
  const csv = tableCsv(tables, report as Record<string, unknown>, table);
  if (csv === undefined) throw badInput(`this report has no table "${table}": use ${tables.map((t) => t.name).join(', ')}`);
  return csv;
}

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
  @Field(() => String, { description: CSV_DESCRIPTION('availability') })
  csv(@Arg('table', () => String, { nullable: true, description: 'availability (default)' }) table?: string | null): string {
    return csvOf(REPORT_TABLES_OF.availability, this, table);
  }
}

@ObjectType('RestartRow')
export class RestartRowType {
  @Field(() => String) group!: string;
  @Field(() => String) process!: string;
  @Field(() => DateTimeScalar) periodStart!: Date;
  @Field(() => DateTimeScalar) periodEnd!: Date;
  @Field(() => Int, { description: 'Hosts where the process exited in the period' }) hosts!: number;
  @Field(() => Int, { description: 'Exits the supervisor restarted' }) restarts!: number;
  @Field(() => Int, { description: 'Exits left down by the restart policy' }) exits!: number;
  @Field(() => Int, { description: 'Times the supervisor gave up (start limit reached)' }) gaveUp!: number;
  @Field(() => DateTimeScalar, { nullable: true }) lastAt!: Date | null;
}

@ObjectType('CrashLoop', { description: 'A process that gave up on a host: it reached its start limit and is not restarted by itself' })
export class CrashLoopType {
  @Field(() => String) host!: string;
  @Field(() => String) process!: string;
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => Int, { description: 'Restarts in the run that ended in the give-up' }) restarts!: number;
  @Field(() => Int, { nullable: true }) exitCode!: number | null;
  @Field(() => String, { nullable: true }) signal!: string | null;
}

@ObjectType('RestartsReport')
export class RestartsReportType {
  @Field(() => ReportScopeType) scope!: ReportScopeType;
  @Field(() => [RestartRowType]) rows!: RestartRowType[];
  @Field(() => [CrashLoopType], { description: 'Newest first, at most 500' }) crashLoops!: CrashLoopType[];
  @Field(() => String, { description: CSV_DESCRIPTION('restarts') })
  csv(@Arg('table', () => String, { nullable: true, description: 'restarts (default) or crash-loops' }) table?: string | null): string {
    return csvOf(REPORT_TABLES_OF.restarts, this, table);
  }
}

@ObjectType('CronRow')
export class CronRowType {
  @Field(() => String) group!: string;
  @Field(() => String) entry!: string;
  @Field(() => DateTimeScalar) periodStart!: Date;
  @Field(() => DateTimeScalar) periodEnd!: Date;
  @Field(() => Int) hosts!: number;
  @Field(() => Int, { description: 'Runs that started (SKIPPED ones excluded)' }) runs!: number;
  @Field(() => Int) succeeded!: number;
  @Field(() => Int, { description: 'FAILED + TIMED_OUT' }) failures!: number;
  @Field(() => Int) timedOut!: number;
  @Field(() => Int, { description: 'Runs not started because the previous one was still going' }) skipped!: number;
  @Field(() => Float, { nullable: true, description: '100 × succeeded / runs; null without runs' }) successPercent!: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) lastFailureAt!: Date | null;
}

@ObjectType('CronReport')
export class CronReportType {
  @Field(() => ReportScopeType) scope!: ReportScopeType;
  @Field(() => [CronRowType]) rows!: CronRowType[];
  @Field(() => String, { description: CSV_DESCRIPTION('cron') })
  csv(@Arg('table', () => String, { nullable: true, description: 'cron (default)' }) table?: string | null): string {
    return csvOf(REPORT_TABLES_OF.cron, this, table);
  }
}

@ObjectType('TargetTally', { description: 'Targets of jobs by outcome' })
class TargetTallyFields {
  @Field(() => Int) targets!: number;
  @Field(() => Int) succeeded!: number;
  @Field(() => Int, { description: 'FAILED + TIMED_OUT' }) failed!: number;
  @Field(() => Int) unreachable!: number;
  @Field(() => Int) cancelled!: number;
  @Field(() => Int, { description: 'QUEUED, SENT or RUNNING' }) pending!: number;
  @Field(() => Float, { nullable: true, description: '100 × succeeded / (succeeded + failed + unreachable)' }) successPercent!: number | null;
}

@ObjectType('CommandDayRow')
export class CommandDayRowType extends TargetTallyFields {
  @Field(() => DateTimeScalar) periodStart!: Date;
  @Field(() => DateTimeScalar) periodEnd!: Date;
  @Field(() => Int) jobs!: number;
}

@ObjectType('CommandUserRow')
export class CommandUserRowType extends TargetTallyFields {
  @Field(() => String) user!: string;
  @Field(() => Int) jobs!: number;
}

@ObjectType('CommandHostRow')
export class CommandHostRowType extends TargetTallyFields {
  @Field(() => String, { description: 'Host name, or the label value' }) group!: string;
  @Field(() => Int) hosts!: number;
}

@ObjectType('SlowCommand')
export class SlowCommandType {
  @Field(() => ID) jobId!: number;
  @Field(() => String) command!: string;
  @Field(() => String) user!: string;
  @Field(() => String) host!: string;
  @Field(() => String) status!: string;
  @Field(() => Int) durationMs!: number;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType('CommandsReport')
export class CommandsReportType {
  @Field(() => ReportScopeType) scope!: ReportScopeType;
  @Field(() => [CommandDayRowType], { description: 'Per day (or the week or month asked for)' }) days!: CommandDayRowType[];
  @Field(() => [CommandUserRowType]) users!: CommandUserRowType[];
  @Field(() => [CommandHostRowType], { description: 'Per host or label group' }) hosts!: CommandHostRowType[];
  @Field(() => [SlowCommandType], { description: 'The 20 slowest targets' }) slowest!: SlowCommandType[];
  @Field(() => String, { description: CSV_DESCRIPTION('commands') })
  csv(@Arg('table', () => String, { nullable: true, description: 'days (default), users, hosts or slowest' }) table?: string | null): string {
    return csvOf(REPORT_TABLES_OF.commands, this, table);
  }
}

@ObjectType('ResourceRow')
export class ResourceRowType {
  @Field(() => String) host!: string;
  @Field(() => Int, { description: 'Hours with metrics in the range (1-hour rollups)' }) hours!: number;
  @Field(() => Float, { nullable: true, description: '95th percentile of the hourly CPU averages, in whole percent' }) cpuP95!: number | null;
  @Field(() => Float, { description: 'Highest CPU sample, percent' }) cpuMax!: number;
  @Field(() => Float, { nullable: true, description: '95th percentile of the hourly memory-used averages, whole percent of total' }) memP95!: number | null;
  @Field(() => Float, { description: 'Highest memory-used sample, percent of total' }) memMax!: number;
}

export const DiskTrendEnum = Object.fromEntries(DISK_TRENDS.map((k) => [k, k])) as { [K in DiskTrend]: K };
registerEnumType(DiskTrendEnum, { name: 'DiskTrend', description: 'GROWING (a date it fills), NOT_GROWING (flat or shrinking: no date), NOT_ENOUGH_DATA (fewer than 3 days)' });

@ObjectType('DiskRow', { description: 'One mount of one host over the range, from the daily disk rollups (whole UTC days)' })
export class DiskRowType {
  @Field(() => String) host!: string;
  @Field(() => String) mount!: string;
  @Field(() => Int, { description: 'Days with data' }) days!: number;
  @Field(() => Float, { nullable: true, description: '95th percentile of the daily average use, whole percent of size' }) usedP95!: number | null;
  @Field(() => Float, { description: 'Highest sample, percent of size' }) usedMax!: number;
  @Field(() => Float, { description: 'Size in bytes (the largest seen)' }) sizeBytes!: number;
}

@ObjectType('DiskForecast', { description: 'When a mount fills at its 30-day trend (least squares over its daily average use)' })
export class DiskForecastType {
  @Field(() => String) host!: string;
  @Field(() => String) mount!: string;
  @Field(() => Int, { description: 'Days in the trend' }) days!: number;
  @Field(() => Float) sizeBytes!: number;
  @Field(() => Float, { nullable: true, description: 'Use at the end of the range on the trend line, percent of size' }) usedPercent!: number | null;
  @Field(() => Float, { nullable: true, description: 'Slope of the trend, bytes per day (negative: shrinking)' }) growthBytesPerDay!: number | null;
  @Field(() => DiskTrendEnum) trend!: DiskTrend;
  @Field(() => Float, { nullable: true, description: 'Days from the end of the range until full; null unless GROWING' }) daysUntilFull!: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) fullAt!: Date | null;
}

@ObjectType('ResourcesReport')
export class ResourcesReportType {
  @Field(() => ReportScopeType) scope!: ReportScopeType;
  @Field(() => [ResourceRowType], { description: 'Busiest hosts by CPU p95 (then max)' }) cpu!: ResourceRowType[];
  @Field(() => [ResourceRowType], { description: 'Busiest hosts by memory p95 (then max)' }) memory!: ResourceRowType[];
  @Field(() => [DiskRowType], { description: 'Fullest mounts by p95 of daily use (then max)' }) disks!: DiskRowType[];
  @Field(() => [DiskForecastType], { description: 'Mounts by when they fill: growing ones soonest first, then not growing, then without enough data' }) forecast!: DiskForecastType[];
  @Field(() => String, { description: CSV_DESCRIPTION('resources') })
  csv(@Arg('table', () => String, { nullable: true, description: 'cpu (default), memory, disks or forecast' }) table?: string | null): string {
    return csvOf(REPORT_TABLES_OF.resources, this, table);
  }
}

/** The GraphQL enums of the change vocabulary, derived from protocol/change-report.schema.ts. */
export const ChangeKindEnum = Object.fromEntries(CHANGE_KINDS.map((k) => [k, k])) as { [K in ChangeKind]: K };
registerEnumType(ChangeKindEnum, { name: 'ChangeKind', description: 'INTENDED: a desired state the host had not converged to yet; CORRECTIVE: put back after the host drifted on its own' });
export const ChangeOutcomeEnum = Object.fromEntries(CHANGE_OUTCOMES.map((k) => [k, k])) as { [K in ChangeOutcome]: K };
registerEnumType(ChangeOutcomeEnum, { name: 'ChangeOutcome', description: 'DONE, FAILED (tried), SKIPPED (not tried: a restart after a file that could not be written)' });

@ObjectType('ChangeRow')
export class ChangeRowType {
  @Field(() => String, { description: 'Host name, or the label value' }) group!: string;
  @Field(() => String, { description: 'Resource key: process:NAME, file:PATH, cron:NAME' }) resource!: string;
  @Field(() => DateTimeScalar) periodStart!: Date;
  @Field(() => DateTimeScalar) periodEnd!: Date;
  @Field(() => Int, { description: 'Hosts with changes to the resource in the period' }) hosts!: number;
  @Field(() => Int, { description: 'intended + corrective' }) changes!: number;
  @Field(() => Int, { description: 'Changes that carried out a desired state the host had not converged to yet' }) intended!: number;
  @Field(() => Int, { description: 'Put back after drift (a file edited or deleted, a process that died, a cron entry removed), supervisor restarts included' }) corrective!: number;
  @Field(() => Int, { description: 'Of the corrective changes: guarded-process restarts by the supervisor' }) restarts!: number;
  @Field(() => Int, { description: 'Changes tried but not carried out (FAILED or SKIPPED)' }) failed!: number;
  @Field(() => DateTimeScalar, { nullable: true }) lastAt!: Date | null;
}

@ObjectType('ChangeEntry', { description: 'One change an agent made' })
export class ChangeEntryType {
  @Field(() => String) host!: string;
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => String) resource!: string;
  @Field(() => String, { description: 'The plan action (PutFile, StartProcess, …) or SupervisorRestart' }) action!: string;
  @Field(() => String, { description: 'The plan reason (MISSING, CHECKSUM_MISMATCH, …) or EXITED' }) reason!: string;
  @Field(() => ChangeKindEnum) kind!: ChangeKind;
  @Field(() => ChangeOutcomeEnum) outcome!: ChangeOutcome;
  @Field(() => Int, { nullable: true, description: 'Manifest revision carried out' }) revision!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType('ChangesReport')
export class ChangesReportType {
  @Field(() => ReportScopeType) scope!: ReportScopeType;
  @Field(() => [ChangeRowType], { description: 'Per resource and host or label group (and period)' }) rows!: ChangeRowType[];
  @Field(() => [ChangeEntryType], { description: 'The newest changes, at most 500' }) changes!: ChangeEntryType[];
  @Field(() => String, { description: CSV_DESCRIPTION('changes') })
  csv(@Arg('table', () => String, { nullable: true, description: 'changes (default) or list' }) table?: string | null): string {
    return csvOf(REPORT_TABLES_OF.changes, this, table);
  }
}
