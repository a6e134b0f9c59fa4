/**
 * Destination paths are hostile input: they come from manifests and job arguments and name a
 * file the agent (often root or SYSTEM) will replace. The syntax rules are the manifests'
 * (`pathProblem` in manifests/path-rules.ts) so the server refuses at apply time exactly what
 * the agent refuses here; on top of them the path must be absolute for *this* host's platform.
 *
 * Refused, among others: relative paths, `.` and `..` segments, empty segments, NUL and other
 * control characters; on POSIX a backslash or anything under /dev, /proc, /sys; on Windows
 * UNC (`\\server\share`) and device or long-path prefixes (`\\?\`, `\\.\`), reserved device
 * names even with an extension (`CON`, `NUL.txt`, `COM1.log`), alternate data streams
 * (`a::$DATA`, any `:` past the drive), `<>"|?*`, and segments ending in a dot or a space.
 */
import { pathProblem, pathStyle } from '../../manifests/path-rules.js';
import { FileError } from './file-error.js';

/** The platforms a destination can be validated for. */
export type DestinationPlatform = 'win32' | 'posix';

/** Maps `process.platform` to the path family it uses. */
export function destinationPlatformOf(platform: NodeJS.Platform): DestinationPlatform {
  return platform === 'win32' ? 'win32' : 'posix';
}

/**
 * Returns the path in the platform's native form (backslashes on Windows) or throws.
 *
 * @throws FileError `INVALID_PATH` with the reason
 */
export function validateDestinationPath(path: string, platform: NodeJS.Platform | DestinationPlatform = process.platform): string {
  const family = platform === 'posix' ? 'posix' : destinationPlatformOf(platform as NodeJS.Platform);
  const problem = pathProblem(path);
  if (problem) throw new FileError('INVALID_PATH', `destination ${JSON.stringify(path)}: ${problem}`);
  const style = pathStyle(path);
  if (family === 'win32' && style !== 'windows') throw new FileError('INVALID_PATH', `destination ${JSON.stringify(path)} is not an absolute Windows path (C:\\dir\\file)`);
  if (family === 'posix' && style !== 'posix') throw new FileError('INVALID_PATH', `destination ${JSON.stringify(path)} is not an absolute POSIX path (/dir/file)`);
  return family === 'win32' ? path.replace(/\//g, '\\') : path;
}
