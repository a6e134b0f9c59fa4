import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { AppError, forbidden, unauthenticated } from '../errors.js';
import { userOf, type GraphQLContext } from '../graphql/context.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { UserType } from '../users/user.type.js';
import { Allow } from './access.js';
import { ipAllowed } from './allow-list.js';
import { dummyPasswordHash, verifyPassword } from './password.js';

@ObjectType()
export class LoginResult {
  @Field(() => String, { description: 'Opaque bearer token: send as `Authorization: Bearer …` or in graphql-ws connectionParams' })
  token!: string;
  @Field(() => DateTimeScalar) expiresAt!: Date;
  @Field(() => UserType) user!: UserType;
}

const WRONG_CREDENTIALS = 'wrong username or password';

@Resolver()
export class AuthResolver {
  /**
   * Every attempt is audited with the client address. The throttle is checked here, per field,
   * so aliases cannot multiply attempts.
   */
  @Mutation(() => LoginResult)
  @Allow('PUBLIC', { audit: false })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LoginResult> {
    const { audit, throttle, users, sessions, orm } = ctx.services;
    const name = username.slice(0, 128);
    const fail = async (reason: string, error: AppError): Promise<never> => {
      await audit.record(orm.em.fork(), { actorType: 'ANONYMOUS', actor: name, ip: ctx.ip, action: 'login', args: { username: name }, outcome: 'FAILURE', reason });
      throw error;
    };
    const throttled = await throttle.check(ctx.em, name, ctx.ip);
    if (throttled) return fail(`throttled: ${throttled}`, new AppError('TOO_MANY_REQUESTS', throttled));
    const user = await users.findByName(ctx.em, name);
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      return fail('unknown user', unauthenticated(WRONG_CREDENTIALS));
    }
    if (!(await verifyPassword(user.passwordHash, password))) return fail('wrong password', unauthenticated(WRONG_CREDENTIALS));
    if (user.disabled) return fail('user is disabled', forbidden(`user ${user.username} is disabled`));
    if (!ipAllowed(user.allowList, ctx.ip)) return fail(`address ${ctx.ip} not in allow-list`, forbidden(`user ${user.username} may not connect from ${ctx.ip}`));
    const { token, session } = await sessions.create(ctx.em, user, ctx.ip, ctx.userAgent);
    await audit.record(orm.em.fork(), { actorType: 'USER', actor: user.username, ip: ctx.ip, action: 'login', args: { username: name }, outcome: 'SUCCESS' });
    return Object.assign(new LoginResult(), { token, expiresAt: session.expiresAt, user: UserType.from(user) });
  }

  @Mutation(() => Boolean, { description: 'Ends the current session and closes its sockets' })
  @Allow('VIEWER')
  async logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    const p = userOf(ctx);
    await ctx.services.sessions.revoke(ctx.em, p.sessionHash);
    ctx.services.connections.closeSession(p.sessionHash, 'signed out');
    return true;
  }
}
