import { GraphQLError, NoSchemaIntrospectionCustomRule, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';

/** @default 15 levels of selection, introspection included (the standard introspection query needs 13) */
export const MAX_QUERY_DEPTH = 15;
/** @default 15 aliases per operation */
export const MAX_ALIASES = 15;
/** @default 5000 (graphql-armor cost units) */
export const MAX_QUERY_COST = 5000;
/** @default 1 MiB for an HTTP request body */
export const MAX_BODY_BYTES = 1024 * 1024;
/** @default 4 MiB for a WebSocket message (agents report command results with up to 1 MiB of stdout and of stderr) */
export const MAX_WS_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Extra validation rules, applied alike on HTTP (Apollo) and WebSocket (graphql-ws). */
export function hardeningRules(production: boolean): ValidationRule[] {
  // A refusal is reported as an ordinary validation error (HTTP 400, GRAPHQL_VALIDATION_FAILED);
  // by default the rules throw out of validation, which Apollo answers with a 500.
  const common = {
    exposeLimits: !production,
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(new GraphQLError(err.message.replace(/^Syntax Error: /, '')))],
  };
  const rules: ValidationRule[] = [
    maxDepthRule({ n: MAX_QUERY_DEPTH, ignoreIntrospection: false, flattenFragments: true, ...common }) as unknown as ValidationRule,
    maxAliasesRule({ n: MAX_ALIASES, ...common }) as unknown as ValidationRule,
    costLimitRule({ maxCost: MAX_QUERY_COST, ...common }) as unknown as ValidationRule,
  ];
  if (production) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}

/** graphql-ws's `validate` hook: the standard rules plus the same hardening as HTTP. */
export function wsValidate(production: boolean) {
  const rules = [...specifiedRules, ...hardeningRules(production)];
  return (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, rules);
}
