import { raw, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { JobRecord, type TargetStatus } from '../../db/entities/index.js';
import { artifactDownload, findArtifactByRef } from '../artifacts/artifact-ref.js';
import type { Logger } from '../logger.js';
import { maintenanceLockFor, type MaintenanceLock } from '../metrics/maintenance-lock.js';
import { addressCommand, commandInstruction, jobCommandId, type CommandInstructionOf } from '../../protocol/index.js';
import type { PubSub } from '../pubsub/pubsub.js';
import { publishFanout, type FanoutInstruction } from './agent-fanout.js';
import { appendJobEvent, insertJobEvents, publishJobEvents } from './job-events.js';
import type { JobService } from './job.service.js';
import { MAX_REASKS, reaskLate } from './target-reask.js';
import { dispatchableTargets, selectTargets, targetsOf, targetsOfHosts, updateTargets, type TargetRow } from './target-rows.js';
import { Coalescer } from '../batching/coalescer.js';

/** A SENT target not yet started is offered again after this long (at least once). @default 15 s */
export const REDELIVER_AFTER_MS = 15_000;
/** How often deadlines are checked and active jobs pumped. @default 1 s */
export const TICK_MS = 1_000;
export const JOB_TICK_LOCK = 'ioms:job-tick';
/** Most targets one dispatch step sends (a larger window goes out in several steps back to back). */
export const DISPATCH_STEP = 5_000;

export interface DispatcherOptions {
  readonly orm: MikroORM;
  readonly pubsub: PubSub;
  readonly jobs: JobService;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Base URL agents download artifacts from (DOWNLOAD jobs). */
  readonly serverUrl: () => string;
}


/**
 * Moves jobs forward. Level-triggered: `pump(jobId)` recomputes from the rows what may be sent
 * now (the rolling window minus what is in flight, the failure budget) and is safe to call any
 * number of times. Calls while a pump of that job runs coalesce into one more pass, so a burst of
 * results costs a few passes, not one each.
 *
 * A dispatch step is one transaction: lock the chosen QUEUED rows, one UPDATE to SENT, one
 * multi-row INSERT of their events; then one fan-out message for all of them (every replica
 * hands it to the sockets it holds). The rows are written before anything is sent, and a row
 * another replica took meanwhile is skipped, so a target is dispatched by one caller only.
 */
export class JobDispatcher {
  private readonly pumps = new Map<number, { again: boolean; done: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  private readonly lock: MaintenanceLock;

  constructor(private readonly opts: DispatcherOptions) {
    this.lock = maintenanceLockFor(opts.orm, JOB_TICK_LOCK);
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /**
   * Resolves when no tick and no pump is running. A server closing waits for this before it
   * closes the pool: a tick holds a pooled connection for its named lock until it releases it.
   */
  async idle(): Promise<void> {
    while (this.ticking || this.pumps.size) await Promise.all([this.ticking, ...[...this.pumps.values()].map((p) => p.done)]);
  }

  /** Resolves after a pass that started after this call; errors are logged, never thrown at the caller. */
  pump(jobId: number): Promise<void> {
    const running = this.pumps.get(jobId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const state = { again: true, done: Promise.resolve() };
    state.done = (async () => {
      while (state.again) {
        state.again = false;
        await this.pumpNow(this.opts.orm.em.fork(), jobId).catch((err: unknown) => this.opts.logger.error({ err, jobId }, 'job dispatch failed'));
      }
      this.pumps.delete(jobId);
    })();
    this.pumps.set(jobId, state);
    return state.done;
  }

  /**
   * A host's agent is listening again: offer it what was sent but not started, and pump its
   * jobs. Hosts ready together (a connect storm) share one read of their targets.
   */
  hostReady(hostId: number): Promise<void> {
    return this.ready.submit(hostId);
  }

  private readonly ready = new Coalescer<number, void>(async (hostIds) => {
    const em = this.opts.orm.em.fork();
    const rows = await targetsOfHosts(em, [...new Set(hostIds)], ['SENT', 'QUEUED']);
    await this.redeliver(em, rows.filter((t) => t.status === 'SENT'));
    await Promise.all([...new Set(rows.filter((t) => t.status === 'QUEUED').map((t) => t.jobId))].map((jobId) => this.pump(jobId)));
    return hostIds.map(() => undefined);
  });

  /**
   * Deadlines, redelivery, and a pump of every unfinished job. Its queries are per unfinished job
   * and index-bound. With several replicas on one database one of them ticks at a time (a named
   * lock); the others still pump the jobs their own results and submissions touch.
   */
  tick(): Promise<void> {
    this.ticking ??= this.tickNow().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async tickNow(): Promise<void> {
    let release: (() => Promise<void>) | undefined;
    try {
      release = await this.lock.tryAcquire();
      if (!release) return;
      const em = this.opts.orm.em.fork();
      const now = this.opts.now();
      const active = await em.find(JobRecord, { finishedAt: null }, { fields: ['id', 'timeoutSeconds', 'queueForSeconds'], disableIdentityMap: true });
      for (const job of active) {
        await this.expire(em, job, now);
        await this.redeliver(em, await targetsOf(em, { jobId: job.id, statuses: ['SENT'], sentBefore: new Date(now.getTime() - REDELIVER_AFTER_MS) }, 5_000));
        await this.pump(job.id);
      }
    } catch (err) {
      this.opts.logger.error({ err }, 'job tick failed');
    } finally {
      await release?.();
    }
  }

  private async pumpNow(em: EntityManager, jobId: number): Promise<void> {
    const jobs = this.opts.jobs;
    const job = await em.findOne(JobRecord, { id: jobId });
    if (!job || job.finishedAt) return;
    let counts = await jobs.counts(em, jobId);
    if (job.status === 'RUNNING' && job.maxFailures !== null && job.maxFailures !== undefined && jobs.failureCount(counts) > job.maxFailures) {
      await jobs.setStatus(em, job, 'STOPPED', `${jobs.failureCount(counts)} failures passed the budget of ${job.maxFailures}`);
      await jobs.endQueued(em, jobId, 'not sent: the job stopped when failures passed its budget');
      counts = await jobs.counts(em, jobId);
    }
    if (job.status === 'RUNNING') {
      let slots = job.batchSize - jobs.inFlight(counts);
      let sentAny = false;
      while (slots > 0 && counts.queued > 0) {
        const sent = await this.dispatchStep(em, job, Math.min(slots, DISPATCH_STEP));
        if (sent === 0) break;
        sentAny = true;
        slots -= sent;
        counts = { ...counts, queued: counts.queued - sent, sent: counts.sent + sent };
      }
      if (sentAny) counts = await jobs.counts(em, jobId);
    }
    if (counts.done === counts.total) {
      // A stopped or cancelled job keeps its status; any other ends COMPLETED.
      const final = job.status === 'CANCELLED' || job.status === 'STOPPED' ? job.status : 'COMPLETED';
      if ((await em.nativeUpdate(JobRecord, { id: jobId, finishedAt: null }, { status: final, finishedAt: this.opts.now() })) === 1) {
        jobs.secrets.forget(jobId);
        await appendJobEvent(em, this.opts.pubsub, { jobId, at: this.opts.now(), type: 'JOB', hostName: null, status: final, data: { counts, finished: true } });
      }
    }
  }

  /** Sends up to `limit` QUEUED targets of `job` whose hosts are online; returns how many. */
  private async dispatchStep(em: EntityManager, job: JobRecord, limit: number): Promise<number> {
    const candidates = await dispatchableTargets(em, job.id, limit);
    if (candidates.length === 0) return 0;
    const at = this.opts.now();
    const { sent, views } = await em.transactional(async (tx) => {
      const mine = await selectTargets(tx, candidates.map((t) => t.id), ['QUEUED'], true);
      if (mine.length === 0) return { sent: [], views: [] };
      // A dispatch is a new attempt; redelivery and re-ask send the same one again.
      await updateTargets(tx, mine.map((t) => t.id), ['QUEUED'], { status: 'SENT', sentAt: at, bumpAttempts: true, attempt: raw('attempt + 1') });
      const events = await insertJobEvents(tx, job.id, mine.map((t) => ({ at, type: 'TARGET', hostName: t.hostName, status: 'SENT' as TargetStatus, data: {} })));
      return { sent: mine.map((t) => ({ ...t, attempt: t.attempt + 1 })), views: events };
    });
    publishJobEvents(this.opts.pubsub, job.id, views);
    await this.deliver(em, job, sent);
    return sent.length;
  }

  /** Offers SENT targets again (the agent returns its stored result for an id it already ran). */
  private async redeliver(em: EntityManager, targets: readonly TargetRow[]): Promise<void> {
    const byJob = new Map<number, TargetRow[]>();
    for (const t of targets) {
      const list = byJob.get(t.jobId);
      if (list) list.push(t);
      else byJob.set(t.jobId, [t]);
    }
    for (const [jobId, list] of byJob) {
      const job = await em.findOne(JobRecord, { id: jobId });
      if (!job) continue;
      await updateTargets(em, list.map((t) => t.id), ['SENT'], { sentAt: this.opts.now(), bumpAttempts: true });
      await this.deliver(em, job, list);
    }
  }

  /** QUEUED past queue-for, and SENT/RUNNING with no result by timeout + queue-for (RUNNING after its re-asks, target-reask.ts), end UNREACHABLE. */
  private async expire(em: EntityManager, job: Pick<JobRecord, 'id' | 'timeoutSeconds' | 'queueForSeconds'>, now: Date): Promise<void> {
    const queued = await targetsOf(em, { jobId: job.id, statuses: ['QUEUED'], queueDeadlineBefore: now });
    await this.endUnreachable(em, job.id, queued, ['QUEUED'], `the host did not connect within queue-for (${job.queueForSeconds} s)`);
    const cutoff = new Date(now.getTime() - (job.timeoutSeconds + job.queueForSeconds) * 1000 - 30_000);
    const late = await targetsOf(em, { jobId: job.id, statuses: ['SENT', 'RUNNING'], sentBefore: cutoff });
    const givenUp = await reaskLate(em, late, now, async (targets) => {
      const record = await em.findOne(JobRecord, { id: job.id });
      if (record) await this.deliver(em, record, targets);
    });
    await this.endUnreachable(em, job.id, givenUp, ['SENT', 'RUNNING'], `no result: the host did not report within the command timeout plus queue-for, nor answered when asked again (${MAX_REASKS} times)`);
  }

  private async endUnreachable(em: EntityManager, jobId: number, targets: readonly TargetRow[], from: TargetStatus[], reason: string): Promise<void> {
    if (targets.length === 0) return;
    const at = this.opts.now();
    const views = await em.transactional(async (tx) => {
      const mine = await selectTargets(tx, targets.map((t) => t.id), from, true);
      if (mine.length === 0) return [];
      await updateTargets(tx, mine.map((t) => t.id), from, { status: 'UNREACHABLE', error: reason, finishedAt: at });
      return insertJobEvents(tx, jobId, mine.map((t) => ({ at, type: 'TARGET', hostName: t.hostName, status: 'UNREACHABLE' as TargetStatus, data: { error: reason } })));
    });
    publishJobEvents(this.opts.pubsub, jobId, views);
    if (views.length) void this.pump(jobId);
  }

  /** One fan-out message for all `targets` of `job`; a target whose instruction cannot be built fails. */
  private async deliver(em: EntityManager, job: JobRecord, targets: readonly Pick<TargetRow, 'id' | 'hostId' | 'attempt'>[]): Promise<void> {
    if (targets.length === 0) return;
    const built = await this.instruction(em, job);
    let instruction: FanoutInstruction | string = built;
    if (typeof built !== 'string') {
      try {
        // Validated against protocol/ once per job and step (only the id and attempt differ between targets).
        commandInstruction(addressCommand(built, jobCommandId(targets[0]!.id), Math.max(1, targets[0]!.attempt)));
      } catch (err) {
        instruction = `the command does not fit the wire protocol: ${err instanceof Error ? err.message.slice(0, 300) : String(err)}`;
      }
    }
    if (typeof instruction === 'string') {
      for (const t of targets) await this.failUnsent(em, t, instruction);
      return;
    }
    publishFanout(this.opts.pubsub, instruction, targets.map((t) => [t.hostId, jobCommandId(t.id), Math.max(1, t.attempt)] as const));
  }

  /** Ends a target the server cannot even send (its inputs are gone), as a FAILED result. */
  private async failUnsent(em: EntityManager, t: Pick<TargetRow, 'id' | 'hostId' | 'attempt'>, error: string): Promise<void> {
    const at = this.opts.now().toISOString();
    await this.opts.jobs.result(em, t.hostId, { id: jobCommandId(t.id), attempt: Math.max(1, t.attempt), status: 'FAILED', exitCode: -1, stdout: '', stderr: '', stdoutTruncated: false, stderrTruncated: false, startedAt: at, finishedAt: at, durationMs: 0, error });
  }

  /** The job's instruction without the per-target id, or why it cannot be sent. */
  private async instruction(em: EntityManager, job: JobRecord): Promise<FanoutInstruction | string> {
    const timeoutMs = job.timeoutSeconds * 1000;
    const args = job.args as { processName?: string; username?: string; artifact?: string; path?: string; mode?: string };
    switch (job.kind) {
      case 'SHELL':
        return { kind: job.kind, payload: { timeoutMs, command: job.command ?? '', interpreter: (job.interpreter ?? undefined) as CommandInstructionOf<'SHELL'>['payload']['interpreter'], cwd: job.cwd ?? undefined, env: job.env } };
      case 'RESTART_PROCESS':
        return { kind: job.kind, payload: { timeoutMs, processName: args.processName ?? '' } };
      case 'COLLECT_INVENTORY':
        return { kind: job.kind, payload: { timeoutMs } };
      case 'SET_PASSWORD': {
        const password = this.opts.jobs.secrets.get(job.id);
        if (!password) return 'the password was kept only in the server’s memory and the server restarted before delivery; run the job again';
        return { kind: job.kind, payload: { timeoutMs, username: args.username ?? '', password } };
      }
      case 'DOWNLOAD':
      case 'UPGRADE_AGENT': {
        const artifact = await findArtifactByRef(em, args.artifact ?? '');
        if (!artifact) return `no artifact ${args.artifact}`;
        const download = artifactDownload(artifact, this.opts.serverUrl());
        return job.kind === 'DOWNLOAD' ? { kind: job.kind, payload: { timeoutMs, path: args.path ?? '', mode: args.mode, artifact: download } } : { kind: job.kind, payload: { timeoutMs, artifact: download } };
      }
    }
  }
}

