/**
 * The agent's on-disk result spool: the memory that makes execution happen at most once per
 * command id and delivery at least once.
 *
 * - `markStarted` is durable before a process starts, so after a crash the agent knows the
 *   command may have run and never runs it again.
 * - `put` stores the result durably; it stays in `unacked()` until the server's `ack`.
 * - Acknowledged results are kept for `retentionMs`, so a late redelivery still gets the
 *   stored result; `prune` then deletes them.
 *
 * One file per id (`cmd-<id>.json`), replaced atomically on every transition. Only metadata
 * is kept in memory; outputs are read from disk when asked for. One agent process owns a
 * spool directory at a time.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { COMMAND_ID_PATTERN } from './command-request.schema.js';
import { type CommandResult } from './command-result.schema.js';
import { syncDirectory, TEMP_SUFFIX, writeFileAtomic } from './atomic-write.js';
import { ExecError } from './exec-error.js';
import { spoolRecordSchema, type SpoolRecord } from './spool-record.schema.js';

/** How long acknowledged results are kept for redeliveries (one day). */
export const DEFAULT_RESULT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** What the spool knows about one id, without its output. */
export type SpoolEntry =
  | { readonly state: 'started'; readonly startedAt: string; readonly attempt?: number }
  | { readonly state: 'completed'; readonly seq: number; readonly ackedAtMs: number | undefined };

/** Options of {@link ResultSpool.open}. */
export interface ResultSpoolOptions {
  /** @default {@link DEFAULT_RESULT_RETENTION_MS} */
  readonly retentionMs?: number;
  /** Test seam: clock for `ackedAt`, epoch ms. @default Date.now */
  readonly now?: () => number;
}

const FILE_PREFIX = 'cmd-';
const FILE_SUFFIX = '.json';

export class ResultSpool {
  private readonly entries: Map<string, SpoolEntry>;
  private nextSeq: number;

  private constructor(
    readonly dir: string,
    entries: Map<string, SpoolEntry>,
    private readonly retentionMs: number,
    private readonly now: () => number,
  ) {
    this.entries = entries;
    let maxSeq = -1;
    for (const entry of entries.values()) if (entry.state === 'completed') maxSeq = Math.max(maxSeq, entry.seq);
    this.nextSeq = maxSeq + 1;
  }

  /**
   * Opens (creating, mode 0700) the spool in `dir`, deletes temporary files a crash left
   * behind and loads every record's metadata. A record that cannot be read or parsed is
   * treated as `started`: the command may have run, so it must not run again.
   */
  static async open(dir: string, options: ResultSpoolOptions = {}): Promise<ResultSpool> {
    const entries = new Map<string, SpoolEntry>();
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      for (const name of await readdir(dir)) {
        if (name.endsWith(TEMP_SUFFIX)) {
          await unlink(join(dir, name));
          continue;
        }
        const id = idFromFileName(name);
        if (id === undefined) continue;
        entries.set(id, await loadEntry(join(dir, name)));
      }
    } catch (error) {
      throw new ExecError('SPOOL_IO', `open result spool ${dir}`, { cause: error });
    }
    return new ResultSpool(dir, entries, options.retentionMs ?? DEFAULT_RESULT_RETENTION_MS, options.now ?? Date.now);
  }

  /** What is known about `id`, or undefined if it was never started (or was pruned). */
  entry(id: string): SpoolEntry | undefined {
    return this.entries.get(id);
  }

  /** The stored result of `id`, or undefined when there is none (yet). */
  async get(id: string): Promise<CommandResult | undefined> {
    const record = await this.read(id);
    return record?.state === 'completed' ? record.result : undefined;
  }

  /** Ids started but never completed, in no particular order: runs an agent crash interrupted. */
  interrupted(): Array<{ id: string; startedAt: string; attempt?: number }> {
    const found: Array<{ id: string; startedAt: string; attempt?: number }> = [];
    for (const [id, entry] of this.entries) if (entry.state === 'started') found.push({ id, startedAt: entry.startedAt, ...(entry.attempt ? { attempt: entry.attempt } : {}) });
    return found;
  }

  /**
   * Durably records that `id` is about to run. Must resolve before the process is spawned.
   * Throws `SPOOL_IO` on failure (then do not run), `INVALID_ID` for a bad id.
   */
  async markStarted(id: string, meta: { readonly startedAt: string; readonly attempt?: number }): Promise<void> {
    const attempt = meta.attempt ? { attempt: meta.attempt } : {};
    await this.write({ state: 'started', id: checkId(id), startedAt: meta.startedAt, ...attempt });
    this.entries.set(id, { state: 'started', startedAt: meta.startedAt, ...attempt });
  }

  /**
   * Durably stores the result of `id` and queues it for delivery. The first result stored
   * for an id wins: a later `put` for the same id is ignored.
   */
  async put(id: string, result: CommandResult): Promise<void> {
    checkId(id);
    if (result.id !== id) throw new ExecError('INVALID_ID', `result for ${result.id} stored under ${id}`);
    if (this.entries.get(id)?.state === 'completed') return;
    const seq = this.nextSeq;
    this.nextSeq += 1;
    await this.write({ state: 'completed', id, seq, result });
    this.entries.set(id, { state: 'completed', seq, ackedAtMs: undefined });
  }

  /** Results not yet acknowledged by the server, oldest completion first. */
  async unacked(): Promise<CommandResult[]> {
    const pending = [...this.entries]
      .flatMap(([id, entry]) => (entry.state === 'completed' && entry.ackedAtMs === undefined ? [{ id, seq: entry.seq }] : []))
      .sort((a, b) => a.seq - b.seq);
    const results: CommandResult[] = [];
    for (const { id } of pending) {
      const result = await this.get(id);
      if (result !== undefined) results.push(result);
    }
    return results;
  }

  /**
   * Marks the result of `id` acknowledged; it leaves `unacked()` and is kept for the
   * retention period. Returns false when there is no completed result for `id`.
   */
  async ack(id: string): Promise<boolean> {
    const entry = this.entries.get(id);
    if (entry?.state !== 'completed') return false;
    if (entry.ackedAtMs !== undefined) return true;
    const record = await this.read(id);
    if (record?.state !== 'completed') return false;
    const ackedAtMs = this.now();
    await this.write({ ...record, ackedAt: new Date(ackedAtMs).toISOString() });
    this.entries.set(id, { ...entry, ackedAtMs });
    return true;
  }

  /** Deletes acknowledged results older than the retention period; returns their ids. */
  async prune(nowMs: number): Promise<string[]> {
    const expired = [...this.entries].flatMap(([id, entry]) =>
      entry.state === 'completed' && entry.ackedAtMs !== undefined && entry.ackedAtMs + this.retentionMs <= nowMs ? [id] : [],
    );
    try {
      for (const id of expired) {
        await unlink(this.pathOf(id));
        this.entries.delete(id);
      }
      if (expired.length > 0) await syncDirectory(this.dir);
    } catch (error) {
      throw new ExecError('SPOOL_IO', `prune result spool ${this.dir}`, { cause: error });
    }
    return expired;
  }

  private pathOf(id: string): string {
    return join(this.dir, fileNameOf(id));
  }

  private async read(id: string): Promise<SpoolRecord | undefined> {
    if (!this.entries.has(id)) return undefined;
    try {
      return spoolRecordSchema.parse(JSON.parse(await readFile(this.pathOf(id), 'utf8')));
    } catch (error) {
      throw new ExecError('SPOOL_IO', `read spool record ${id}`, { cause: error });
    }
  }

  private async write(record: SpoolRecord): Promise<void> {
    try {
      await writeFileAtomic(this.pathOf(record.id), JSON.stringify(record));
    } catch (error) {
      throw new ExecError('SPOOL_IO', `write spool record ${record.id} (${record.state})`, { cause: error });
    }
  }
}

function checkId(id: string): string {
  if (!COMMAND_ID_PATTERN.test(id)) throw new ExecError('INVALID_ID', `invalid command id ${JSON.stringify(id)}`);
  return id;
}

/**
 * File name of an id. Upper-case letters are written as `^` + lower case, so ids differing
 * only in case stay distinct on case-insensitive file systems (Windows, macOS); the prefix
 * keeps ids like `con` or `nul` clear of Windows device names.
 */
export function fileNameOf(id: string): string {
  return `${FILE_PREFIX}${checkId(id).replace(/[A-Z]/g, (c) => `^${c.toLowerCase()}`)}${FILE_SUFFIX}`;
}

/** The id a spool file name encodes, or undefined for any other file. */
export function idFromFileName(name: string): string | undefined {
  if (!name.startsWith(FILE_PREFIX) || !name.endsWith(FILE_SUFFIX)) return undefined;
  const id = name.slice(FILE_PREFIX.length, -FILE_SUFFIX.length).replace(/\^([a-z])/g, (_, c: string) => c.toUpperCase());
  return COMMAND_ID_PATTERN.test(id) && fileNameOf(id) === name ? id : undefined;
}

async function loadEntry(path: string): Promise<SpoolEntry> {
  try {
    const record = spoolRecordSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    return record.state === 'started'
      ? { state: 'started', startedAt: record.startedAt, ...(record.attempt ? { attempt: record.attempt } : {}) }
      : { state: 'completed', seq: record.seq, ackedAtMs: record.ackedAt === undefined ? undefined : Date.parse(record.ackedAt) };
  } catch {
    // Unreadable record: the command may have run. Treat as interrupted; never run it again.
    return { state: 'started', startedAt: (await stat(path)).mtime.toISOString() };
  }
}
