/**
 * The changes waiting to reach the server, kept on disk (`changes.json` in the state dir) so that
 * neither a dropped link nor an agent restart loses one: delivery is at least once, and the
 * server keeps one row per change id. Bounded: past {@link MAX_SPOOLED_CHANGES} the oldest are
 * dropped (and counted). Changes are few (one per plan action carried out), so the whole file is
 * rewritten atomically on every change of its content.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { changeRecordSchema, MAX_CHANGES_PER_REPORT, type ChangeRecord } from '../../protocol/change-report.schema.js';
import { writeFileAtomic } from '../exec/atomic-write.js';

/** Most changes kept while the server is away. @default 5000 */
export const MAX_SPOOLED_CHANGES = 5_000;
const FILE = 'changes.json';

export class ChangeSpool {
  private items: ChangeRecord[];
  private flushing = false;
  private writing: Promise<void> = Promise.resolve();
  dropped = 0;

  private constructor(
    private readonly file: string,
    items: ChangeRecord[],
    private readonly max: number,
  ) {
    this.items = items;
  }

  /** Loads the spool of `stateDir`; an unreadable file or record is dropped, never fatal. */
  static async open(stateDir: string, max = MAX_SPOOLED_CHANGES): Promise<ChangeSpool> {
    const file = path.join(stateDir, FILE);
    let items: ChangeRecord[] = [];
    try {
      const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (Array.isArray(raw)) items = raw.flatMap((r) => { const p = changeRecordSchema.safeParse(r); return p.success ? [p.data] : []; });
    } catch {
      // none yet, or unreadable: start empty
    }
    return new ChangeSpool(file, items.slice(-max), max);
  }

  get size(): number {
    return this.items.length;
  }

  /** Adds changes and makes them durable (resolves once written). */
  push(changes: readonly ChangeRecord[]): Promise<void> {
    if (changes.length === 0) return this.writing;
    this.items = [...this.items, ...changes];
    if (this.items.length > this.max) {
      this.dropped += this.items.length - this.max;
      this.items = this.items.slice(-this.max);
    }
    return this.save();
  }

  /** Sends everything in batches, oldest first; a batch leaves the spool only once `send` resolved. */
  async flush(send: (batch: ChangeRecord[]) => Promise<unknown>): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.items.length > 0) {
        const batch = this.items.slice(0, MAX_CHANGES_PER_REPORT);
        await send(batch);
        const sent = new Set(batch.map((c) => c.id));
        this.items = this.items.filter((c) => !sent.has(c.id));
        await this.save();
      }
    } finally {
      this.flushing = false;
    }
  }

  private save(): Promise<void> {
    const snapshot = JSON.stringify(this.items);
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(this.file, snapshot));
    return this.writing;
  }
}
