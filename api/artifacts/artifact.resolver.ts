import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/access.js';
import { badInput } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { clampFirst } from '../graphql/page.js';
import { toAppError } from './artifact-error.js';
import { assertLabel, MAX_NAME_CHARS } from './artifact-names.js';
import type { ArtifactService } from './artifact.service.js';
import { ArtifactConnection, ArtifactType, ArtifactVersionType, DeleteArtifactResult, VerifyReportType } from './artifact.type.js';

/** The GraphQL context once the server has an `artifacts` service. */
export interface ArtifactGraphQLContext extends GraphQLContext {
  readonly services: GraphQLContext['services'] & { readonly artifacts: ArtifactService };
}

@Resolver(() => ArtifactVersionType)
export class ArtifactResolver {
  @Query(() => ArtifactConnection, { description: 'Whitelisted artifacts by name, ascending; search is a case-insensitive substring of the name' })
  @Allow('VIEWER')
  async artifacts(
    @Ctx() ctx: ArtifactGraphQLContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ArtifactConnection> {
    if (search && search.length > MAX_NAME_CHARS) throw badInput(`search must be at most ${MAX_NAME_CHARS} characters`);
    if (after) guard(() => assertLabel('name', after));
    const page = await ctx.services.artifacts.list(ctx.em, { search: search ?? undefined, first: clampFirst(first), after: after ?? undefined });
    return {
      nodes: page.artifacts.map((a) => Object.assign(new ArtifactType(), { name: a.name, versions: a.versions.map((v) => ArtifactVersionType.from(v)) })),
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }

  @Query(() => ArtifactType, { nullable: true, description: 'One artifact with all its versions, newest first' })
  @Allow('VIEWER')
  async artifact(@Arg('name', () => String) name: string, @Ctx() ctx: ArtifactGraphQLContext): Promise<ArtifactType | null> {
    guard(() => assertLabel('name', name));
    const versions = await ctx.services.artifacts.versionsOf(ctx.em, name);
    return versions.length ? Object.assign(new ArtifactType(), { name, versions: versions.map((v) => ArtifactVersionType.from(v)) }) : null;
  }

  @FieldResolver(() => [String], { description: 'Manifests and jobs that reference this version; it cannot be deleted while any do' })
  async referencedBy(@Root() version: ArtifactVersionType, @Ctx() ctx: ArtifactGraphQLContext): Promise<string[]> {
    return [...(await ctx.services.artifacts.referencedBy(version))];
  }

  @Mutation(() => DeleteArtifactResult, { description: 'Deletes one version, or every version of the name when version is omitted (all or nothing); refused while referenced. A blob no other version uses is removed from the store.' })
  @Allow('OPERATOR')
  async deleteArtifact(
    @Arg('name', () => String) name: string,
    @Ctx() ctx: ArtifactGraphQLContext,
    @Arg('version', () => String, { nullable: true }) version?: string,
  ): Promise<DeleteArtifactResult> {
    guard(() => assertLabel('name', name));
    if (version) guard(() => assertLabel('version', version));
    return DeleteArtifactResult.from(await wrap(() => ctx.services.artifacts.delete(ctx.em, name, version ?? undefined)));
  }

  @Mutation(() => VerifyReportType, { description: 'Re-hashes every registered blob and reports missing, corrupt and orphaned ones (the original "regenerate MD5")' })
  @Allow('ADMIN')
  async verifyArtifacts(@Ctx() ctx: ArtifactGraphQLContext): Promise<VerifyReportType> {
    return VerifyReportType.from(await ctx.services.artifacts.verify(ctx.em));
  }
}

function guard(check: () => unknown): void {
  try {
    check();
  } catch (err) {
    throw toAppError(err);
  }
}

async function wrap<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toAppError(err);
  }
}
