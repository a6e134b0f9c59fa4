import { Extensions, type MiddlewareFn } from 'type-graphql';
import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { Role } from '../../db/entities/index.js';
import { forbidden, unauthenticated, type AppError } from '../errors.js';
import { actorOf, type GraphQLContext } from '../graphql/context.js';
import { describeAuthFailure, roleAtLeast, type AuthResult } from './principal.js';

/**
 * Who may call a root field: anyone (`PUBLIC`), a signed-in user with at least this role, or an
 * authenticated agent (`AGENT`, for its own host only). Fields without a rule are refused:
 * authorization is deny-by-default.
 */
export type AccessRule = 'PUBLIC' | 'AGENT' | Role;

export interface AccessExtension {
  readonly access: AccessRule;
  /** Mutations are audited by the guard unless the resolver audits itself (login). @default true */
  readonly audit: boolean;
}

/** Declares the access rule of a Query, Mutation or Subscription field. */
export function Allow(access: AccessRule, opts: { audit?: boolean } = {}): MethodDecorator {
  return Extensions({ access, audit: opts.audit ?? true } satisfies AccessExtension) as MethodDecorator;
}

export function accessOf(field: GraphQLField<unknown, unknown>): AccessExtension | undefined {
  const ext = field.extensions as Partial<AccessExtension> | undefined;
  return ext?.access ? { access: ext.access, audit: ext.audit ?? true } : undefined;
}

/** The refusal for `auth` calling a field with `rule`, or undefined when allowed. */
export function refusal(rule: AccessExtension | undefined, auth: AuthResult): AppError | undefined {
  if (!rule) return forbidden('this field has no access rule and is refused');
  if (rule.access === 'PUBLIC') return undefined;
  if (!auth.ok) {
    const f = auth.failure;
    return f.code === 'DISABLED' || f.code === 'IP_NOT_ALLOWED' || f.code === 'HOST_REVOKED' ? forbidden(describeAuthFailure(f)) : unauthenticated(describeAuthFailure(f));
  }
  const p = auth.principal;
  if (rule.access === 'AGENT') return p.kind === 'agent' ? undefined : forbidden('only agents may call this field');
  if (p.kind !== 'user') return forbidden(`agents may not call this field (it needs role ${rule.access})`);
  if (!roleAtLeast(p.role, rule.access)) return forbidden(`requires role ${rule.access} or higher; ${p.username} is ${p.role}`);
  return undefined;
}

export function rootTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t): t is GraphQLObjectType => Boolean(t));
}

/** Best guess at what a mutation acts on, for the audit row's target column. */
function targetOf(args: Record<string, unknown>): string | undefined {
  for (const key of ['username', 'name', 'id', 'host']) {
    const v = args[key] ?? (args.input as Record<string, unknown> | undefined)?.[key];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return undefined;
}

/**
 * Global middleware: enforces the access rule on every root field and audits every mutation
 * (refused, failed or done). Nested fields pass straight through.
 */
export const accessGuard: MiddlewareFn<GraphQLContext> = async ({ context, info, args }, next) => {
  const schema = info.schema;
  const parent = info.parentType;
  const isMutation = parent === schema.getMutationType();
  if (parent !== schema.getQueryType() && !isMutation && parent !== schema.getSubscriptionType()) return next();
  const field = parent.getFields()[info.fieldName];
  const rule = field ? accessOf(field) : undefined;
  const denied = refusal(rule, context.auth);
  const audit = async (outcome: 'SUCCESS' | 'FAILURE' | 'DENIED', reason?: string): Promise<void> => {
    const em = context.services.orm.em.fork();
    await context.services.audit.record(em, { ...actorOf(context), action: info.fieldName, target: targetOf(args), args, outcome, reason });
  };
  if (denied) {
    if (isMutation) await audit('DENIED', denied.message);
    throw denied;
  }
  if (!isMutation || rule?.audit === false) return next();
  try {
    const result: unknown = await next();
    await audit('SUCCESS');
    return result;
  } catch (err) {
    await audit('FAILURE', err instanceof Error ? err.message : String(err));
    throw err;
  }
};
