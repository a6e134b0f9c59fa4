import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { JobRecord, JobTargetRecord, TargetStatus } from '../../db/entities/index.js';
import { Allow } from '../auth/access.js';
import { badInput } from '../errors.js';
import { userOf, type GraphQLContext } from '../graphql/context.js';
import { clampFirst } from '../graphql/page.js';
import type { JobStatus } from '../../db/entities/index.js';
import { jobProgress } from './job-progress.js';
import { HostType } from '../hosts/host.type.js';
import { HostJobResultType, JobConnection, JobCounts, JobEventType, JobStatusEnum, JobTargetType, JobType, RunCommandInput, TargetStatusEnum } from './job.type.js';

function jobId(id: string): number {
  if (!/^\d{1,15}$/.test(id)) throw badInput(`"${id}" is not a job id`);
  return Number(id);
}

export function jobView(j: JobRecord): JobType {
  return Object.assign(new JobType(), {
    id: String(j.id),
    jobId: j.id,
    kind: j.kind,
    command: j.command,
    status: j.status,
    selector: j.selector ?? null,
    hosts: j.hostPatterns,
    batchSize: j.batchSize,
    maxFailures: j.maxFailures ?? null,
    timeoutSeconds: j.timeoutSeconds,
    queueForSeconds: j.queueForSeconds,
    createdBy: j.createdBy,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt ?? null,
    lastSeq: j.lastSeq,
  });
}

function targetView(t: JobTargetRecord): JobTargetType {
  return {
    host: t.hostName,
    status: t.status,
    exitCode: t.exitCode ?? null,
    signal: t.signal ?? null,
    stdout: t.stdout ?? null,
    stderr: t.stderr ?? null,
    stdoutTruncated: t.stdoutTruncated,
    stderrTruncated: t.stderrTruncated,
    sentAt: t.sentAt ?? null,
    startedAt: t.startedAt ?? null,
    finishedAt: t.finishedAt ?? null,
    durationMs: t.durationMs ?? null,
    error: t.error ?? null,
    attempts: t.attempts,
  };
}

@Resolver(() => JobType)
export class JobResolver {
  @Mutation(() => JobType, { description: 'Sends a command to hosts; the job, its targets and the audit row are written before anything is sent' })
  @Allow('OPERATOR', { audit: 'SELF' })
  async runCommand(@Arg('input', () => RunCommandInput) input: RunCommandInput, @Ctx() ctx: GraphQLContext): Promise<JobType> {
    const job = await ctx.services.jobs.submit(ctx.em, input, { username: userOf(ctx).username, ip: ctx.ip });
    return jobView(job);
  }

  @Mutation(() => JobType, { description: 'Targets not yet sent end CANCELLED; running ones finish and are recorded' })
  @Allow('OPERATOR')
  async cancelJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<JobType> {
    return jobView(await ctx.services.jobs.cancel(ctx.em, jobId(id), { username: userOf(ctx).username, ip: ctx.ip }));
  }

  @Mutation(() => JobType, { description: 'Stops sending to more hosts until resumed' })
  @Allow('OPERATOR')
  async pauseJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<JobType> {
    return jobView(await ctx.services.jobs.pause(ctx.em, jobId(id), { username: userOf(ctx).username, ip: ctx.ip }));
  }

  @Mutation(() => JobType)
  @Allow('OPERATOR')
  async resumeJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<JobType> {
    return jobView(await ctx.services.jobs.resume(ctx.em, jobId(id), { username: userOf(ctx).username, ip: ctx.ip }));
  }

  @Query(() => JobConnection, { description: 'Newest first' })
  @Allow('VIEWER')
  async jobs(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => JobStatusEnum, { nullable: true }) status?: JobStatus,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<JobConnection> {
    const limit = clampFirst(first);
    const rows = await ctx.services.jobs.list(ctx.em, status ?? undefined, limit + 1, after ? jobId(after) : undefined);
    const page = rows.slice(0, limit);
    return { nodes: page.map(jobView), pageInfo: { endCursor: page.at(-1) ? String(page.at(-1)!.id) : null, hasNextPage: rows.length > limit } };
  }

  @Query(() => JobType, { nullable: true })
  @Allow('VIEWER')
  async job(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<JobType | null> {
    const row = await ctx.services.jobs.find(ctx.em, jobId(id));
    return row ? jobView(row) : null;
  }

  @FieldResolver(() => JobCounts)
  counts(@Root() job: JobType, @Ctx() ctx: GraphQLContext): Promise<JobCounts> {
    return ctx.services.jobs.counts(ctx.em, job.jobId);
  }

  @FieldResolver(() => [JobTargetType], { description: 'Per-host results, by host name' })
  async targets(@Root() job: JobType, @Ctx() ctx: GraphQLContext, @Arg('status', () => TargetStatusEnum, { nullable: true }) status?: TargetStatus): Promise<JobTargetType[]> {
    return (await ctx.services.jobs.targets(ctx.em, job.jobId, status ?? undefined)).map(targetView);
  }

  @Subscription(() => JobEventType, {
    description: 'Per-host status changes and output of a job; pass the last seq you saw to resume without gaps or duplicates',
    subscribe: ({ args, context }) => jobProgress((context as GraphQLContext).services, jobId(String(args.jobId)), Number(args.afterSeq ?? 0)),
  })
  @Allow('VIEWER')
  jobProgressed(@Root() event: JobEventType, @Arg('jobId', () => ID) _jobId: string, @Arg('afterSeq', () => Int, { nullable: true }) _afterSeq?: number): JobEventType {
    return event;
  }
}

/** A host's command history: its job targets, newest first. */
@Resolver(() => HostType)
export class HostJobsResolver {
  @FieldResolver(() => [HostJobResultType], { description: 'This host’s results of recent jobs, newest first' })
  async jobResults(@Root() host: HostType, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number): Promise<HostJobResultType[]> {
    const rows = await ctx.services.jobs.hostHistory(ctx.em, host.hostId, clampFirst(first, 20));
    return rows.map((t) => ({ ...targetView(t), jobId: String(t.jobId) }));
  }
}
