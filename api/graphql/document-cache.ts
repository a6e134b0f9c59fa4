import { parse, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';

/** Parser token cap for one operation (bounds the work a hostile document can cause). */
export const MAX_TOKENS = 10_000;
/** Distinct operation texts remembered. @default 1000 */
export const DOCUMENT_CACHE_SIZE = 1000;

export type CheckedDocument = { readonly document: DocumentNode; readonly errors: readonly GraphQLError[] };

/**
 * Parsed and validated documents by their text. Agents send the same few operations thousands of
 * times; validation depends only on the schema and the document, so its result can be reused.
 * Least recently used entries go first.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CheckedDocument>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[],
    private readonly size = DOCUMENT_CACHE_SIZE,
  ) {}

  /** Throws the parser's GraphQLError for a syntax error. */
  check(query: string): CheckedDocument {
    const hit = this.entries.get(query);
    if (hit) {
      this.entries.delete(query);
      this.entries.set(query, hit);
      return hit;
    }
    const document = parse(query, { maxTokens: MAX_TOKENS });
    const checked = { document, errors: this.validate(this.schema, document) };
    this.entries.set(query, checked);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return checked;
  }
}
