/**
 * What this host runs now, as the planner and the server see it: the agent's observed state.
 * Processes and cron entries come from the executors' snapshots; files from disk (hashed) joined
 * with the agent's record of what it wrote, for every desired path and every path it manages.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import {
  type DesiredState,
  type FileSpec,
  type ObservedCron,
  type ObservedFile,
  type ObservedProcess,
  filePathKey,
} from '../../manifests/index.js';
import type { CronEntrySnapshot } from '../cron/index.js';
import type { ProcessSnapshot, ProcessUsage } from '../supervisor/index.js';
import type { ManagedFile } from './managed-files.js';

/** A guarded process as observed, with its tree's CPU and RSS when they were measured. */
export function observedProcess(p: ProcessSnapshot, usage?: ProcessUsage): ObservedProcess {
  return {
    name: p.name,
    ...(p.pid !== undefined ? { pid: p.pid } : {}),
    state: p.state,
    restarts: p.restarts,
    specHash: p.specHash,
    ...(p.lastExit?.code !== undefined ? { lastExitCode: p.lastExit.code } : {}),
    ...(p.lastExit?.signal !== undefined ? { lastSignal: p.lastExit.signal } : {}),
    ...(p.reason !== undefined ? { reason: p.reason.slice(0, 512) } : {}),
    ...(p.retryAt !== undefined ? { retryAt: p.retryAt } : {}),
    ...(p.startedAt !== undefined ? { startedAt: p.startedAt } : {}),
    ...(usage?.cpu !== undefined ? { cpu: usage.cpu } : {}),
    ...(usage !== undefined ? { rss: usage.rssBytes } : {}),
  };
}

export function observedCron(c: CronEntrySnapshot): ObservedCron {
  return {
    name: c.name,
    specHash: c.specHash,
    ...(c.lastRun ? { lastRun: c.lastRun.startedAt } : {}),
    ...(c.nextRunAt ? { nextRun: c.nextRunAt } : {}),
    ...(c.error !== undefined ? { error: c.error.slice(0, 512) } : {}),
  };
}

/** Digests and mode of a regular file, or undefined when there is none at `file`. */
export async function inspectFile(file: string): Promise<{ sha256: string; md5: string; mode: number } | undefined> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) return undefined;
  const sha = crypto.createHash('sha256');
  const md5 = crypto.createHash('md5');
  for await (const chunk of fs.createReadStream(file)) {
    sha.update(chunk as Buffer);
    md5.update(chunk as Buffer);
  }
  return { sha256: sha.digest('hex'), md5: md5.digest('hex'), mode: stat.mode & 0o7777 };
}

async function observeFile(filePath: string, spec: FileSpec | undefined, record: ManagedFile | undefined): Promise<ObservedFile> {
  const managed = { ...(record ? { specHash: record.specHash, managedSha256: record.sha256 } : {}) };
  const seen = await inspectFile(filePath);
  if (seen === undefined) return { path: filePath, exists: false, ...managed };
  const extracted =
    spec?.extractTo === undefined
      ? {}
      : {
          extracted:
            record?.extracted !== undefined &&
            record.extracted.sha256 === seen.sha256 &&
            filePathKey(record.extracted.into) === filePathKey(spec.extractTo) &&
            fs.existsSync(spec.extractTo),
        };
  return {
    path: filePath,
    exists: true,
    sha256: seen.sha256,
    md5: seen.md5,
    ...(process.platform === 'win32' ? {} : { mode: seen.mode.toString(8).padStart(4, '0') }),
    ...managed,
    ...extracted,
  };
}

/** Every desired file and every file the agent manages, as on disk now. */
export async function observeFiles(desired: DesiredState, records: readonly ManagedFile[]): Promise<ObservedFile[]> {
  const specs = new Map(desired.files.map((f) => [filePathKey(f.path), f]));
  const recorded = new Map(records.map((r) => [filePathKey(r.path), r]));
  const keys = [...new Set([...specs.keys(), ...recorded.keys()])].sort();
  return Promise.all(keys.map((key) => observeFile(specs.get(key)?.path ?? recorded.get(key)!.path, specs.get(key), recorded.get(key))));
}
