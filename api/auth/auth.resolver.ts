import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { AppError, forbidden, unauthenticated } from '../errors.js';
import { userOf, type GraphQLContext } from '../graphql/context.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { UserType } from '../users/user.type.js';
import { recordRefusal, markAudited, runAudited } from '../audit/audited-unit.js';
import { Allow, auditDeps } from './access.js';
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
   * Every attempt is audited with the client address, through the audited unit: a session is
   * created only together with its SUCCESS row. The throttle reserves the attempt before the slow
   * password check, per field, so neither concurrency nor aliases multiply attempts.
   */
  @Mutation(() => LoginResult)
  @Allow('PUBLIC', { audit: 'SELF' })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LoginResult> {
    const { throttle, users, sessions } = ctx.services;
    const name = username.slice(0, 128);
    const entry = { actorType: 'ANONYMOUS' as const, actor: name, ip: ctx.ip, action: 'login', args: { username: name } };
    const fail = async (reason: string, error: AppError): Promise<never> => {
      await recordRefusal(auditDeps(ctx), { ...entry, outcome: 'FAILURE', reason });
      throw markAudited(error);
    };
    const slot = await throttle.reserve(name, ctx.ip);
    if (!slot.ok) return fail(`throttled: ${slot.message}`, new AppError('TOO_MANY_REQUESTS', slot.message));
    const user = await users.findByName(ctx.em, name);
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      return fail('unknown user', unauthenticated(WRONG_CREDENTIALS));
    }
    if (!(await verifyPassword(user.passwordHash, password))) return fail('wrong password', unauthenticated(WRONG_CREDENTIALS));
    // The password was right: this attempt does not count against the throttle.
    await slot.reservation.release();
    if (user.disabled) return fail('user is disabled', forbidden(`user ${user.username} is disabled`));
    if (!ipAllowed(user.allowList, ctx.ip)) return fail(`address ${ctx.ip} not in allow-list`, forbidden(`user ${user.username} may not connect from ${ctx.ip}`));
    return runAudited(auditDeps(ctx), ctx.em, { ...entry, actorType: 'USER', actor: user.username }, async (tx) => {
      const { token, session } = await sessions.create(tx, user, ctx.ip, ctx.userAgent);
      return Object.assign(new LoginResult(), { token, expiresAt: session.expiresAt, user: UserType.from(user) });
    });
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
