import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { UserRecord } from '../../db/entities/index.js';
import { Allow } from '../auth/access.js';
import { notFound } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { forgetLoginAttempts } from './account-recovery.js';
import { UserType } from './user.type.js';

@Resolver()
export class UserUnlockResolver {
  /**
   * Lifts a sign-in lockout (too many failed sign-ins) at once instead of after the window: the
   * user's recorded attempts are forgotten in the same transaction as this mutation's audit row.
   */
  @Mutation(() => UserType, { description: 'Lift the user’s sign-in lockout (failed sign-ins before now no longer count)' })
  @Allow('ADMIN')
  async unlockUser(@Arg('username', () => String) username: string, @Ctx() ctx: GraphQLContext): Promise<UserType> {
    const user = await ctx.em.findOne(UserRecord, { username });
    if (!user) throw notFound(`no user named "${username}"`);
    await forgetLoginAttempts(ctx.em, username);
    return UserType.from(user);
  }
}
