/**
 * The agent's record of the files it manages, kept in its state dir (`managed-files.json`) so
 * that removal works after a restart and a hand edit can be told from IOMS's own write:
 * per file the spec hash it was written for, the digests of what IOMS wrote, and for an archive
 * the entries it unpacked (removed with it).
 *
 * The record is written atomically after every change; an unreadable record is set aside
 * (`.corrupt`) and the agent starts with none, which makes every desired file NOT_MANAGED
 * (rewritten once) and removes nothing it cannot prove it wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { filePathKey } from '../../manifests/index.js';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const managedFileSchema = z.object({
  path: z.string().min(1),
  /** Spec hash of the file entry this content was written for. */
  specHash: z.string(),
  sha256: hex64,
  md5: z.string().regex(/^[0-9a-f]{32}$/),
  /** For an archive with `extractTo`: where, for which content, and which entries. */
  extracted: z.object({ into: z.string(), sha256: hex64, entries: z.array(z.string()) }).optional(),
});
export type ManagedFile = z.infer<typeof managedFileSchema>;

const recordSchema = z.object({ version: z.literal(1), files: z.array(managedFileSchema) });

export const MANAGED_FILES = 'managed-files.json';

export class ManagedFiles {
  private readonly byKey = new Map<string, ManagedFile>();
  private readonly file: string;

  constructor(stateDir: string) {
    this.file = path.join(stateDir, MANAGED_FILES);
    let raw: string | undefined;
    try {
      raw = fs.readFileSync(this.file, 'utf8');
    } catch {
      return;
    }
    const parsed = (() => {
      try {
        return recordSchema.safeParse(JSON.parse(raw));
      } catch {
        return undefined;
      }
    })();
    if (parsed?.success) for (const f of parsed.data.files) this.byKey.set(filePathKey(f.path), f);
    else fs.renameSync(this.file, `${this.file}.corrupt`);
  }

  get(filePath: string): ManagedFile | undefined {
    return this.byKey.get(filePathKey(filePath));
  }

  all(): ManagedFile[] {
    return [...this.byKey.values()];
  }

  async set(record: ManagedFile): Promise<void> {
    this.byKey.set(filePathKey(record.path), record);
    await this.save();
  }

  async forget(filePath: string): Promise<void> {
    if (this.byKey.delete(filePathKey(filePath))) await this.save();
  }

  private async save(): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    await fs.promises.writeFile(tmp, JSON.stringify({ version: 1, files: this.all() }), { mode: 0o600 });
    await fs.promises.rename(tmp, this.file);
  }
}
