/** Printing a job's results, shared by `ioms exec` and `ioms job ID` (stdout). */
import { printData, writeOut, writeRaw, type OutputFormat } from '../output.js';
import { allSucceeded, groupResults, jsonResults, renderGroups, summaryLine } from './result-groups.js';
import type { JobWithTargets } from './watch-job.js';

export interface PrintResultsOptions {
  readonly format: OutputFormat;
  /** Shown in the summary line; default: created → finished on the server's clock. */
  readonly elapsedMs?: number;
  readonly write?: (s: string) => void;
  /** Host output unchanged, terminal controls included (`ioms exec --raw`). @default false */
  readonly raw?: boolean;
}

/** Grouped results and a summary line, or `{job, results}` as JSON/YAML. Returns true when every host succeeded. */
export function printJobResults(job: JobWithTargets, o: PrintResultsOptions): boolean {
  const write = o.write ?? (o.raw ? writeRaw : writeOut);
  if (o.format !== 'table') printData(o.format, jsonResults(job.id, job.targets), [], write);
  else {
    const groups = renderGroups(groupResults(job.targets));
    write(`${groups}${groups ? '\n' : ''}${summaryLine(job.id, job.status, job.targets, o.elapsedMs ?? serverElapsedMs(job))}\n`);
  }
  return allSucceeded(job.targets);
}

function serverElapsedMs(job: JobWithTargets): number | undefined {
  if (!job.finishedAt) return undefined;
  const ms = Date.parse(job.finishedAt) - Date.parse(job.createdAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
