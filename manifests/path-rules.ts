/**
 * Rules for file paths in manifests. A path names a file on a host the agent
 * will write, so it must be unambiguous and unable to escape where it says:
 *
 * - absolute: POSIX (`/opt/app/x.conf`) or Windows drive (`C:\app\x.conf`, `/` also
 *   accepted as separator);
 * - normalized: no empty, `.` or `..` segments; no trailing separator (except for
 *   directories, where one is allowed); not a root;
 * - no NUL or other control characters; at most {@link MAX_PATH_CHARS} characters;
 * - POSIX: no backslash, nothing under `/dev`, `/proc` or `/sys`;
 * - Windows: no `\\?\` or `\\.\` prefixes, no UNC shares, no reserved device
 *   names (`CON`, `NUL`, `COM1`, `LPT1`, ... even with an extension), none of
 *   `<>:"|?*`, no segment ending in a dot or a space.
 */

/** Longest path accepted, in characters. */
export const MAX_PATH_CHARS = 4096;

export type PathStyle = 'posix' | 'windows';

// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f]/;
const WINDOWS_DRIVE_RE = /^[A-Za-z]:[\\/]/;
const WINDOWS_BAD_CHARS_RE = /[<>:"|?*]/;
const WINDOWS_DEVICE_RE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const POSIX_PSEUDO_FS = ['/dev', '/proc', '/sys'];

/** The path style of an absolute path, or `undefined` when it is neither. */
export function pathStyle(path: string): PathStyle | undefined {
  if (path.startsWith('/') && !path.startsWith('//')) return 'posix';
  if (WINDOWS_DRIVE_RE.test(path)) return 'windows';
  return undefined;
}

function segmentsProblem(segments: readonly string[], directory: boolean): string | undefined {
  const last = segments.length - 1;
  for (const [i, segment] of segments.entries()) {
    if (segment === '') {
      if (i === last && directory && i > 0) continue;
      return i === last ? 'path must not end with a separator' : 'path must not contain empty segments (//)';
    }
    if (segment === '.' || segment === '..') return `path must not contain "${segment}" segments`;
  }
  return undefined;
}

function windowsProblem(path: string, directory: boolean): string | undefined {
  const segments = path.slice(3).split(/[\\/]/);
  if (segments.length === 1 && segments[0] === '') return 'path must not be a drive root';
  const problem = segmentsProblem(segments, directory);
  if (problem) return problem;
  for (const segment of segments) {
    if (segment === '') continue;
    if (WINDOWS_BAD_CHARS_RE.test(segment)) return `path segment "${segment}" contains one of < > : " | ? *`;
    if (segment.endsWith('.') || segment.endsWith(' ')) return `path segment "${segment}" must not end with a dot or a space`;
    const base = (segment.split('.')[0] ?? '').trimEnd();
    if (WINDOWS_DEVICE_RE.test(base)) return `path segment "${segment}" is a reserved Windows device name`;
  }
  return undefined;
}

function posixProblem(path: string, directory: boolean): string | undefined {
  if (path.includes('\\')) return 'POSIX path must not contain a backslash';
  if (path === '/') return 'path must not be the root directory';
  const problem = segmentsProblem(path.slice(1).split('/'), directory);
  if (problem) return problem;
  const pseudo = POSIX_PSEUDO_FS.find((dir) => path === dir || path.startsWith(`${dir}/`));
  if (pseudo) return `path must not be under ${pseudo}`;
  return undefined;
}

/**
 * Returns why `path` is not an acceptable absolute path, or `undefined`.
 *
 * @param opts.directory - the path names a directory (a trailing separator is allowed)
 */
export function pathProblem(path: string, opts: { readonly directory?: boolean } = {}): string | undefined {
  const directory = opts.directory ?? false;
  if (path.length === 0) return 'path must not be empty';
  if (path.length > MAX_PATH_CHARS) return `path must be at most ${MAX_PATH_CHARS} characters`;
  if (CONTROL_RE.test(path)) return 'path must not contain NUL or control characters';
  if (/^[\\/]{2}/.test(path)) {
    return /^[\\/]{2}[?.][\\/]/.test(path)
      ? 'device and long-path prefixes (\\\\?\\ and \\\\.\\) are not allowed'
      : 'UNC network paths (\\\\server\\share) are not allowed';
  }
  switch (pathStyle(path)) {
    case 'posix':
      return posixProblem(path, directory);
    case 'windows':
      return windowsProblem(path, directory);
    default:
      return 'path must be absolute: /dir/file on POSIX or C:\\dir\\file on Windows';
  }
}

/**
 * The identity of a file path, used in resource keys (`file:<key>`): POSIX paths
 * as written; Windows paths with `\` separators and lowercased, because NTFS
 * treats `C:/App/x` and `c:\app\X` as the same file.
 */
export function filePathKey(path: string): string {
  return pathStyle(path) === 'windows' ? path.replace(/\//g, '\\').toLowerCase() : path;
}
