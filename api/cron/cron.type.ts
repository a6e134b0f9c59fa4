import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/scalars.js';
import { CRON_ENTRY_STATES, type CronEntryState } from './cron-view.js';

const CronEntryStateEnum = Object.fromEntries(CRON_ENTRY_STATES.map((s) => [s, s])) as { [K in CronEntryState]: K };
registerEnumType(CronEntryStateEnum, {
  name: 'CronEntryState',
  description: 'SCHEDULED: runs as desired; PENDING: not yet reported; FAILED: the agent could not schedule it; DRIFTED: runs another version; REMOVING: no longer desired',
});

@ObjectType('HostCronRun', { description: 'One run of a cron entry on a host' })
export class HostCronRunType {
  @Field(() => String) host!: string;
  @Field(() => String) name!: string;
  @Field(() => DateTimeScalar) startedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'finishedAt − startedAt in milliseconds' }) durationMs!: number | null;
  @Field(() => Int, { nullable: true }) exitCode!: number | null;
  @Field(() => String, { description: 'SUCCEEDED, FAILED, TIMED_OUT, CANCELLED or SKIPPED' }) status!: string;
  @Field(() => String, { nullable: true, description: 'The tail of stdout then stderr, as text' }) output!: string | null;
}

@ObjectType('CronEntryStatus', { description: 'A crontab entry of a host: schedule, state, last and next run' })
export class CronEntryStatusType {
  @Field(() => String) host!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) schedule!: string | null;
  @Field(() => String, { nullable: true, description: 'The IANA zone the schedule is read in' }) timezone!: string | null;
  @Field(() => String, { nullable: true }) command!: string | null;
  @Field(() => String, { nullable: true }) restartProcess!: string | null;
  @Field(() => CronEntryStateEnum) state!: CronEntryState;
  @Field(() => String, { nullable: true, description: 'Why FAILED, DRIFTED or REMOVING' }) reason!: string | null;
  @Field(() => HostCronRunType, { nullable: true }) lastRun!: HostCronRunType | null;
  @Field(() => DateTimeScalar, { nullable: true }) nextRunAt!: Date | null;
}

@ObjectType('CronNextRuns')
export class CronNextRunsType {
  @Field(() => String) schedule!: string;
  @Field(() => String) timezone!: string;
  @Field(() => [DateTimeScalar]) next!: Date[];
}
