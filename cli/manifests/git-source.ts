/**
 * Where applied manifests come from in git: the `source` of `applyManifests`.
 *
 * The work tree is the one holding the first applied file. No `git` binary, or a path that
 * is not in a work tree, gives no source, silently: applying from a plain directory is normal.
 * Each field is best effort (a repository without commits has no commit; a detached HEAD
 * has no branch; no `origin` remote means no repository).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface GitSource {
  /** The `origin` remote's URL without credentials. */
  readonly repository?: string;
  /** `git rev-parse HEAD`. */
  readonly commit?: string;
  readonly branch?: string;
  /** `git status --porcelain` of the applied paths is non-empty (changed or untracked). */
  readonly dirty: boolean;
}

/** Runs git with `args` in `cwd` and resolves its stdout; rejects when git fails or is missing. */
export type RunGit = (args: readonly string[], cwd: string) => Promise<string>;

const GIT_TIMEOUT_MS = 10_000;

export const runGit: RunGit = (args, cwd) =>
  new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout);
    });
  });

/**
 * A remote URL without user name or password for http(s) (a token often sits in the user
 * name: `https://ghp_x@github.com/…`), and without the password for other URL schemes
 * (`ssh://git@host/…` keeps its non-secret user). scp-like `git@host:org/repo.git` and
 * local paths are returned as they are.
 */
export function stripCredentials(remote: string): string {
  const text = remote.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Unparseable but URL-shaped: drop everything between "://" and the last "@" of the authority.
    return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/]*@/i, '$1');
  }
  if (!url.username && !url.password) return text;
  url.password = '';
  if (url.protocol === 'http:' || url.protocol === 'https:') url.username = '';
  return url.toString();
}

/** Trimmed stdout, or undefined when git failed. */
async function attempt(run: RunGit, args: readonly string[], cwd: string): Promise<string | undefined> {
  try {
    return (await run(args, cwd)).trim();
  } catch {
    return undefined;
  }
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The `git status` pathspecs for what `-f` named, relative to `cwd`: a directory stands for
 * the manifests below it (so an untracked README does not make the tree dirty, but a deleted
 * or untracked `*.yaml` does), a file for itself.
 */
export function statusPathspecs(inputs: readonly { readonly path: string; readonly directory: boolean }[], cwd: string): string[] {
  return inputs.flatMap(({ path: p, directory }) => {
    const rel = path.relative(cwd, p).split(path.sep).join('/');
    if (!directory) return [`:(literal)${rel}`];
    const prefix = rel === '' ? '' : `${rel}/`;
    return [`:(glob)${prefix}**/*.yaml`, `:(glob)${prefix}**/*.yml`];
  });
}

export interface GitSourceOptions {
  /** @default runGit (execFile) */
  readonly run?: RunGit;
  /** @default fs.statSync(p).isDirectory() */
  readonly isDirectory?: (p: string) => boolean;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The git source of `paths` (absolute; files or directories as given to `-f`), or undefined
 * when the first one is not inside a git work tree.
 */
export async function readGitSource(paths: readonly string[], options: GitSourceOptions = {}): Promise<GitSource | undefined> {
  const run = options.run ?? runGit;
  const first = paths[0];
  if (first === undefined) return undefined;
  const isDir = options.isDirectory ?? isDirectory;
  const cwd = isDir(first) ? first : path.dirname(first);
  if ((await attempt(run, ['rev-parse', '--is-inside-work-tree'], cwd)) !== 'true') return undefined;
  const top = await attempt(run, ['rev-parse', '--show-toplevel'], cwd);
  if (!top) return undefined;
  const root = realpath(top);
  const inside = paths.map(realpath).filter((p) => isInside(root, p));
  const realCwd = realpath(cwd);
  const specs = statusPathspecs(inside.map((p) => ({ path: p, directory: isDir(p) })), realCwd);
  const [remote, commit, branch, status] = await Promise.all([
    attempt(run, ['config', '--get', 'remote.origin.url'], cwd),
    attempt(run, ['rev-parse', '--verify', '--quiet', 'HEAD'], cwd),
    attempt(run, ['symbolic-ref', '--quiet', '--short', 'HEAD'], cwd),
    attempt(run, ['status', '--porcelain', '--untracked-files=all', '--', ...specs], realCwd),
  ]);
  return {
    ...(remote ? { repository: stripCredentials(remote) } : {}),
    ...(commit ? { commit } : {}),
    ...(branch ? { branch } : {}),
    // A status that cannot be read is reported dirty: never claim a clean tree unchecked.
    dirty: status !== '',
  };
}
