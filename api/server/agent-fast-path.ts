import { execute, Kind, locatedError, subscribe, type DocumentNode, type ExecutionArgs, type ExecutionResult, type FieldNode, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { accessOf, refusal } from '../auth/access.js';
import type { AuthResult } from '../auth/principal.js';
import { findUnsafeText } from '../auth/unsafe-text.js';
import type { GraphQLContext } from '../graphql/context.js';
import { agentInstructionStream, AGENT_REPORTS } from '../hosts/agent-report-handlers.js';
import { storeObservedState } from '../manifests/agent-state.resolver.js';
import { MappedStream } from './mapped-stream.js';

/**
 * The agent's hot operations answered on the socket without a GraphQL execute. Every target of
 * a fan-out costs three socket operations (its instruction, `reportCommandStarted`,
 * `reportCommandResult`) and every agent a heartbeat each 15 s; a full execute (resolver
 * wrappers, middleware, result completion) for each was the largest CPU cost left on the path.
 *
 * Safe because it is narrow: only a document that is exactly one of these operations — one
 * root field of the table below, its one String argument, no alias, directive or fragment; for
 * the subscription only the leaf fields `id kind payload` — takes it, and only after the same
 * checks the access guard makes (the field's rule, the argument's text) pass. Anything else,
 * including every refusal, goes through the normal execute, which audits it. The work itself
 * is the resolvers' (api/hosts/agent-report-handlers.ts), with the zod validation of
 * protocol/ inside it; the socket's budget was charged in `onSubscribe` as for any operation.
 */
const REPORTS: Readonly<Record<string, { readonly arg: string; readonly intArg?: string; readonly run: (ctx: GraphQLContext, value: string, int?: number) => Promise<boolean> }>> = {
  reportHeartbeat: { arg: 'report', run: AGENT_REPORTS.reportHeartbeat },
  reportMetrics: { arg: 'report', run: AGENT_REPORTS.reportMetrics },
  reportInventory: { arg: 'report', run: AGENT_REPORTS.reportInventory },
  reportCommandStarted: { arg: 'id', intArg: 'attempt', run: AGENT_REPORTS.reportCommandStarted },
  reportCommandResult: { arg: 'report', run: AGENT_REPORTS.reportCommandResult },
  reportObservedState: { arg: 'report', run: storeObservedState },
};
const INSTRUCTION_FIELDS = new Set(['id', 'kind', 'payload']);

type FastOperation =
  | { readonly kind: 'report'; readonly field: FieldNode; readonly name: string; readonly value: (variables: Readonly<Record<string, unknown>> | null | undefined) => unknown; readonly int?: (variables: Readonly<Record<string, unknown>> | null | undefined) => unknown }
  | { readonly kind: 'instructions'; readonly fields: readonly string[] }
  | { readonly kind: 'none' };

/** What a (validated) document is, remembered per document object (the document cache hands out the same one). */
export class AgentFastPath {
  private readonly known = new WeakMap<DocumentNode, FastOperation>();

  constructor(
    private readonly schema: GraphQLSchema,
    /** Where every other subscription goes (e.g. leaf-subscriptions.ts); graphql's own by default. */
    private readonly otherSubscribe: (args: ExecutionArgs) => Promise<AsyncIterable<ExecutionResult> | ExecutionResult> = subscribe,
  ) {}

  /** graphql-ws's `execute`. */
  execute = async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const ctx = args.contextValue as GraphQLContext;
    const call = this.reportCall(args.document, args.variableValues, ctx?.auth);
    return call ? call.run(ctx) : execute(args);
  };

  /**
   * The report a (validated) document and its variables make, when it is exactly one of the
   * fast operations, `auth` may make it and its arguments are what GraphQL would accept
   * unchanged; otherwise undefined (the normal execute answers, or refuses and audits). Used by
   * {@link execute} and by the socket lane (agent-lane.ts), which answers without graphql-ws.
   */
  reportCall(document: DocumentNode, variables: Readonly<Record<string, unknown>> | null | undefined, auth: AuthResult | undefined): ReportCall | undefined {
    const op = this.classify(document);
    if (op.kind !== 'report' || !this.admits(auth, op.name)) return undefined;
    const value = op.value(variables);
    // Not a string (the variable's coercion error) or unsafe text (refused and audited): the normal path says so.
    if (typeof value !== 'string' || findUnsafeText({ [REPORTS[op.name]!.arg]: value })) return undefined;
    // The optional Int (an attempt): absent, or a 32-bit integer as GraphQL would coerce it.
    const int = op.int?.(variables) ?? undefined;
    if (int !== undefined && !(Number.isInteger(int) && Math.abs(int as number) <= 2 ** 31 - 1)) return undefined;
    return new ReportCall(op.field, op.name, value, int as number | undefined);
  }

  /** graphql-ws's `subscribe`. */
  subscribe = async (args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const op = this.classify(args.document);
    const ctx = args.contextValue as GraphQLContext;
    if (op.kind !== 'instructions' || !this.admits(ctx?.auth, 'agentInstructions')) return this.otherSubscribe(args);
    const fields = op.fields;
    return new MappedStream(agentInstructionStream(ctx)[Symbol.asyncIterator](), (event) => ({ data: { agentInstructions: instructionView(fields, event) } }));
  };

  /**
   * The fields a (validated) document selects when it is exactly the agent's instruction stream
   * and `auth` may open it; otherwise undefined. For the push (agent-lane.ts).
   */
  instructionFields(document: DocumentNode, auth: AuthResult | undefined): readonly string[] | undefined {
    const op = this.classify(document);
    return op.kind === 'instructions' && this.admits(auth, 'agentInstructions') ? op.fields : undefined;
  }

  /** The access guard's rule check, without its audit: a refusal takes the normal path. */
  private admits(auth: AuthResult | undefined, field: string): boolean {
    if (!auth?.ok || auth.principal.kind !== 'agent') return false;
    const type = field === 'agentInstructions' ? this.schema.getSubscriptionType() : this.schema.getMutationType();
    const def = type?.getFields()[field];
    return def !== undefined && refusal(accessOf(def), auth) === undefined;
  }

  private classify(document: DocumentNode): FastOperation {
    let op = this.known.get(document);
    if (!op) {
      op = classifyDocument(document);
      this.known.set(document, op);
    }
    return op;
  }
}

/** One fast report, ready to run: its result as the GraphQL execute would give it. */
export class ReportCall {
  constructor(
    private readonly field: FieldNode,
    readonly name: string,
    private readonly value: string,
    private readonly int: number | undefined,
  ) {}

  async run(ctx: GraphQLContext): Promise<ExecutionResult> {
    const key = this.field.alias?.value ?? this.name;
    try {
      return { data: { [key]: await REPORTS[this.name]!.run(ctx, this.value, this.int) } };
    } catch (err) {
      return { data: null, errors: [locatedError(err, [this.field], [key])] };
    }
  }
}

/** An instruction as the schema serializes the selected fields: ID and String as text, JSON as is. */
export function instructionView(fields: readonly string[], event: unknown): Record<string, unknown> {
  const i = event as { id: unknown; kind: unknown; payload?: unknown };
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = f === 'payload' ? (i.payload ?? null) : String(i[f as 'id' | 'kind']);
  return out;
}

/** Pure: whether a document is exactly one of the fast operations. */
export function classifyDocument(document: DocumentNode): FastOperation {
  const none = { kind: 'none' } as const;
  if (document.definitions.length !== 1) return none;
  const def = document.definitions[0]!;
  if (def.kind !== Kind.OPERATION_DEFINITION || (def.directives?.length ?? 0) > 0) return none;
  const field = onlyField(def);
  if (!field || field.alias || (field.directives?.length ?? 0) > 0) return none;
  const name = field.name.value;
  if (def.operation === 'subscription' && name === 'agentInstructions') {
    if ((field.arguments?.length ?? 0) > 0 || !field.selectionSet) return none;
    const fields: string[] = [];
    for (const sel of field.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD || sel.alias || sel.selectionSet || (sel.arguments?.length ?? 0) > 0 || (sel.directives?.length ?? 0) > 0 || !INSTRUCTION_FIELDS.has(sel.name.value)) return none;
      fields.push(sel.name.value);
    }
    return { kind: 'instructions', fields };
  }
  const report = REPORTS[name];
  if (def.operation !== 'mutation' || !report || field.selectionSet) return none;
  const given = field.arguments ?? [];
  const main = given.find((a) => a.name.value === report.arg);
  const extra = given.filter((a) => a !== main);
  if (!main || extra.length > 1 || (extra[0] && extra[0].name.value !== report.intArg)) return none;
  const value = readArgument(def, main.value, 'String', true);
  const int = extra[0] ? readArgument(def, extra[0].value, 'Int', false) : () => undefined;
  if (!value || !int) return none;
  return { kind: 'report', field, name, value, int };
}

type Read = (variables: Readonly<Record<string, unknown>> | null | undefined) => unknown;

/**
 * How to read one argument, or undefined when it is not a plain literal or variable: a String
 * must be `$x: String!`; an Int `$x: Int` or `$x: Int!`, without a default, so that the value is
 * exactly what the client sent.
 */
function readArgument(def: OperationDefinitionNode, v: ValueNode, type: 'String' | 'Int', required: boolean): Read | undefined {
  if (type === 'String' && v.kind === Kind.STRING) {
    const text = v.value;
    return () => text;
  }
  if (type === 'Int' && v.kind === Kind.INT) {
    const n = Number(v.value);
    return () => n;
  }
  if (type === 'Int' && v.kind === Kind.NULL) return () => undefined;
  if (v.kind !== Kind.VARIABLE) return undefined;
  const variable = v.name.value;
  const declared = def.variableDefinitions?.find((d) => d.variable.name.value === variable);
  if (!declared || declared.defaultValue) return undefined;
  const t = declared.type;
  const named = t.kind === Kind.NON_NULL_TYPE ? t.type : t;
  if (named.kind !== Kind.NAMED_TYPE || named.name.value !== type || (required && t.kind !== Kind.NON_NULL_TYPE)) return undefined;
  return (variables) => variables?.[variable];
}

function onlyField(def: OperationDefinitionNode): FieldNode | undefined {
  const sels = def.selectionSet.selections;
  return sels.length === 1 && sels[0]!.kind === Kind.FIELD ? sels[0] : undefined;
}
