import {
  createSourceEventStream,
  execute,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  subscribe,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLLeafType,
  type GraphQLSchema,
} from 'graphql';
import { accessOf, refusal } from '../auth/access.js';
import type { GraphQLContext } from '../graphql/context.js';
import { MappedStream } from './mapped-stream.js';

/**
 * Subscriptions whose events are sent without a GraphQL execute each. A dashboard watching a
 * broadcast to 10,000 hosts receives two or three `jobProgressed` events per host; a full execute
 * of each (the root resolver with its access middleware, then result completion of every field)
 * was about a tenth of the server's CPU in a fan-out.
 *
 * Narrow like the agent's fast path (agent-fast-path.ts): only a root field named here, whose
 * resolver returns the event as it is and whose event type's fields are the event's own properties
 * (type-graphql's plain field resolvers; the global guard lets nested fields through — pinned by
 * test/server/leaf-subscriptions.test.ts, which compares every field with a normal execute), and only a document that is exactly that field (an alias
 * allowed, its arguments as the schema takes them) selecting leaf fields of the event's type — no
 * fragment, directive, argument or `__typename`. The source stream is the field's own
 * (`createSourceEventStream`: the same argument coercion and `subscribe` resolver, so the same
 * `afterSeq` catch-up, ordering and paging); the access rule is checked once at subscribe time,
 * as the socket's `onSubscribe` already did (a revoked session closes the socket,
 * api/server/connections.ts). Each event's fields are then serialized by their own scalar or enum
 * types, exactly what completion would produce; an event that does not fit (a null in a non-null
 * field, a value its type refuses) is executed the normal way, so its errors read the same.
 */
export const LEAF_SUBSCRIPTION_FIELDS = ['jobProgressed'] as const;

interface Leaf {
  readonly key: string;
  readonly name: string;
  readonly type: GraphQLLeafType;
  readonly nonNull: boolean;
}

interface Plan {
  readonly field: string;
  readonly key: string;
  readonly leaves: readonly Leaf[];
}

export class LeafSubscriptions {
  private readonly known = new WeakMap<DocumentNode, Plan | null>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fields: readonly string[] = LEAF_SUBSCRIPTION_FIELDS,
  ) {}

  /** graphql-ws's `subscribe` (or the fallback of another fast path). */
  subscribe = async (args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const plan = this.plan(args.document);
    const ctx = args.contextValue as GraphQLContext | undefined;
    if (!plan || !this.admits(ctx, plan.field)) return subscribe(args);
    const source = await createSourceEventStream(args);
    if (!isAsyncIterableObject(source)) return source;
    return new MappedStream(source[Symbol.asyncIterator](), async (event) => serializeLeaves(plan, event) ?? (await execute({ ...args, rootValue: event })));
  };

  /** The field's access rule, as the guard checks it; a refusal takes the normal path (which says so). */
  private admits(ctx: GraphQLContext | undefined, field: string): boolean {
    const def = this.schema.getSubscriptionType()?.getFields()[field];
    return def !== undefined && ctx?.auth !== undefined && refusal(accessOf(def), ctx.auth) === undefined;
  }

  private plan(document: DocumentNode): Plan | null {
    let plan = this.known.get(document);
    if (plan === undefined) {
      plan = planDocument(this.schema, document, this.fields);
      this.known.set(document, plan);
    }
    return plan;
  }
}

/** Pure: the leaves to serialize per event, or null when the document is not one this path takes. */
export function planDocument(schema: GraphQLSchema, document: DocumentNode, fields: readonly string[] = LEAF_SUBSCRIPTION_FIELDS): Plan | null {
  if (document.definitions.length !== 1) return null;
  const def = document.definitions[0]!;
  if (def.kind !== Kind.OPERATION_DEFINITION || def.operation !== 'subscription' || (def.directives?.length ?? 0) > 0) return null;
  const sels = def.selectionSet.selections;
  const root = sels.length === 1 && sels[0]!.kind === Kind.FIELD ? sels[0] : undefined;
  if (!root || !fields.includes(root.name.value) || (root.directives?.length ?? 0) > 0 || !root.selectionSet) return null;
  const fieldDef = schema.getSubscriptionType()?.getFields()[root.name.value];
  const eventType = fieldDef ? getNamedType(fieldDef.type) : undefined;
  if (!fieldDef || !isObjectType(eventType) || isListType(isNonNullType(fieldDef.type) ? fieldDef.type.ofType : fieldDef.type)) return null;
  const leaves: Leaf[] = [];
  for (const sel of root.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD || sel.selectionSet || (sel.arguments?.length ?? 0) > 0 || (sel.directives?.length ?? 0) > 0) return null;
    const f = eventType.getFields()[sel.name.value];
    if (!f || (f.args?.length ?? 0) > 0) return null;
    const t = f.type;
    const nonNull = isNonNullType(t);
    const inner = isNonNullType(t) ? t.ofType : t;
    if (!isLeafType(inner)) return null;
    leaves.push({ key: sel.alias?.value ?? sel.name.value, name: sel.name.value, type: inner, nonNull });
  }
  return { field: root.name.value, key: root.alias?.value ?? root.name.value, leaves };
}

/** What one event becomes, or undefined when it must go through execute. */
export function serializeLeaves(plan: Plan, event: unknown): ExecutionResult | undefined {
  if (event === null || typeof event !== 'object') return undefined;
  const source = event as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const leaf of plan.leaves) {
    const value = source[leaf.name];
    if (typeof value === 'function') return undefined;
    if (value === null || value === undefined) {
      if (leaf.nonNull) return undefined;
      out[leaf.key] = null;
      continue;
    }
    let serialized: unknown;
    try {
      serialized = leaf.type.serialize(value);
    } catch {
      return undefined;
    }
    if (serialized === undefined || (serialized === null && leaf.nonNull)) return undefined;
    out[leaf.key] = serialized;
  }
  return { data: { [plan.key]: out } };
}

function isAsyncIterableObject(v: unknown): v is AsyncIterable<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}
