/**
 * `-f FILE|DIR` → the manifest files to send: each file's path relative to the current
 * directory and its text. The CLI does not parse YAML; the server validates everything.
 *
 * Rules:
 * - a named file is sent whatever its extension (the user asked for it);
 * - a directory is walked recursively for `*.yaml` / `*.yml`, sorted by path (code-point
 *   order, so the result does not depend on the locale); entries starting with `.`
 *   (`.git`, `.github/workflows/*.yml`) are skipped, and symbolic links to directories
 *   are not followed (no cycles);
 * - several `-f` keep their order; a file reached twice is sent once;
 * - the files together may not exceed {@link DEFAULT_MAX_TOTAL_BYTES} (checked before reading),
 *   and each must be UTF-8: both are the server's limits, refused here without sending anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_TOTAL_BYTES } from '../../manifests/index.js';
import { decodeUtf8 } from '../../manifests/text-position.js';
import { CliError } from '../errors.js';

export interface CollectedFile {
  /** Relative to `cwd`, with `/` separators (what errors will name). */
  readonly path: string;
  /** Absolute path on disk. */
  readonly absolute: string;
  readonly content: string;
}

export type CollectErrorCode =
  /** A `-f` path does not exist or cannot be read. */
  | 'NOT_FOUND'
  /** The paths hold no manifest file. */
  | 'NO_FILES'
  /** The files together are larger than the server accepts. */
  | 'TOO_LARGE'
  /** A file is not UTF-8. */
  | 'INVALID_UTF8';

/** A problem with the `-f` paths; exit code 2 (bad usage) unless the caller says otherwise. */
export class CollectError extends CliError {
  override readonly name = 'CollectError';
  constructor(
    readonly code: CollectErrorCode,
    message: string,
  ) {
    super(message, 2);
  }
}

export interface CollectOptions {
  /** @default process.cwd() */
  readonly cwd?: string;
  /** @default DEFAULT_MAX_TOTAL_BYTES (16 MiB) */
  readonly maxTotalBytes?: number;
}

const MANIFEST_EXT_RE = /\.ya?ml$/i;

/** `a/b.yaml` relative to `cwd`, `/`-separated; absolute when outside `cwd` on another drive. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  const shown = rel === '' ? path.basename(absolute) : path.isAbsolute(rel) ? absolute : rel;
  return shown.split(path.sep).join('/');
}

/** True for the files a directory walk sends. */
export function isManifestFileName(name: string): boolean {
  return !name.startsWith('.') && MANIFEST_EXT_RE.test(name);
}

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if ((e.isFile() || (e.isSymbolicLink() && isFile(full))) && isManifestFileName(e.name)) out.push(full);
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The absolute paths `-f` names, in send order, without reading them. */
export function listManifestPaths(inputs: readonly string[], cwd: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new CollectError('NOT_FOUND', `${input}: no such file or directory`);
    }
    const found: string[] = [];
    if (stat.isDirectory()) {
      walk(abs, found);
      found.sort(byCodePoint);
    } else {
      found.push(abs);
    }
    for (const f of found) {
      if (seen.has(f)) continue;
      seen.add(f);
      out.push(f);
    }
  }
  return out;
}

/** Reads what `-f` names; throws {@link CollectError} for an empty set, a missing path, too many bytes or non-UTF-8. */
export function collectManifestFiles(inputs: readonly string[], options: CollectOptions = {}): CollectedFile[] {
  const cwd = options.cwd ?? process.cwd();
  const maxTotal = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  if (inputs.length === 0) throw new CollectError('NO_FILES', 'no manifests given: pass -f FILE or -f DIR');
  const paths = listManifestPaths(inputs, cwd);
  if (paths.length === 0) throw new CollectError('NO_FILES', `no *.yaml or *.yml files in ${inputs.join(', ')}`);
  const total = paths.reduce((sum, p) => sum + fs.statSync(p).size, 0);
  if (total > maxTotal) throw new CollectError('TOO_LARGE', `the manifests add up to ${total} bytes; the server accepts at most ${maxTotal}`);
  return paths.map((absolute) => {
    const shown = displayPath(absolute, cwd);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(absolute);
    } catch (err) {
      throw new CollectError('NOT_FOUND', `${shown}: ${(err as Error).message}`);
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) throw new CollectError('INVALID_UTF8', `${shown}:${decoded.position.line}:${decoded.position.column}: ${decoded.message} [INVALID_UTF8]`);
    return { path: shown, absolute, content: decoded.text };
  });
}
