import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { JobKind, JobStatus, TargetStatus } from '../../db/entities/index.js';
import { PageInfo } from '../graphql/page.js';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars.js';

export enum JobKindEnum {
  SHELL = 'SHELL',
  RESTART_PROCESS = 'RESTART_PROCESS',
  COLLECT_INVENTORY = 'COLLECT_INVENTORY',
  SET_PASSWORD = 'SET_PASSWORD',
  DOWNLOAD = 'DOWNLOAD',
  UPGRADE_AGENT = 'UPGRADE_AGENT',
}
registerEnumType(JobKindEnum, { name: 'JobKind', description: 'A shell command or a built-in action' });

export enum JobStatusEnum {
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  STOPPED = 'STOPPED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(JobStatusEnum, { name: 'JobStatus', description: 'STOPPED: failures passed the budget, nothing more is dispatched' });

export enum TargetStatusEnum {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  TIMED_OUT = 'TIMED_OUT',
  UNREACHABLE = 'UNREACHABLE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TargetStatusEnum, { name: 'TargetStatus' });

export enum InterpreterEnum {
  SH = 'sh',
  BASH = 'bash',
  CMD = 'cmd',
  POWERSHELL = 'powershell',
}
registerEnumType(InterpreterEnum, { name: 'Interpreter', description: 'The command goes to it as one argument: sh -c, bash -c, cmd.exe /d /s /c, powershell -Command' });

@InputType()
export class JobActionInput {
  @Field(() => JobKindEnum) kind!: JobKind;
  @Field(() => String, { nullable: true, description: 'RESTART_PROCESS: the guarded process' }) processName?: string;
  @Field(() => String, { nullable: true, description: 'SET_PASSWORD: the OS user' }) username?: string;
  @Field(() => String, { nullable: true, description: 'SET_PASSWORD: never stored, logged or audited' }) password?: string;
  @Field(() => String, { nullable: true, description: 'DOWNLOAD and UPGRADE_AGENT: artifact NAME or NAME@VERSION' }) artifact?: string;
  @Field(() => String, { nullable: true, description: 'DOWNLOAD: absolute destination path on the host' }) path?: string;
  @Field(() => String, { nullable: true, description: 'DOWNLOAD: file mode, e.g. "0644"' }) mode?: string;
}

@InputType()
export class RunCommandInput {
  @Field(() => String, { nullable: true, description: 'Label selector, e.g. role=web,env!=prod ("" = every host)' }) selector?: string;
  @Field(() => [String], { nullable: true, description: 'Host names or globs' }) hosts?: string[];
  @Field(() => String, { nullable: true, description: 'Shell command (kind SHELL)' }) command?: string;
  @Field(() => JobActionInput, { nullable: true, description: 'A built-in action instead of a command' }) action?: JobActionInput;
  @Field(() => InterpreterEnum, { nullable: true, description: 'Default: sh on POSIX hosts, cmd on Windows' }) interpreter?: string;
  @Field(() => String, { nullable: true }) cwd?: string;
  @Field(() => JSONScalar, { nullable: true, description: 'Environment variables for the command' }) env?: Record<string, string>;
  @Field(() => Int, { nullable: true, description: 'Seconds; the whole process tree is killed after it (default 60)' }) timeoutSeconds?: number;
  @Field(() => String, { nullable: true, description: 'Rolling window: "10" hosts or "25%" of the targets in flight at once' }) batch?: string;
  @Field(() => Int, { nullable: true, description: 'Stop dispatching once more than this many targets failed' }) maxFailures?: number;
  @Field(() => Int, { nullable: true, description: 'Offline hosts get the command if they connect within this many seconds (default 600)' }) queueForSeconds?: number;
}

@ObjectType()
export class JobCounts {
  @Field(() => Int) total!: number;
  @Field(() => Int) queued!: number;
  @Field(() => Int) sent!: number;
  @Field(() => Int) running!: number;
  @Field(() => Int) succeeded!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) timedOut!: number;
  @Field(() => Int) unreachable!: number;
  @Field(() => Int) cancelled!: number;
  @Field(() => Int, { description: 'Targets in a final state' }) done!: number;
}

@ObjectType('JobTarget')
export class JobTargetType {
  @Field(() => String) host!: string;
  @Field(() => TargetStatusEnum) status!: TargetStatus;
  @Field(() => Int, { nullable: true, description: '-1 when the command never started or was killed by a signal' }) exitCode!: number | null;
  @Field(() => String, { nullable: true }) signal!: string | null;
  @Field(() => String, { nullable: true }) stdout!: string | null;
  @Field(() => String, { nullable: true }) stderr!: string | null;
  @Field(() => Boolean) stdoutTruncated!: boolean;
  @Field(() => Boolean) stderrTruncated!: boolean;
  @Field(() => DateTimeScalar, { nullable: true }) sentAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) startedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Int, { description: 'Deliveries so far (a redelivery returns the stored result)' }) attempts!: number;
}

@ObjectType('Job')
export class JobType {
  @Field(() => ID) id!: string;
  @Field(() => JobKindEnum) kind!: JobKind;
  @Field(() => String) command!: string;
  @Field(() => JobStatusEnum) status!: JobStatus;
  @Field(() => String, { nullable: true }) selector!: string | null;
  @Field(() => [String]) hosts!: string[];
  @Field(() => Int, { description: 'Targets in flight at once (the resolved batch)' }) batchSize!: number;
  @Field(() => Int, { nullable: true }) maxFailures!: number | null;
  @Field(() => Int) timeoutSeconds!: number;
  @Field(() => Int) queueForSeconds!: number;
  @Field(() => String) createdBy!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int, { description: 'Sequence number of the latest progress event' }) lastSeq!: number;
  /** Internal. */
  jobId!: number;
}

@ObjectType()
export class JobConnection {
  @Field(() => [JobType]) nodes!: JobType[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType('JobEvent')
export class JobEventType {
  @Field(() => Int, { description: 'Per job, from 1, without gaps' }) seq!: number;
  @Field(() => DateTimeScalar) at!: Date | string;
  @Field(() => String, { description: 'TARGET (a host changed status) or JOB (the job did)' }) type!: string;
  @Field(() => String, { nullable: true }) host!: string | null;
  @Field(() => String) status!: string;
  @Field(() => JSONScalar, { description: 'TARGET: exitCode, durationMs, error, stdout/stderr (capped) once final' }) data!: Record<string, unknown>;
  @Field(() => ID) jobId!: string;
}

@ObjectType('HostJobResult')
export class HostJobResultType extends JobTargetType {
  @Field(() => ID) jobId!: string;
}
