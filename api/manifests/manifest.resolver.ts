import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { CronRunRecord, HostRecord, HostStateRecord, ManifestRevisionRecord, ProcessRestartRecord } from '../../db/entities/index.js';
import { compileTarget } from '../../manifests/index.js';
import { Allow } from '../auth/access.js';
import { badInput } from '../errors.js';
import { userOf, type GraphQLContext } from '../graphql/context.js';
import { clampFirst } from '../graphql/page.js';
import { JSONScalar } from '../graphql/scalars.js';
import { effectiveLabels } from '../hosts/host-view.js';
import { HostType } from '../hosts/host.type.js';
import { currentRevision, revisionView } from './manifest.service.js';
import { ApplyManifestsInput, ApplyResultType, CronRunType, DriftItemType, HostRolloutType, ManifestDocumentDiffType, ManifestRevisionConnection, ManifestRevisionType, ProcessRestartType, RolloutStatusType } from './manifest.type.js';
import { ROLLOUT_TOPIC } from '../reconciler/reconciler.js';

function rolloutView(host: HostRecord, s: HostStateRecord | undefined): HostRolloutType {
  return {
    host: host.name,
    online: host.online,
    status: s?.status ?? 'PENDING',
    revision: s?.revisionId ?? null,
    convergedRevision: s?.convergedRevisionId ?? null,
    drift: s?.drift ?? [],
    error: s?.error ?? null,
    observedAt: s?.observedAt ?? null,
    updatedAt: s?.updatedAt ?? host.enrolledAt,
  };
}

@Resolver()
export class ManifestResolver {
  @Mutation(() => ApplyResultType, { description: 'All or nothing: every error comes back with file:line:column and nothing is stored; a valid apply stores an immutable revision' })
  @Allow('OPERATOR')
  async applyManifests(@Arg('input', () => ApplyManifestsInput) input: ApplyManifestsInput, @Ctx() ctx: GraphQLContext): Promise<ApplyResultType> {
    const { result, revision } = await ctx.services.manifests.apply(ctx.em, input, { actor: userOf(ctx).username, now: ctx.services.now() });
    if (revision) await ctx.services.reconciler.markAll();
    return result;
  }

  @Mutation(() => ApplyResultType, { description: 'Re-applies an old revision as a new one' })
  @Allow('OPERATOR')
  async rollbackManifests(@Arg('revision', () => Int) revision: number, @Ctx() ctx: GraphQLContext): Promise<ApplyResultType> {
    const { result, revision: stored } = await ctx.services.manifests.rollback(ctx.em, revision, { actor: userOf(ctx).username, now: ctx.services.now() });
    if (stored) await ctx.services.reconciler.markAll();
    return result;
  }

  @Query(() => ManifestRevisionConnection, { description: 'Newest first' })
  @Allow('VIEWER')
  async manifestRevisions(@Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true }) first?: number, @Arg('after', () => String, { nullable: true }) after?: string): Promise<ManifestRevisionConnection> {
    if (after && !/^\d{1,9}$/.test(after)) throw badInput('after must be an endCursor');
    const limit = clampFirst(first);
    const current = await currentRevision(ctx.em);
    const rows = await ctx.em.find(ManifestRevisionRecord, after ? { id: { $lt: Number(after) } } : {}, { orderBy: { id: 'desc' }, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return { nodes: page.map((r) => revisionView(r, current?.id)), pageInfo: { endCursor: page.at(-1) ? String(page.at(-1)!.id) : null, hasNextPage: rows.length > limit } };
  }

  @Query(() => ManifestRevisionType, { nullable: true, description: 'A revision; without id, the one in force' })
  @Allow('VIEWER')
  async manifestRevision(@Ctx() ctx: GraphQLContext, @Arg('id', () => Int, { nullable: true }) id?: number): Promise<ManifestRevisionType | null> {
    const current = await currentRevision(ctx.em);
    const r = id ? await ctx.em.findOne(ManifestRevisionRecord, { id }) : current;
    return r ? revisionView(r, current?.id) : null;
  }

  @Query(() => [ManifestDocumentDiffType], { description: 'Documents added, removed or changed between two revisions' })
  @Allow('VIEWER')
  manifestDiff(@Arg('from', () => Int) from: number, @Arg('to', () => Int) to: number, @Ctx() ctx: GraphQLContext): Promise<ManifestDocumentDiffType[]> {
    return ctx.services.manifests.diff(ctx.em, from, to);
  }

  @Query(() => RolloutStatusType, { description: 'Per host: converged, drifted (with reasons), pending or failed' })
  @Allow('VIEWER')
  async rolloutStatus(@Ctx() ctx: GraphQLContext, @Arg('selector', () => String, { nullable: true }) selector?: string): Promise<RolloutStatusType> {
    let match: ((h: { name: string; labels: Record<string, string> }) => boolean) | undefined;
    try {
      match = selector ? compileTarget({ selector }) : undefined;
    } catch (err) {
      throw badInput(err instanceof Error ? err.message : String(err));
    }
    const hosts = (await ctx.em.find(HostRecord, { revokedAt: null }, { orderBy: { name: 'asc' } })).filter((h) => !match || match({ name: h.name, labels: effectiveLabels(h) }));
    const states = new Map((await ctx.em.find(HostStateRecord, { hostId: { $in: hosts.map((h) => h.id) } })).map((s) => [s.hostId, s]));
    const rows = hosts.map((h) => rolloutView(h, states.get(h.id)));
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    return { revision: (await currentRevision(ctx.em))?.id ?? null, converged: count('CONVERGED'), drifted: count('DRIFTED'), pending: count('PENDING'), failed: count('FAILED'), hosts: rows };
  }

  @Subscription(() => HostRolloutType, { topics: ROLLOUT_TOPIC, description: 'A host’s rollout row whenever it changes' })
  @Allow('VIEWER')
  rolloutProgressed(@Root() row: HostRolloutType): HostRolloutType {
    return row;
  }
}

@Resolver(() => HostType)
export class HostStateResolver {
  @FieldResolver(() => JSONScalar, { nullable: true, description: 'What the manifests declare for this host' })
  async desiredState(@Root() host: HostType, @Ctx() ctx: GraphQLContext): Promise<unknown> {
    return (await ctx.em.findOne(HostStateRecord, { hostId: host.hostId }))?.desired ?? null;
  }

  @FieldResolver(() => JSONScalar, { nullable: true, description: 'What the agent last reported' })
  async observedState(@Root() host: HostType, @Ctx() ctx: GraphQLContext): Promise<unknown> {
    return (await ctx.em.findOne(HostStateRecord, { hostId: host.hostId }))?.observed ?? null;
  }

  @FieldResolver(() => [DriftItemType])
  async drift(@Root() host: HostType, @Ctx() ctx: GraphQLContext): Promise<DriftItemType[]> {
    return (await ctx.em.findOne(HostStateRecord, { hostId: host.hostId }))?.drift ?? [];
  }

  @FieldResolver(() => [ProcessRestartType], { description: 'Guarded-process restarts, newest first' })
  async restarts(@Root() host: HostType, @Ctx() ctx: GraphQLContext, @Arg('process', () => String, { nullable: true }) process?: string, @Arg('first', () => Int, { nullable: true }) first?: number): Promise<ProcessRestartType[]> {
    const rows = await ctx.em.find(ProcessRestartRecord, { hostId: host.hostId, ...(process ? { process } : {}) }, { orderBy: { id: 'desc' }, limit: clampFirst(first) });
    return rows.map((r) => ({ process: r.process, at: r.at, exitCode: r.exitCode ?? null, signal: r.signal ?? null, count: r.count, outcome: r.outcome }));
  }

  @FieldResolver(() => [CronRunType], { description: 'Cron entry runs, newest first' })
  async cronRuns(@Root() host: HostType, @Ctx() ctx: GraphQLContext, @Arg('name', () => String, { nullable: true }) name?: string, @Arg('first', () => Int, { nullable: true }) first?: number): Promise<CronRunType[]> {
    const rows = await ctx.em.find(CronRunRecord, { hostId: host.hostId, ...(name ? { name } : {}) }, { orderBy: { id: 'desc' }, limit: clampFirst(first) });
    return rows.map((r) => ({ name: r.name, startedAt: r.startedAt, finishedAt: r.finishedAt ?? null, exitCode: r.exitCode ?? null, status: r.status, output: r.output ?? null }));
  }
}
