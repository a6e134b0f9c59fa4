/**
 * What "a symlink is not followed out of the destination directory" means, exactly:
 *
 * 1. Every component of the destination's directory is examined from the root down with
 *    `lstat`. A component that is a symbolic link (or a Windows junction) is allowed only if
 *    its fully resolved target (`realpath`) lies inside the real path of the directory that
 *    holds the link. `/opt/game/current -> releases/1.2` passes; `/opt/game/data -> /etc`
 *    and `/srv/app/logs -> ../../root` are refused. (So are system links that point across
 *    the tree, e.g. `/var/run -> /run`: name the real directory instead.)
 * 2. The destination itself must not be a symlink (IOMS replaces files, never links), nor a
 *    directory or other non-regular file.
 * 3. The temp file is created with O_CREAT|O_EXCL (a planted link at its name makes creation
 *    fail rather than be followed), reopened for resume with O_NOFOLLOW, and rule 1 is checked
 *    again right before the rename.
 *
 * Not covered: a local attacker who can swap directories between the last check and the
 * rename. Such a user already controls the directory; the checks stop hostile links left
 * there earlier and configuration mistakes.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { FileError } from './file-error.js';

/** The `path` module of the destination's platform. */
export type PathModule = typeof path.posix;

/**
 * Throws unless every symlink on the way to `dir` stays inside the directory holding it.
 * Components that do not exist yet end the walk (they will be created as real directories).
 *
 * @throws FileError `UNSAFE_SYMLINK`
 */
export async function assertNoEscapingSymlinks(dir: string, p: PathModule = path): Promise<void> {
  const root = p.parse(dir).root;
  const parts = dir.slice(root.length).split(p.sep).filter(Boolean);
  let current = root;
  for (const part of parts) {
    const next = p.join(current, part);
    const info = await lstat(next).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (!info) return;
    if (info.isSymbolicLink()) {
      const target = await realpath(next).catch(() => undefined);
      const holder = await realpath(current);
      if (target === undefined || !isInside(holder, target, p)) {
        throw new FileError('UNSAFE_SYMLINK', `${next} is a symbolic link to ${target ?? 'a missing target'}, outside ${holder}; refusing to write through it`);
      }
    }
    current = next;
  }
}

/**
 * Checks the destination file itself: absent, or a regular file (never a link).
 *
 * @returns whether the file exists
 * @throws FileError `UNSAFE_SYMLINK`, `NOT_A_FILE`
 */
export async function inspectDestination(dest: string): Promise<boolean> {
  const info = await lstat(dest).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (!info) return false;
  if (info.isSymbolicLink()) throw new FileError('UNSAFE_SYMLINK', `${dest} is a symbolic link; IOMS replaces files, not links`);
  if (!info.isFile()) throw new FileError('NOT_A_FILE', `${dest} exists and is not a regular file`);
  return true;
}

function isInside(parent: string, child: string, p: PathModule): boolean {
  const rel = p.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${p.sep}`) && !p.isAbsolute(rel));
}
