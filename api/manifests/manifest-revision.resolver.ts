import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { ManifestRevisionRecord } from '../../db/entities/index.js';
import type { GraphQLContext } from '../graphql/context.js';
import { revisionDocuments } from './manifest.service.js';
import { ManifestRevisionType } from './manifest.type.js';
import { documentsYaml } from './revision-yaml.js';

@ObjectType('ManifestFile', { description: 'One YAML file as it was applied' })
export class ManifestFileType {
  @Field(() => String) path!: string;
  @Field(() => String) content!: string;
}

/**
 * A revision's texts, read only when asked (lists do not carry them): the files as applied
 * (errors and `ioms get` point into these) and the documents in force as one canonical YAML.
 */
@Resolver(() => ManifestRevisionType)
export class ManifestRevisionFieldsResolver {
  @FieldResolver(() => [ManifestFileType], { description: 'The YAML files of the apply that stored this revision, as sent' })
  async files(@Root() revision: ManifestRevisionType, @Ctx() ctx: GraphQLContext): Promise<ManifestFileType[]> {
    const r = await ctx.em.findOne(ManifestRevisionRecord, { id: revision.id });
    return (r?.files ?? []).map((f) => ({ path: f.file, content: f.text }));
  }

  @FieldResolver(() => String, { description: 'Every document in force at this revision as one YAML text, sorted by kind and name (what two revisions are diffed on)' })
  async documentsYaml(@Root() revision: ManifestRevisionType, @Ctx() ctx: GraphQLContext): Promise<string> {
    return documentsYaml(revisionDocuments(await ctx.em.findOne(ManifestRevisionRecord, { id: revision.id })));
  }
}
