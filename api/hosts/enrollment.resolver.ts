import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/access.js';
import { badInput } from '../errors.js';
import { userOf, type GraphQLContext } from '../graphql/context.js';
import { CreateEnrollmentTokenInput, CreatedEnrollmentToken, EnrollmentTokenType } from './host.type.js';

@Resolver()
export class EnrollmentResolver {
  @Mutation(() => CreatedEnrollmentToken, { description: 'A token agents trade once for their own credential' })
  @Allow('ADMIN')
  async createEnrollmentToken(@Arg('input', () => CreateEnrollmentTokenInput) input: CreateEnrollmentTokenInput, @Ctx() ctx: GraphQLContext): Promise<CreatedEnrollmentToken> {
    const { token, record } = await ctx.services.enrollment.createToken(ctx.em, { ...input, createdBy: userOf(ctx).username });
    return { token, enrollmentToken: EnrollmentTokenType.from(record, ctx.services.now()) };
  }

  @Query(() => [EnrollmentTokenType])
  @Allow('ADMIN')
  async enrollmentTokens(@Ctx() ctx: GraphQLContext): Promise<EnrollmentTokenType[]> {
    const now = ctx.services.now();
    return (await ctx.services.enrollment.list(ctx.em)).map((r) => EnrollmentTokenType.from(r, now));
  }

  @Mutation(() => EnrollmentTokenType)
  @Allow('ADMIN')
  async revokeEnrollmentToken(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<EnrollmentTokenType> {
    if (!/^\d{1,9}$/.test(id)) throw badInput('id must be a token id as listed by enrollmentTokens');
    return EnrollmentTokenType.from(await ctx.services.enrollment.revoke(ctx.em, Number(id)), ctx.services.now());
  }
}
