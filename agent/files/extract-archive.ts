import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type yauzl from 'yauzl';

// tar and yauzl are loaded on the first archive, not at agent start: most agents never unpack
// one, and evaluating both costs about 1 MB of heap (docs/agent-install.md, "Memory").
const loadTar = () => import('tar');
const loadYauzl = async () => (await import('yauzl')).default;

/** Most entries one archive may hold. */
export const MAX_ARCHIVE_ENTRIES = 100_000;

export class ExtractError extends Error {
  constructor(
    readonly code: 'UNSAFE_ENTRY' | 'UNSUPPORTED_ARCHIVE' | 'TOO_MANY_ENTRIES' | 'CORRUPT_ARCHIVE',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type ArchiveFormat = 'zip' | 'tar.gz';

export function archiveFormat(file: string): ArchiveFormat | undefined {
  const f = file.toLowerCase();
  if (f.endsWith('.zip')) return 'zip';
  if (f.endsWith('.tar.gz') || f.endsWith('.tgz')) return 'tar.gz';
  return undefined;
}

/**
 * Where an entry named `name` would land under `target`, or why it is refused: absolute names,
 * drive letters, `..` segments, NUL, and anything resolving outside `target` (zip-slip).
 */
export function entryDestination(target: string, name: string): string {
  const normalized = name.replace(/\\/g, '/');
  if (normalized.includes('\0')) throw new ExtractError('UNSAFE_ENTRY', `entry "${name}" contains NUL`);
  if (normalized.startsWith('/') || /^[A-Za-z]:/.test(normalized)) throw new ExtractError('UNSAFE_ENTRY', `entry "${name}" is an absolute path`);
  if (normalized.split('/').some((seg) => seg === '..')) throw new ExtractError('UNSAFE_ENTRY', `entry "${name}" climbs out with ".."`);
  const root = path.resolve(target);
  const dest = path.resolve(root, normalized);
  if (dest !== root && !dest.startsWith(root + path.sep)) throw new ExtractError('UNSAFE_ENTRY', `entry "${name}" escapes ${target}`);
  return dest;
}

/**
 * Unpacks a zip or tar.gz into `target`. The whole archive is checked first: one unsafe entry
 * (escaping names, links, devices) refuses it all and nothing is written.
 * @returns the entries written, as names relative to `target` with `/` separators (directories end
 *   with `/`), so the caller can record them and remove exactly these later.
 */
export async function extractArchive(archive: string, target: string, format = archiveFormat(archive)): Promise<string[]> {
  if (format === 'zip') return extractZip(archive, target);
  if (format === 'tar.gz') return extractTarGz(archive, target);
  throw new ExtractError('UNSUPPORTED_ARCHIVE', `${path.basename(archive)}: only .zip, .tar.gz and .tgz can be unpacked`);
}

async function openZip(file: string): Promise<yauzl.ZipFile> {
  const { open } = await loadYauzl();
  return new Promise((resolve, reject) => open(file, { lazyEntries: true, strictFileNames: false, validateEntrySizes: true }, (err, zip) => (err || !zip ? reject(new ExtractError('CORRUPT_ARCHIVE', `not a readable zip: ${err?.message}`, { cause: err })) : resolve(zip))));
}

function zipEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      if (entries.length > MAX_ARCHIVE_ENTRIES) return reject(new ExtractError('TOO_MANY_ENTRIES', `more than ${MAX_ARCHIVE_ENTRIES} entries`));
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(new ExtractError('CORRUPT_ARCHIVE', err.message, { cause: err })));
    zip.readEntry();
  });
}

async function extractZip(archive: string, target: string): Promise<string[]> {
  const zip = await openZip(archive);
  const entries = await zipEntries(zip);
  zip.close();
  const plan = entries.map((e) => {
    const unixType = (e.externalFileAttributes >>> 16) & 0o170000;
    if (unixType === 0o120000) throw new ExtractError('UNSAFE_ENTRY', `entry "${e.fileName}" is a symbolic link`);
    return { entry: e, dest: entryDestination(target, e.fileName), dir: e.fileName.endsWith('/') };
  });
  const again = await openZip(archive);
  try {
    for (const p of plan) {
      if (p.dir) {
        await fs.promises.mkdir(p.dest, { recursive: true });
        continue;
      }
      await fs.promises.mkdir(path.dirname(p.dest), { recursive: true });
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => again.openReadStream(p.entry, (err, s) => (err || !s ? reject(new ExtractError('CORRUPT_ARCHIVE', `${p.entry.fileName}: ${err?.message}`)) : resolve(s))));
      const tmp = `${p.dest}.ioms-tmp-${process.pid}`;
      await pipeline(stream, fs.createWriteStream(tmp, { mode: 0o644 }));
      await fs.promises.rename(tmp, p.dest);
    }
  } finally {
    again.close();
  }
  return plan.map((p) => entryName(p.entry.fileName, p.dir));
}

/** An entry's name as recorded: `/` separators, no leading `./`, directories with a trailing `/`. */
function entryName(name: string, directory: boolean): string {
  const clean = name.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return directory ? `${clean}/` : clean;
}

async function extractTarGz(archive: string, target: string): Promise<string[]> {
  let count = 0;
  const names: string[] = [];
  let problem: ExtractError | undefined;
  const tar = await loadTar();
  // Errors thrown inside tar's callbacks would escape the promise, so the first one is kept.
  await tar
    .t({
      file: archive,
      onReadEntry: (e) => {
        if (problem) return;
        try {
          if (++count > MAX_ARCHIVE_ENTRIES) throw new ExtractError('TOO_MANY_ENTRIES', `more than ${MAX_ARCHIVE_ENTRIES} entries`);
          if (e.type !== 'File' && e.type !== 'Directory' && e.type !== 'OldFile' && e.type !== 'ContiguousFile') throw new ExtractError('UNSAFE_ENTRY', `entry "${e.path}" is a ${e.type}, not a file or directory`);
          entryDestination(target, e.path);
          const name = entryName(e.path, e.type === 'Directory');
          if (name !== '/' && name !== '') names.push(name);
        } catch (err) {
          problem = err instanceof ExtractError ? err : new ExtractError('CORRUPT_ARCHIVE', String(err));
        }
      },
    })
    .catch((err: unknown) => {
      problem ??= new ExtractError('CORRUPT_ARCHIVE', `not a readable tar.gz: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    });
  if (problem) throw problem;
  await fs.promises.mkdir(target, { recursive: true });
  await tar.x({ file: archive, cwd: target, strict: true, preservePaths: false, noChmod: false, preserveOwner: false });
  return names;
}
