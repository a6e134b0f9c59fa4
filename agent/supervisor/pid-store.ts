/**
 * One file per guarded process in the state dir, naming the instance that runs for it:
 * written right after a spawn, removed when the instance is gone. A new agent reads these to
 * find instances its predecessor left running. Files are written atomically (temp + rename)
 * and validated when read back; an unreadable one is discarded.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fileSafeName } from './log-files.js';

export const pidRecordSchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1),
    pid: z.number().int().positive(),
    /** Kernel start time (Linux) guarding against pid reuse; absent where unavailable. */
    startTime: z.string().optional(),
    specHash: z.string(),
    /** ISO-8601 time the instance was started. */
    startedAt: z.string(),
  })
  .strict();
export type PidRecord = z.infer<typeof pidRecordSchema>;

export class PidStore {
  constructor(private readonly dir: string) {}

  private pathOf(name: string): string {
    return join(this.dir, `${fileSafeName(name)}.json`);
  }

  /** Synchronous on purpose: the window between spawn and record must not span an await. */
  write(record: PidRecord): void {
    mkdirSync(this.dir, { recursive: true });
    const path = this.pathOf(record.name);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(record), { mode: 0o600 });
    renameSync(temp, path);
  }

  remove(name: string): void {
    rmSync(this.pathOf(name), { force: true });
  }

  /** Every valid record; invalid or stray files are deleted. */
  readAll(): PidRecord[] {
    let entries: string[];
    try {
      entries = readdirSync(this.dir);
    } catch {
      return [];
    }
    const records: PidRecord[] = [];
    for (const entry of entries) {
      const path = join(this.dir, entry);
      const parsed = entry.endsWith('.json') ? parseRecord(path) : undefined;
      if (parsed !== undefined && this.pathOf(parsed.name) === path) records.push(parsed);
      else rmSync(path, { force: true, recursive: true });
    }
    return records;
  }
}

function parseRecord(path: string): PidRecord | undefined {
  try {
    const result = pidRecordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
