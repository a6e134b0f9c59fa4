import { PLAN_ACTION_TYPES } from '../../manifests/index.js';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/page.js';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars.js';

@InputType()
export class ManifestFileInput {
  @Field(() => String, { description: 'The file name errors will point at (relative path)' }) path!: string;
  @Field(() => String) content!: string;
}

@InputType()
export class ManifestSourceInput {
  @Field(() => String, { nullable: true }) repository?: string;
  @Field(() => String, { nullable: true }) commit?: string;
  @Field(() => String, { nullable: true }) branch?: string;
  @Field(() => Boolean, { nullable: true, description: 'The work tree had uncommitted changes' }) dirty?: boolean;
}

@InputType()
export class ApplyManifestsInput {
  @Field(() => [ManifestFileInput]) files!: ManifestFileInput[];
  @Field(() => Boolean, { nullable: true, description: 'Validate and plan only; store nothing' }) dryRun?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Documents of the current revision missing from these files are removed (default: kept)' }) prune?: boolean;
  @Field(() => ManifestSourceInput, { nullable: true }) source?: ManifestSourceInput;
  @Field(() => String, { nullable: true }) message?: string;
}

@ObjectType('ManifestError')
export class ManifestErrorType {
  @Field(() => String) file!: string;
  @Field(() => Int) line!: number;
  @Field(() => Int) column!: number;
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType('PlanItem')
export class PlanItemType {
  @Field(() => String, { description: PLAN_ACTION_TYPES.join(', ') }) type!: string;
  @Field(() => String, { description: 'process:<name>, cron:<name>, file:<path>' }) key!: string;
  @Field(() => String, { description: 'MISSING, SPEC_CHANGED, NOT_RUNNING, FATAL, CHECKSUM_MISMATCH, MODE_CHANGED, NOT_DESIRED' }) reason!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { description: '+ creates, ~ changes in place, - removes, ! held (drift left to a human); manifests/plan-sign.ts' }) sign!: string;
}

@ObjectType('HostPlan')
export class HostPlanType {
  @Field(() => String) host!: string;
  @Field(() => String, { nullable: true, description: 'Desired-state hash after this apply' }) desiredHash!: string | null;
  @Field(() => Boolean, { description: 'The desired state of this host changes' }) changed!: boolean;
  @Field(() => [String], { description: 'Profiles that select the host' }) profiles!: string[];
  @Field(() => [PlanItemType], { description: 'What the agent will do, from its last observed state' }) actions!: PlanItemType[];
}

@ObjectType('ManifestDocumentRef')
export class ManifestDocumentRefType {
  @Field(() => String) kind!: string;
  @Field(() => String) name!: string;
  @Field(() => String) file!: string;
  @Field(() => Int) line!: number;
}

@ObjectType('ManifestRevision')
export class ManifestRevisionType {
  @Field(() => Int) id!: number;
  @Field(() => String) createdBy!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => JSONScalar, { description: 'paths, repository, commit, branch, dirty' }) source!: Record<string, unknown>;
  @Field(() => Int, { nullable: true }) rollbackOf!: number | null;
  @Field(() => Boolean, { description: 'The revision in force' }) current!: boolean;
  @Field(() => [ManifestDocumentRefType]) documents!: ManifestDocumentRefType[];
}

@ObjectType()
export class ManifestRevisionConnection {
  @Field(() => [ManifestRevisionType]) nodes!: ManifestRevisionType[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType('ApplyResult')
export class ApplyResultType {
  @Field(() => Boolean, { description: 'A new revision was stored' }) applied!: boolean;
  @Field(() => Boolean, { description: 'The documents equal the current revision: nothing to store' }) unchanged!: boolean;
  @Field(() => ManifestRevisionType, { nullable: true }) revision!: ManifestRevisionType | null;
  @Field(() => [ManifestErrorType], { description: 'Every error in every file (and conflicts); when any, nothing was stored' }) errors!: ManifestErrorType[];
  @Field(() => [HostPlanType], { description: 'Hosts whose desired state changes, with their plan' }) hosts!: HostPlanType[];
}

@ObjectType('ManifestDocumentDiff')
export class ManifestDocumentDiffType {
  @Field(() => String) kind!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'ADDED, REMOVED or CHANGED' }) change!: string;
  @Field(() => JSONScalar, { nullable: true }) before!: unknown;
  @Field(() => JSONScalar, { nullable: true }) after!: unknown;
}

@ObjectType('DriftItem')
export class DriftItemType {
  @Field(() => String) key!: string;
  @Field(() => String) action!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) sentence!: string;
  @Field(() => DateTimeScalar) since!: string;
}

@ObjectType('HostRollout')
export class HostRolloutType {
  @Field(() => String) host!: string;
  @Field(() => Boolean) online!: boolean;
  @Field(() => String, { description: 'PENDING, CONVERGED, DRIFTED or FAILED' }) status!: string;
  @Field(() => Int, { nullable: true, description: 'Revision the desired state comes from' }) revision!: number | null;
  @Field(() => Int, { nullable: true, description: 'Newest revision the host converged on' }) convergedRevision!: number | null;
  @Field(() => [DriftItemType]) drift!: DriftItemType[];
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) observedAt!: Date | null;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@ObjectType('RolloutStatus')
export class RolloutStatusType {
  @Field(() => Int, { nullable: true, description: 'The revision in force' }) revision!: number | null;
  @Field(() => Int) converged!: number;
  @Field(() => Int) drifted!: number;
  @Field(() => Int) pending!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [HostRolloutType]) hosts!: HostRolloutType[];
}

@ObjectType('ProcessRestart')
export class ProcessRestartType {
  @Field(() => String) process!: string;
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => Int, { nullable: true }) exitCode!: number | null;
  @Field(() => String, { nullable: true }) signal!: string | null;
  @Field(() => Int) count!: number;
  @Field(() => String, { description: 'RESTART, EXIT or FATAL' }) outcome!: string;
  @Field(() => Int, { nullable: true, description: 'The pid that exited' }) pid!: number | null;
  @Field(() => Int, { nullable: true, description: 'The pid started after the backoff (RESTART, once started)' }) newPid!: number | null;
  @Field(() => Int, { nullable: true, description: 'The delay before the restart, in milliseconds (RESTART)' }) backoffMs!: number | null;
}

@ObjectType('CronRun')
export class CronRunType {
  @Field(() => String) name!: string;
  @Field(() => DateTimeScalar) startedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int, { nullable: true }) exitCode!: number | null;
  @Field(() => String) status!: string;
  @Field(() => String, { nullable: true }) output!: string | null;
}
