import { acceptsStart, decideResult } from './result-acceptance.js';
import type { EntityManager } from '@mikro-orm/core';
import type { TargetStatus } from '../../db/entities/index.js';
import type { CommandResultReport } from '../../protocol/index.js';
import { forbidden, notFound, type AppError } from '../errors.js';
import type { PubSub } from '../pubsub/pubsub.js';
import { insertJobEvents, publishJobEvents, type NewJobEvent } from './job-events.js';
import type { JobEventType } from './job.type.js';
import { chunks, selectTargets, updateTargets, updateTargetsEach, type TargetRow } from './target-rows.js';

/** Reports per flush; more wait for the next one. @default 500 */
export const INGEST_BATCH = 500;
/** How long a report may wait for others to share its transaction. @default 5 ms */
export const INGEST_LINGER_MS = 5;
/** Columns a result sets, in the order of the values built in `store`. */
const RESULT_COLUMNS = ['status', 'exit_code', 'signal', 'stdout', 'stderr', 'stdout_truncated', 'stderr_truncated', 'started_at', 'finished_at', 'duration_ms', 'error'] as const;
/** Characters of stdout/stderr carried in a progress event (the row keeps the whole output). */
const EVENT_OUTPUT_CHARS = 4096;

export type Report = { readonly kind: 'started'; readonly hostId: number; readonly commandId: string; readonly at: Date; readonly attempt?: number } | { readonly kind: 'result'; readonly hostId: number; readonly report: CommandResultReport };

interface Pending {
  readonly item: Report;
  resolve(stored: boolean): void;
  reject(err: unknown): void;
}

/** The target a report names, if it may report on it: it must exist and be this host's. */
export function checkOwnership(target: TargetRow | undefined, hostId: number, commandId: string): AppError | undefined {
  if (!target) return notFound(`no command ${commandId}`);
  if (target.hostId !== hostId) return forbidden(`command ${commandId} is not for this host`);
  return undefined;
}

export function targetIdOf(commandId: string): number | undefined {
  const id = Number(commandId.replace(/^t/, ''));
  return Number.isSafeInteger(id) ? id : undefined;
}

function validDate(text: string): Date | undefined {
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The targets whose start report and result share `batch` and whose result will be stored (its
 * host's, for the attempt the target was sent as, the target still SENT): the start then changes
 * nothing of its own — the result's row update records its start time, and one event
 * (SENT → final) stands for both. Its start report is still accepted.
 */
export function resultsStoredWithStart(batch: readonly { readonly item: Report }[], targets: ReadonlyMap<number, TargetRow>): Set<number> {
  const starts = new Map<number, Report & { kind: 'started' }>();
  for (const { item } of batch) if (item.kind === 'started') starts.set(targetIdOf(item.commandId) ?? -1, item);
  const out = new Set<number>();
  for (const { item } of batch) {
    if (item.kind !== 'result') continue;
    const id = targetIdOf(item.report.id);
    const target = id === undefined ? undefined : targets.get(id);
    const start = id === undefined ? undefined : starts.get(id);
    if (!target || !start || target.hostId !== item.hostId || start.hostId !== item.hostId || target.status !== 'SENT') continue;
    if (acceptsStart(target, start.attempt) && decideResult(target, item.report.attempt).kind === 'STORE') out.add(target.id);
  }
  return out;
}

/**
 * Agent reports about job targets (started, result), stored in batches like metrics: reports
 * arriving together share one transaction — the rows locked and read once, one UPDATE for all
 * `started`, one UPDATE per result, one multi-row INSERT of events per job — and each caller's
 * promise settles only after that transaction commits, so an agent's result is acknowledged
 * only once stored. Exactly once: a result is stored only while its target is still in
 * a status that accepts it ({@link decideResult}: SENT or RUNNING), read under the row lock; a repeat resolves `false` and changes nothing.
 */
export class ResultIngest {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      readonly pubsub: PubSub;
      readonly now: () => Date;
      /** Called once per job a flush changed (the dispatcher's pump). */
      readonly onChange: (jobId: number) => void;
    },
    private readonly fork: () => EntityManager,
  ) {}

  submit(item: Report): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.flushing || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flush().finally(() => {
        this.flushing = undefined;
        if (this.queue.length) this.schedule();
      });
    }, this.queue.length >= INGEST_BATCH ? 0 : INGEST_LINGER_MS);
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, INGEST_BATCH);
    try {
      await this.store(batch);
    } catch (err) {
      for (const p of batch) p.reject(new Error('store command reports', { cause: err }));
    }
  }

  private async store(batch: Pending[]): Promise<void> {
    const em = this.fork();
    const now = this.deps.now();
    const ids = [...new Set(batch.map((p) => targetIdOf(p.item.kind === 'started' ? p.item.commandId : p.item.report.id)).filter((id): id is number => id !== undefined))];
    const outcome = new Map<Pending, boolean | AppError>();
    const eventsByJob = new Map<number, NewJobEvent[]>();
    const changedJobs = new Set<number>();
    const committed = new Map<number, JobEventType[]>();
    await em.transactional(async (tx) => {
      const status = new Map((await selectTargets(tx, ids, undefined, true)).map((t) => [t.id, t]));
      const started: TargetRow[] = [];
      const results: { target: TargetRow; status: TargetStatus; report: CommandResultReport }[] = [];
      const addEvent = (t: TargetRow, e: Omit<NewJobEvent, 'hostName' | 'type' | 'at'>) => {
        const event: NewJobEvent = { at: now, type: 'TARGET', hostName: t.hostName, ...e };
        const list = eventsByJob.get(t.jobId);
        if (list) list.push(event);
        else eventsByJob.set(t.jobId, [event]);
        changedJobs.add(t.jobId);
      };
      // Started before results, so a fast command's two reports in one batch both count.
      const ordered = [...batch.filter((p) => p.item.kind === 'started'), ...batch.filter((p) => p.item.kind === 'result')];
      const storedWithStart = resultsStoredWithStart(batch, status);
      for (const p of ordered) {
        const commandId = p.item.kind === 'started' ? p.item.commandId : p.item.report.id;
        const id = targetIdOf(commandId);
        const target = id === undefined ? undefined : status.get(id);
        const refused = checkOwnership(target, p.item.hostId, commandId);
        if (refused || !target) {
          outcome.set(p, refused ?? notFound(`no command ${commandId}`));
          continue;
        }
        if (p.item.kind === 'started') {
          const ok = acceptsStart(target, p.item.attempt);
          outcome.set(p, ok);
          if (!ok) continue;
          // Its result is in this batch too and will be stored: one change SENT → final, no RUNNING between.
          if (storedWithStart.has(target.id)) continue;
          status.set(target.id, { ...target, status: 'RUNNING' });
          started.push(target);
          addEvent(target, { status: 'RUNNING', data: {} });
        } else {
          const decision = decideResult(target, p.item.report.attempt);
          if (decision.kind !== 'STORE') {
            outcome.set(p, decision.kind === 'ACKNOWLEDGE' ? false : forbidden(`result for ${commandId} refused: ${decision.reason}`));
            continue;
          }
          outcome.set(p, true);
          const r = p.item.report;
          const final: TargetStatus = r.status;
          status.set(target.id, { ...target, status: final });
          results.push({ target, status: final, report: r });
          addEvent(target, {
            status: final,
            data: { exitCode: r.exitCode, durationMs: r.durationMs, error: r.error ?? null, stdout: r.stdout.slice(0, EVENT_OUTPUT_CHARS), stderr: r.stderr.slice(0, EVENT_OUTPUT_CHARS), stdoutTruncated: r.stdoutTruncated || r.stdout.length > EVENT_OUTPUT_CHARS, stderrTruncated: r.stderrTruncated || r.stderr.length > EVENT_OUTPUT_CHARS },
          });
        }
      }
      const startedAt = new Map(batch.flatMap((p) => (p.item.kind === 'started' ? [[targetIdOf(p.item.commandId), p.item.at] as const] : [])));
      for (const part of chunks(started)) await updateTargets(tx, part.map((t) => t.id), ['SENT'], { status: 'RUNNING', startedAt: startedAt.get(part[0]!.id) ?? now });
      const startedAtOf = (t: TargetRow) => (t.startedAt ? new Date(t.startedAt) : startedAt.get(t.id) ?? null);
      await updateTargetsEach(
        tx,
        RESULT_COLUMNS,
        results.map(({ target, status: final, report: r }) => ({
          id: target.id,
          textBytes: r.stdout.length + r.stderr.length,
          // A result without a valid start time keeps the one `started` recorded.
          values: [final, r.exitCode, r.signal ?? null, r.stdout, r.stderr, r.stdoutTruncated, r.stderrTruncated, validDate(r.startedAt) ?? startedAtOf(target), validDate(r.finishedAt) ?? now, r.durationMs, r.error?.slice(0, 1024) ?? null],
        })),
      );
      for (const [jobId, events] of eventsByJob) committed.set(jobId, await insertJobEvents(tx, jobId, events));
    });
    for (const [jobId, views] of committed) publishJobEvents(this.deps.pubsub, jobId, views);
    for (const p of batch) {
      const o = outcome.get(p);
      if (typeof o === 'boolean') p.resolve(o);
      else p.reject(o ?? notFound('no such command'));
    }
    for (const jobId of changedJobs) this.deps.onChange(jobId);
  }
}
