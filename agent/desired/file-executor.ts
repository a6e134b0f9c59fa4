/**
 * The file executor: writes and removes managed files as the plan's PutFile and RemoveFile say,
 * and keeps the agent's record of them ({@link ManagedFiles}). I/O only; what to do is decided by
 * `planHost`.
 *
 * - put: download from the artifact store (verified, atomic, mode set), unpack an archive into
 *   its `extractTo` once per content (entries recorded; entries of an earlier content that the
 *   new one no longer has are removed), then record spec hash and digests.
 * - remove: delete the file and the entries it unpacked, but only if the file still holds what
 *   IOMS wrote (checked again at the moment of removal); then forget it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ArtifactDownload, FileSpec } from '../../manifests/index.js';
import { entryDestination, extractArchive } from '../files/extract-archive.js';
import { FileError } from '../files/file-error.js';
import type { ManagedFile, ManagedFiles } from './managed-files.js';
import { inspectFile } from './observe-host.js';

/** Downloads one artifact to `file.path` (verified against the store's digests, atomic, mode set). */
export type Download = (file: FileSpec, artifact: ArtifactDownload) => Promise<{ sha256: string; md5: string }>;

export class FileExecutor {
  constructor(
    private readonly records: ManagedFiles,
    private readonly download: Download,
  ) {}

  async put(file: FileSpec, specHash: string, artifact: ArtifactDownload | undefined): Promise<void> {
    if (artifact === undefined) throw new FileError('ARTIFACT_NOT_FOUND', `artifact ${file.artifact} is not in the server's store`);
    const written = await this.download(file, artifact);
    const before = this.records.get(file.path);
    const extracted = file.extractTo === undefined ? undefined : await this.extract(file, file.extractTo, written.sha256, before);
    if (file.extractTo === undefined && before?.extracted !== undefined) await removeEntries(before.extracted);
    await this.records.set({ path: file.path, specHash, sha256: written.sha256, md5: written.md5, ...(extracted ? { extracted } : {}) });
  }

  async remove(filePath: string): Promise<void> {
    const record = this.records.get(filePath);
    const seen = await inspectFile(filePath);
    if (seen !== undefined) {
      if (record === undefined || seen.sha256 !== record.sha256) {
        throw new FileError('MODIFIED_BY_HAND', `${filePath} was changed since IOMS wrote it; it is left in place`);
      }
      await fs.promises.rm(filePath, { force: true });
    }
    if (record?.extracted !== undefined) await removeEntries(record.extracted);
    await this.records.forget(filePath);
  }

  private async extract(file: FileSpec, into: string, sha256: string, before: ManagedFile | undefined): Promise<ManagedFile['extracted']> {
    const previous = before?.extracted;
    if (previous !== undefined && previous.sha256 === sha256 && previous.into === into && fs.existsSync(into)) return previous;
    const entries = await extractArchive(file.path, into);
    if (previous !== undefined) {
      const kept = new Set(previous.into === into ? entries : []);
      await removeEntries({ into: previous.into, entries: previous.entries.filter((e) => !kept.has(e)) });
    }
    return { into, sha256, entries };
  }
}

/** Deletes unpacked files, then their directories deepest first when empty. Names are re-checked against `into`. */
async function removeEntries(extracted: { readonly into: string; readonly entries: readonly string[] }): Promise<void> {
  const files = extracted.entries.filter((e) => !e.endsWith('/'));
  const dirs = new Set(extracted.entries.filter((e) => e.endsWith('/')).map((e) => e.slice(0, -1)));
  for (const name of files) {
    for (let d = path.posix.dirname(name); d !== '.' && d !== '/'; d = path.posix.dirname(d)) dirs.add(d);
    await fs.promises.rm(entryDestination(extracted.into, name), { force: true });
  }
  const deepestFirst = [...dirs].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? 1 : -1));
  for (const dir of deepestFirst) await fs.promises.rmdir(entryDestination(extracted.into, dir)).catch(() => undefined);
}
