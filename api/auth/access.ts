import { Extensions, type MiddlewareFn } from 'type-graphql';
import type { GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { Role } from '../../db/entities/index.js';
import { badInput, forbidden, unauthenticated, type AppError } from '../errors.js';
import { defaultOutcomeOf, recordRefusal, runAudited, wasAudited, type AuditedUnitDeps } from '../audit/audited-unit.js';
import { clean, cleanArgs, findUnsafeText } from './unsafe-text.js';
import { actorOf, type GraphQLContext } from '../graphql/context.js';
import { describeAuthFailure, roleAtLeast, type AuthResult } from './principal.js';

/**
 * Who may call a root field: anyone (`PUBLIC`), a signed-in user with at least this role, or an
 * authenticated agent (`AGENT`, for its own host only). Fields without a rule are refused:
 * authorization is deny-by-default.
 */
export type AccessRule = 'PUBLIC' | 'AGENT' | Role;

/**
 * How a mutation is audited (see api/audit/audited-unit.ts; every one fails closed):
 * - `GUARD`: the guard runs the resolver in a transaction with its audit row.
 * - `SELF`: the resolver calls `runAudited` / `recordRefusal` itself because it must do work
 *   outside the transaction first (login reserves a throttle slot and verifies the password)
 *   or knows the actor better (enrollAgent).
 * - `REPORT`: an agent's telemetry (heartbeats, metrics, results): not an operator's change and
 *   far too frequent to audit one by one; refused reports are audited, sampled per burst.
 */
export const AUDIT_MODES = ['GUARD', 'SELF', 'REPORT'] as const;
export type AuditMode = (typeof AUDIT_MODES)[number];

export interface AccessExtension {
  readonly access: AccessRule;
  /** @default 'GUARD' */
  readonly audit: AuditMode;
}

/** Declares the access rule of a Query, Mutation or Subscription field. */
export function Allow(access: AccessRule, opts: { audit?: AuditMode } = {}): MethodDecorator {
  return Extensions({ access, audit: opts.audit ?? 'GUARD' } satisfies AccessExtension) as MethodDecorator;
}

export function accessOf(field: GraphQLField<unknown, unknown>): AccessExtension | undefined {
  const ext = field.extensions as Partial<AccessExtension> | undefined;
  return ext?.access ? { access: ext.access, audit: ext.audit ?? 'GUARD' } : undefined;
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

/** The audit-unit dependencies of a GraphQL operation. */
export function auditDeps(ctx: GraphQLContext): AuditedUnitDeps {
  return { audit: ctx.services.audit, fork: () => ctx.services.orm.em.fork() };
}

/**
 * Global middleware: enforces the access rule on every root field; refuses NUL bytes and
 * unpaired surrogates in any argument; runs every `GUARD` mutation in one transaction with its
 * audit row (see api/audit/audited-unit.ts) and audits every refused mutation. Nested fields pass
 * straight through.
 */
export const accessGuard: MiddlewareFn<GraphQLContext> = async ({ context, info, args }, next) => {
  const schema = info.schema;
  const parent = info.parentType;
  const isMutation = parent === schema.getMutationType();
  if (parent !== schema.getQueryType() && !isMutation && parent !== schema.getSubscriptionType()) return next();
  const field = parent.getFields()[info.fieldName];
  const rule = field ? accessOf(field) : undefined;
  const entry = { ...actorOf(context), action: info.fieldName, target: clean(targetOf(args)), args: cleanArgs(args) };
  const denied = refusal(rule, context.auth) ?? unsafeArgument(args);
  if (denied) {
    // Queries with bad text are audited too: a NUL byte in a search is somebody probing.
    if (isMutation || denied.extensions.code === 'BAD_USER_INPUT') await recordRefusal(auditDeps(context), { ...entry, outcome: denied.extensions.code === 'BAD_USER_INPUT' ? 'FAILURE' : 'DENIED', reason: denied.message });
    throw denied;
  }
  if (!isMutation || rule?.audit === 'REPORT') return next();
  if (rule?.audit === 'SELF') {
    try {
      return await next();
    } catch (err) {
      if (!wasAudited(err)) await recordRefusal(auditDeps(context), { ...entry, outcome: defaultOutcomeOf(err), reason: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }
  const ctx = context as { em: GraphQLContext['em'] };
  const outer = ctx.em;
  try {
    return await runAudited(auditDeps(context), outer, entry, async (tx) => {
      // The resolver reads `ctx.em`: inside the unit it is the transaction.
      ctx.em = tx;
      return next();
    });
  } finally {
    ctx.em = outer;
  }
};

/** The first argument string with a NUL byte or an unpaired UTF-16 surrogate, as a refusal. */
function unsafeArgument(args: Record<string, unknown>): AppError | undefined {
  const problem = findUnsafeText(args);
  return problem ? badInput(`argument ${problem.path} ${problem.why}; it was refused`, { argument: problem.path }) : undefined;
}
