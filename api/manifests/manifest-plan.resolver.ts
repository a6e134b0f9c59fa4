import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/access.js';
import { actorOf, userOf, type GraphQLContext } from '../graphql/context.js';
import { ApplyManifestsInput, ApplyResultType } from './manifest.type.js';

/**
 * `ioms diff` and `ioms apply --dry-run`: what applying these documents would change, as a read.
 * Viewers may ask (it changes nothing); each plan is audited as `planManifests`, so the audit
 * trail never shows a dry run as an apply.
 */
@Resolver()
export class ManifestPlanResolver {
  @Query(() => ApplyResultType, { description: 'What applyManifests would do with these documents, storing nothing (every error with file:line:column, the per-host plan)' })
  @Allow('VIEWER')
  async planManifests(@Arg('input', () => ApplyManifestsInput) input: ApplyManifestsInput, @Ctx() ctx: GraphQLContext): Promise<ApplyResultType> {
    const { result } = await ctx.services.manifests.apply(ctx.em, { ...input, dryRun: true }, { actor: userOf(ctx).username, now: ctx.services.now() });
    await ctx.services.audit.record(ctx.services.orm.em.fork(), {
      ...actorOf(ctx),
      action: 'planManifests',
      args: { files: input.files.map((f) => f.path), ...(input.message ? { message: input.message } : {}) },
      outcome: result.errors.length ? 'FAILURE' : 'SUCCESS',
      ...(result.errors.length ? { reason: `${result.errors.length} manifest error(s)` } : {}),
    });
    return result;
  }
}
