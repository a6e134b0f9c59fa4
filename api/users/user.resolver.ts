import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/access.js';
import { userOf, type GraphQLContext } from '../graphql/context.js';
import { CreateUserInput, UpdateUserInput } from './user.input.js';
import { UserType } from './user.type.js';

/** The locked usernames, read once per operation however many users it returns. */
const lockedPerOperation = new WeakMap<GraphQLContext, Promise<Set<string>>>();

@Resolver(() => UserType)
export class UserResolver {
  @FieldResolver(() => Boolean, { description: 'Sign-ins are refused for now: too many failed sign-ins in the throttle window (unlockUser lifts it; so does the window passing)' })
  async locked(@Root() user: UserType, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    let locked = lockedPerOperation.get(ctx);
    if (!locked) lockedPerOperation.set(ctx, (locked = ctx.services.throttle.lockedUsernames()));
    return (await locked).has(user.username.slice(0, 128));
  }

  @Query(() => UserType, { description: 'The signed-in user' })
  @Allow('VIEWER')
  async me(@Ctx() ctx: GraphQLContext): Promise<UserType> {
    const p = userOf(ctx);
    return UserType.from(await ctx.services.users.get(ctx.em, p.username));
  }

  @Query(() => [UserType])
  @Allow('ADMIN')
  async users(@Ctx() ctx: GraphQLContext): Promise<UserType[]> {
    return (await ctx.services.users.list(ctx.em)).map((u) => UserType.from(u));
  }

  @Query(() => UserType, { nullable: true })
  @Allow('ADMIN')
  async user(@Arg('username', () => String) username: string, @Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    const u = await ctx.services.users.findByName(ctx.em, username);
    return u ? UserType.from(u) : null;
  }

  @Mutation(() => UserType)
  @Allow('ADMIN')
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext): Promise<UserType> {
    return UserType.from(await ctx.services.users.create(ctx.em, input));
  }

  @Mutation(() => UserType, { description: 'Changing role, password or allow-list, or disabling, ends the user’s sessions and closes their sockets at once' })
  @Allow('ADMIN')
  async updateUser(
    @Arg('username', () => String) username: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    const { user, sessionsEnded } = await ctx.services.users.update(ctx.em, username, input);
    if (sessionsEnded) {
      await ctx.services.sessions.revokeAllFor(ctx.em, user.id);
      ctx.services.connections.closeUser(user.id, 'user changed by an admin: sign in again');
    }
    return UserType.from(user);
  }

  @Mutation(() => UserType, { description: 'Deletes the user and ends their sessions' })
  @Allow('ADMIN')
  async deleteUser(@Arg('username', () => String) username: string, @Ctx() ctx: GraphQLContext): Promise<UserType> {
    const user = await ctx.services.users.delete(ctx.em, username);
    await ctx.services.sessions.revokeAllFor(ctx.em, user.id);
    ctx.services.connections.closeUser(user.id, 'user deleted');
    return UserType.from(user);
  }
}
