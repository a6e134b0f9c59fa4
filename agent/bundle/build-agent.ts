/**
 * Bundles the agent into ONE file that runs with plain `node` (>= 20) and no node_modules, to
 * copy onto hosts:
 *
 *   npx tsx agent/bundle/build-agent.ts [--out dist/ioms-agent.mjs] [--entry agent/main.ts] [--sourcemap]
 *
 * Everything is inside (ws, graphql-ws, zod, yaml, systeminformation): nothing is
 * external but Node's own modules. Prints the size and SHA-256 of the result.
 */
import { createHash } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build, type BuildOptions, type Metafile } from 'esbuild';

import { BundleError } from './bundle-error.js';

/** What to bundle and where. */
export interface BuildAgentOptions {
  /** @default 'agent/main.ts' (relative to the repository root) */
  readonly entry?: string;
  /** @default 'dist/ioms-agent.mjs' (relative to the repository root) */
  readonly outfile?: string;
  /** Append an inline source map (bigger file, readable stack traces). @default false */
  readonly sourcemap?: boolean;
  /** The version the bundle reports (`agent/version.ts`). @default the built-in one */
  readonly agentVersion?: string;
}

/** What was built. */
export interface AgentBundle {
  readonly outfile: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Source files inside the bundle, relative to the repository root. */
  readonly inputs: readonly string[];
}

/** The repository root: two levels above this file. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_ENTRY = 'agent/main.ts';
export const DEFAULT_OUTFILE = 'dist/ioms-agent.mjs';

/**
 * The bundle is ESM, but bundled CommonJS packages (systeminformation, ...) call `require`
 * for Node's modules and may read `__filename` / `__dirname`; ESM has none of them, so the
 * banner defines them. esbuild renames any module's own top-level `require` around the
 * banner's; it does not do so for `__dirname`, so free uses of those two are rewritten (see
 * `define`) to names no module declares.
 */
export const BUNDLE_BANNER = [
  "import { createRequire as __iomsCreateRequire } from 'node:module';",
  "import { fileURLToPath as __iomsFileURLToPath } from 'node:url';",
  "import { dirname as __iomsPathDirname } from 'node:path';",
  'const require = __iomsCreateRequire(import.meta.url);',
  'const __iomsFilename = __iomsFileURLToPath(import.meta.url);',
  'const __iomsDirname = __iomsPathDirname(__iomsFilename);',
].join('\n');

/** The agent ships with `agent/`, `protocol/` and `manifests/` only: these folders never go in. */
const FORBIDDEN_DIRS = [/^api\//, /^db\//, /^web\//, /^cli\//];

/** The esbuild options for a bundle. Pure. */
export function agentBuildOptions(entry: string, outfile: string, sourcemap: boolean, hashbang: boolean, agentVersion?: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { __filename: '__iomsFilename', __dirname: '__iomsDirname', ...(agentVersion ? { __IOMS_AGENT_VERSION__: JSON.stringify(agentVersion) } : {}) },
    banner: { js: hashbang ? `#!/usr/bin/env node\n${BUNDLE_BANNER}` : BUNDLE_BANNER },
    // Whitespace and syntax only (no renaming, names kept): comments go, and with them the only
    // characters above U+00FF, so V8 holds the 1.6 MiB source as a one-byte string instead of a
    // two-byte one (about 2 MB less resident memory on every host); stack traces keep their names.
    minify: false,
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    sourcemap: sourcemap ? 'inline' : false,
    legalComments: 'eof',
    metafile: true,
    logLevel: 'silent',
  };
}

/**
 * Inputs that must not be in an agent bundle (server code); [] when clean. Pure.
 * Paths are relative to the repository root with `/` separators.
 */
export function forbiddenInputs(inputs: readonly string[]): string[] {
  return inputs.filter((input) => FORBIDDEN_DIRS.some((dir) => dir.test(input)));
}

/**
 * Builds the bundle, marks it executable and hashes it.
 *
 * @throws BundleError `BUILD_FAILED` with esbuild's messages, `FORBIDDEN_IMPORT` when server
 *   code was pulled in (the file is still written, so it can be inspected).
 */
export async function buildAgentBundle(options: BuildAgentOptions = {}): Promise<AgentBundle> {
  const entry = resolve(REPO_ROOT, options.entry ?? DEFAULT_ENTRY);
  const outfile = resolve(REPO_ROOT, options.outfile ?? DEFAULT_OUTFILE);
  // esbuild keeps an entry's own hashbang; a second one would be a syntax error.
  // (A missing entry is left for esbuild to report.)
  const hashbang = !(await readFile(entry, 'utf8').catch(() => '')).startsWith('#!');
  let metafile: Metafile | undefined;
  try {
    const result = await build(agentBuildOptions(entry, outfile, options.sourcemap === true, hashbang, options.agentVersion));
    metafile = result.metafile;
  } catch (cause) {
    const errors = (cause as { errors?: Array<{ text: string; location?: { file: string; line: number } | null }> }).errors ?? [];
    const detail = errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text)).join('\n  ');
    throw new BundleError('BUILD_FAILED', `esbuild could not bundle ${entry}${detail === '' ? '' : `:\n  ${detail}`}`, { cause });
  }
  const inputs = Object.keys(metafile?.inputs ?? {}).map((input) => relative(REPO_ROOT, resolve(input)).split(sep).join('/'));
  const forbidden = forbiddenInputs(inputs);
  if (forbidden.length > 0) {
    throw new BundleError('FORBIDDEN_IMPORT', `the agent bundle must not contain server code, but it imports:\n  ${forbidden.join('\n  ')}`);
  }
  await chmod(outfile, 0o755);
  const content = await readFile(outfile);
  return { outfile, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex'), inputs };
}

/**
 * Parses `--out FILE`, `--entry FILE`, `--sourcemap`. Pure.
 *
 * @throws BundleError `INVALID_ARGS`
 */
export function parseBuildArgs(argv: readonly string[]): BuildAgentOptions {
  let entry: string | undefined;
  let outfile: string | undefined;
  let sourcemap = false;
  let agentVersion: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--sourcemap') sourcemap = true;
    else if (arg === '--agent-version') {
      agentVersion = argv[i + 1];
      if (!agentVersion || !/^[0-9A-Za-z.+-]{1,32}$/.test(agentVersion)) throw new BundleError('INVALID_ARGS', '--agent-version needs a version like 1.2.3');
      i += 1;
    }
    else if (arg === '--out' || arg === '--entry') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new BundleError('INVALID_ARGS', `${arg} needs a file path`);
      if (arg === '--out') outfile = value;
      else entry = value;
      i += 1;
    } else throw new BundleError('INVALID_ARGS', `unknown argument ${JSON.stringify(arg)}; usage: build-agent.ts [--out FILE] [--entry FILE] [--sourcemap] [--agent-version V]`);
  }
  return { entry, outfile, sourcemap, ...(agentVersion ? { agentVersion } : {}) };
}

/** One line for humans: where, how big, which hash. */
export function describeBundle(bundle: AgentBundle, cwd: string): string {
  return `${relative(cwd, bundle.outfile) || bundle.outfile}  ${(bundle.bytes / 1024 / 1024).toFixed(2)} MiB (${bundle.bytes} bytes)  sha256 ${bundle.sha256}`;
}

async function main(): Promise<void> {
  try {
    // Relative paths on the command line are relative to where the command runs.
    const parsed = parseBuildArgs(process.argv.slice(2));
    const bundle = await buildAgentBundle({
      entry: parsed.entry === undefined ? undefined : resolve(parsed.entry),
      outfile: parsed.outfile === undefined ? undefined : resolve(parsed.outfile),
      sourcemap: parsed.sourcemap,
    });
    console.log(describeBundle(bundle, process.cwd()));
  } catch (error) {
    process.stderr.write(`build-agent: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
