/**
 * Errors found while loading manifests. Every error names a place an editor can
 * jump to: `file:line:column` (both 1-based), plus the field path when known.
 */

export type ManifestErrorCode =
  /** A file is larger than `maxFileBytes`. */
  | 'FILE_TOO_LARGE'
  /** The files together are larger than `maxTotalBytes`; this file was not read. */
  | 'TOTAL_TOO_LARGE'
  /** The bytes are not valid UTF-8 (or the string has lone surrogates). */
  | 'INVALID_UTF8'
  /** Nesting deeper than `maxDepth`, found by the scan before parsing. */
  | 'TOO_DEEP'
  /** A `%YAML` / `%TAG` directive. */
  | 'DIRECTIVE'
  /** An anchor (`&name`). */
  | 'ANCHOR'
  /** An alias (`*name`). */
  | 'ALIAS'
  /** An explicit tag (`!tag`, `!!str`). */
  | 'TAG'
  /** The YAML does not parse. */
  | 'YAML_SYNTAX'
  /** A mapping repeats a key. */
  | 'DUPLICATE_KEY'
  /** A mapping key that is not a plain scalar, or a forbidden key such as `__proto__`. */
  | 'INVALID_KEY'
  /** A checksum or mode written without quotes (YAML would read it as a number). */
  | 'UNQUOTED_SCALAR'
  /** A field that the schema does not know. */
  | 'UNKNOWN_FIELD'
  /** A required field is absent. */
  | 'MISSING_FIELD'
  /** A value breaks a schema rule. */
  | 'SCHEMA'
  /** Two documents with the same kind and name. */
  | 'DUPLICATE_DOCUMENT'
  /** A file names an artifact (`name` or `name@version`) the store does not have. */
  | 'ARTIFACT_NOT_FOUND'
  /** A file declares a sha256 or md5 that the stored artifact does not have. */
  | 'ARTIFACT_CHECKSUM'
  /** A `restartProcess` names a process that no Profile declares. */
  | 'UNKNOWN_PROCESS'
  /** More errors than `maxErrors`; the rest were not reported. */
  | 'TOO_MANY_ERRORS';

export interface ManifestError {
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in characters. */
  readonly column: number;
  readonly code: ManifestErrorCode;
  readonly message: string;
  /** Field path inside the document, e.g. `spec.files[0].md5`, when the error concerns a field. */
  readonly path?: string;
}

/** `file:line:column: message [CODE]`, the form compilers use (editors link it). */
export function formatManifestError(error: ManifestError): string {
  return `${error.file}:${error.line}:${error.column}: ${error.message} [${error.code}]`;
}

/**
 * Thrown by callers that want loading to be all-or-nothing; carries every error.
 */
export class ManifestValidationError extends Error {
  override readonly name = 'ManifestValidationError';
  readonly code = 'INVALID_MANIFESTS';
  constructor(readonly errors: readonly ManifestError[]) {
    super(`${errors.length} manifest error(s):\n${errors.map(formatManifestError).join('\n')}`);
  }
}

/** Formats a field path the way users write it: `spec.files[0].md5`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
