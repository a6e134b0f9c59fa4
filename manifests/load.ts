/**
 * Safe loading of manifest files: bytes in, validated documents and every error
 * out, each error with `file:line:column`.
 *
 * Pipeline per file (each step guards the next):
 * 1. size caps (per file, then the running total);
 * 2. strict UTF-8 (fatal decoder; strings are checked for lone surrogates);
 * 3. {@link guardYaml}: nesting depth, directives, anchors, aliases and tags,
 *    found before parsing (a file with any of these is not parsed further);
 * 4. YAML parse of every `---` document, duplicate keys refused;
 * 5. source checks: keys are plain scalars (not `__proto__`); checksums and modes
 *    are quoted strings (unquoted `md5: 0e46…` or `mode: 0644` would be numbers);
 * 6. the zod schema, each issue mapped back to the offending node;
 * 7. across all files: one document per (kind, name).
 *
 * Loading never throws on bad input: all errors come back together.
 */
import { type Document, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { type ZodError, type core } from 'zod';
import {
  type ManifestError,
  type ManifestErrorCode,
  formatFieldPath,
} from './manifest-error.js';
import { type Manifest, manifestSchema } from './schema.js';
import { checkUtf16, decodeUtf8, positionIndex, type TextPosition } from './text-position.js';
import { DEFAULT_MAX_DEPTH, guardYaml } from './yaml-guard.js';
import { locateNode } from './yaml-locate.js';

export interface ManifestFile {
  /** Name used in errors (a path relative to what the user gave is best). */
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** Where a document came from, so later errors (conflicts) can name it. */
export interface DocumentSource {
  readonly file: string;
  /** 1-based line where the document's content starts. */
  readonly line: number;
  /** 0-based index of the document within its file. */
  readonly index: number;
}

export interface ManifestDocument {
  readonly manifest: Manifest;
  readonly source: DocumentSource;
}

export interface LoadOptions {
  /** @default 1_048_576 (1 MiB) */
  readonly maxFileBytes?: number;
  /** @default 16_777_216 (16 MiB) */
  readonly maxTotalBytes?: number;
  /** @default 64 */
  readonly maxDepth?: number;
  /** Errors reported before stopping with `TOO_MANY_ERRORS`. @default 1000 */
  readonly maxErrors?: number;
}

export interface LoadResult {
  /** Documents that passed every check (callers applying all-or-nothing must also check `errors`). */
  readonly documents: ManifestDocument[];
  readonly errors: ManifestError[];
}

export const DEFAULT_MAX_FILE_BYTES = 1_048_576;
export const DEFAULT_MAX_TOTAL_BYTES = 16_777_216;
export const DEFAULT_MAX_ERRORS = 1000;

/** Fields that must be quoted strings in the source: `spec.files[i].<field>`. */
const QUOTED_FILE_FIELDS = new Set(['md5', 'sha256', 'mode']);
const FORBIDDEN_KEYS = new Set(['__proto__']);

type ErrorSink = (code: ManifestErrorCode, at: TextPosition, message: string, path?: readonly PropertyKey[]) => void;

function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}

interface SourceCheck {
  /** Field paths already reported (the schema's complaint about them would repeat it). */
  readonly reported: Set<string>;
  /** A key that cannot become a JS property was found: the document cannot be validated. */
  blocked: boolean;
}

/** Step 5: key and quoting rules on the parsed node tree. */
function checkSource(doc: Document, at: (offset: number) => TextPosition, report: ErrorSink): SourceCheck {
  const check: SourceCheck = { reported: new Set(), blocked: false };
  const { reported } = check;
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key;
        const offset = (key as { range?: [number] } | null)?.range?.[0] ?? 0;
        if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
          report('INVALID_KEY', at(offset), 'mapping keys must be plain names', path);
          check.blocked = true;
          continue;
        }
        const name = String(key.value);
        const childPath = [...path, name];
        if (FORBIDDEN_KEYS.has(name)) {
          report('INVALID_KEY', at(offset), `key "${name}" is not allowed`, childPath);
          check.blocked = true;
          continue;
        }
        const value = pair.value;
        const isFileField = path.length === 3 && path[0] === 'spec' && path[1] === 'files' && typeof path[2] === 'number';
        if (isFileField && QUOTED_FILE_FIELDS.has(name) && isScalar(value)) {
          if (value.type !== 'QUOTE_DOUBLE' && value.type !== 'QUOTE_SINGLE') {
            const example = name === 'mode' ? '"0644"' : '"9e107d9d…"';
            report(
              'UNQUOTED_SCALAR',
              at(value.range?.[0] ?? offset),
              `${formatFieldPath(childPath)} must be a quoted string such as ${example}: unquoted, YAML may read it as a number`,
              childPath,
            );
            reported.add(formatFieldPath(childPath));
          }
        }
        walk(value, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return check;
}

/** `spec.x.policy: policy must be …` reads better as `spec.x.policy must be …`. */
function withField(field: string, last: PropertyKey | undefined, message: string): string {
  if (field === '') return message;
  if (typeof last === 'string' && message.startsWith(`${last} `)) return `${field}${message.slice(last.length)}`;
  return `${field}: ${message}`;
}

/**
 * For an issue about a place inside a string (`params.valueColumn`, 1-based, and the text
 * before it, `params.valuePrefix`), the offset of that place when the scalar's source spells
 * the prefix literally (plain, or quoted without escapes before it); else `offset`.
 */
function insideScalar(issue: core.$ZodIssue, text: string, offset: number): number {
  const params = issue.code === 'custom' ? (issue.params as { valueColumn?: unknown; valuePrefix?: unknown } | undefined) : undefined;
  // column 1 is the whole value (e.g. a wrong number of fields): point at the value itself
  if (typeof params?.valueColumn !== 'number' || params.valueColumn <= 1 || typeof params.valuePrefix !== 'string') return offset;
  const quote = text[offset] === '"' || text[offset] === "'" ? 1 : 0;
  const start = offset + quote;
  return text.slice(start, start + params.valuePrefix.length) === params.valuePrefix ? start + params.valueColumn - 1 : offset;
}

function zodIssueToError(
  issue: core.$ZodIssue,
  doc: Document,
  at: (offset: number) => TextPosition,
  report: ErrorSink,
  text = '',
): void {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const keyPath = [...path, key];
      report('UNKNOWN_FIELD', at(locateNode(doc, keyPath, true).offset), `unknown field "${key}"`, keyPath);
    }
    return;
  }
  const located = locateNode(doc, path, issue.code === 'invalid_key');
  const field = formatFieldPath(path);
  const absent = located.missing !== undefined && located.missing === path[path.length - 1];
  if (absent && (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value')) {
    report('MISSING_FIELD', at(located.offset), `${field} is required`, path);
    return;
  }
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  report('SCHEMA', at(insideScalar(issue, text, located.offset)), withField(field, path[path.length - 1], message), path);
}

interface ParsedFile {
  readonly documents: ManifestDocument[];
  /** The metadata.name node offset per document, for duplicate errors. */
  readonly nameAt: Map<ManifestDocument, TextPosition>;
}

function loadText(file: string, text: string, maxDepth: number, report: ErrorSink): ParsedFile {
  const at = positionIndex(text);
  const parsed: ParsedFile = { documents: [], nameAt: new Map() };
  const guardIssues = guardYaml(text, maxDepth);
  for (const issue of guardIssues) report(issue.code, at(issue.offset), issue.message);
  if (guardIssues.length > 0) return parsed;

  const docs = parseAllDocuments(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    merge: false,
  });
  const list: Document[] = Array.isArray(docs) ? docs : [];
  for (const [index, doc] of list.entries()) {
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const code = error.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX';
        report(code, at(error.pos[0]), error.message.split('\n')[0] ?? error.message);
      }
      continue;
    }
    const { reported, blocked } = checkSource(doc, at, report);
    if (blocked) continue;
    const value: unknown = doc.toJS({ maxAliasCount: 0 });
    if (value === null || value === undefined) continue; // an empty document, e.g. after a trailing `---`
    const result = manifestSchema.safeParse(value);
    if (!result.success) {
      for (const issue of (result.error as ZodError).issues) {
        if (!reported.has(formatFieldPath(issue.path as PropertyKey[]))) zodIssueToError(issue, doc, at, report, text);
      }
      continue;
    }
    if (reported.size > 0) continue;
    const document: ManifestDocument = {
      manifest: result.data,
      source: { file, line: at(doc.contents?.range?.[0] ?? 0).line, index },
    };
    parsed.documents.push(document);
    parsed.nameAt.set(document, at(locateNode(doc, ['metadata', 'name']).offset));
  }
  return parsed;
}

/** The identity of a document: kind and name (host names compare without case). */
export function documentId(manifest: Manifest): string {
  const name = manifest.kind === 'Host' ? manifest.metadata.name.toLowerCase() : manifest.metadata.name;
  return `${manifest.kind}/${name}`;
}

/**
 * Loads and validates manifest files. Never throws for bad input: every problem
 * in every file is returned in `errors` (sorted by file order, line, column), up
 * to `maxErrors`.
 */
export function loadManifests(files: readonly ManifestFile[], opts: LoadOptions = {}): LoadResult {
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxTotalBytes = opts.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxErrors = opts.maxErrors ?? DEFAULT_MAX_ERRORS;
  const documents: ManifestDocument[] = [];
  const errors: ManifestError[] = [];
  const seen = new Map<string, ManifestDocument>();
  let totalBytes = 0;

  for (const file of files) {
    const fileErrors: ManifestError[] = [];
    const report: ErrorSink = (code, pos, message, path) => {
      fileErrors.push({ file: file.path, line: pos.line, column: pos.column, code, message, ...(path && path.length > 0 ? { path: formatFieldPath(path) } : {}) });
    };
    const start: TextPosition = { line: 1, column: 1 };
    const size = byteLength(file.content);
    totalBytes += size;
    if (size > maxFileBytes) {
      report('FILE_TOO_LARGE', start, `file is ${size} bytes; the limit is ${maxFileBytes}`);
    } else if (totalBytes > maxTotalBytes) {
      report('TOTAL_TOO_LARGE', start, `files total more than ${maxTotalBytes} bytes; this file was not read`);
    } else {
      const decoded = typeof file.content === 'string' ? checkUtf16(file.content) : decodeUtf8(file.content);
      if (!decoded.ok) {
        report('INVALID_UTF8', decoded.position, decoded.message);
      } else {
        const parsed = loadText(file.path, decoded.text, maxDepth, report);
        for (const document of parsed.documents) {
          const id = documentId(document.manifest);
          const first = seen.get(id);
          if (first) {
            const { kind, metadata } = document.manifest;
            report(
              'DUPLICATE_DOCUMENT',
              parsed.nameAt.get(document) ?? start,
              `${kind} "${metadata.name}" is already defined at ${first.source.file}:${first.source.line}`,
              ['metadata', 'name'],
            );
          } else {
            seen.set(id, document);
            documents.push(document);
          }
        }
      }
    }
    fileErrors.sort((a, b) => a.line - b.line || a.column - b.column);
    // One report per line and problem: `schedule: * * * * *` is five aliases on one line, one mistake.
    const reported = new Set<string>();
    for (const e of fileErrors) {
      const key = `${e.line}\u0000${e.code}\u0000${e.message}`;
      if (reported.has(key)) continue;
      reported.add(key);
      errors.push(e);
    }
    if (errors.length >= maxErrors) {
      errors.length = maxErrors;
      const { file: lastFile, line, column } = errors[errors.length - 1] as ManifestError;
      errors.push({ file: lastFile, line, column, code: 'TOO_MANY_ERRORS', message: `more than ${maxErrors} errors; stopped reporting` });
      break;
    }
  }
  return { documents, errors };
}
