/**
 * Crash-safe file replacement: after `writeFileAtomic` resolves, the file holds the new
 * content even if the machine loses power; if it crashes before, the file holds the old
 * content (or does not exist). Never a torn mix.
 */
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Suffix of temporary files; a directory's owner deletes leftovers on start. */
export const TEMP_SUFFIX = '.tmp';

let tempCounter = 0;

/**
 * Writes `data` to a temporary file beside `path` (mode 0600), fsyncs it, renames it over
 * `path`, then fsyncs the directory so the rename itself is durable.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  tempCounter += 1;
  const temp = `${path}.${process.pid}-${tempCounter}${TEMP_SUFFIX}`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Makes renames and deletions in `dir` durable. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory; NTFS journals the rename metadata itself.
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle?.close();
  }
}
