import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { HostRecord, JobRecord, JobTargetRecord } from '../../db/entities/index.js';
import { artifactDownload, findArtifactByRef } from '../artifacts/artifact-ref.js';
import type { Logger } from '../logger.js';
import { jobCommandId, runCommandInstruction, type CommandInstructionOf, type RunCommandInstruction } from '../../protocol/index.js';
import type { PubSub } from '../pubsub/pubsub.js';
import { agentInstructionsTopic } from '../hosts/topics.js';
import { appendJobEvent } from './job-events.js';
import type { JobService } from './job.service.js';

/** A SENT target not yet started is offered again after this long (at least once). @default 15 s */
export const REDELIVER_AFTER_MS = 15_000;
/** How often deadlines are checked and active jobs pumped. @default 1 s */
export const TICK_MS = 1_000;

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
 * number of times; every QUEUED → SENT step is a conditional UPDATE, so a target is dispatched by
 * one caller only. Pumps of one job run one at a time on this replica.
 */
export class JobDispatcher {
  private readonly chains = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;

  constructor(private readonly opts: DispatcherOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Serialized per job; errors are logged, never thrown at the caller. */
  pump(jobId: number): Promise<void> {
    const run = (this.chains.get(jobId) ?? Promise.resolve())
      .then(() => this.pumpNow(this.opts.orm.em.fork(), jobId))
      .catch((err: unknown) => this.opts.logger.error({ err, jobId }, 'job dispatch failed'));
    this.chains.set(jobId, run);
    void run.finally(() => {
      if (this.chains.get(jobId) === run) this.chains.delete(jobId);
    });
    return run;
  }

  /** A host's agent is listening again: offer it what was sent but not started, and pump its jobs. */
  async hostReady(hostId: number): Promise<void> {
    const em = this.opts.orm.em.fork();
    const sent = await em.find(JobTargetRecord, { hostId, status: 'SENT' });
    for (const t of sent) await this.deliver(em, t, true);
    const queued = await em.find(JobTargetRecord, { hostId, status: 'QUEUED' }, { fields: ['jobId'] });
    for (const jobId of new Set(queued.map((t) => t.jobId))) await this.pump(jobId);
  }

  /** Deadlines, redelivery, and a pump of every unfinished job. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const em = this.opts.orm.em.fork();
      const now = this.opts.now();
      await this.expire(em, now);
      const stale = await em.find(JobTargetRecord, { status: 'SENT', sentAt: { $lt: new Date(now.getTime() - REDELIVER_AFTER_MS) } }, { limit: 1000 });
      for (const t of stale) await this.deliver(em, t, true);
      const active = await em.find(JobRecord, { finishedAt: null }, { fields: ['id'] });
      for (const { id } of active) await this.pump(id);
    } catch (err) {
      this.opts.logger.error({ err }, 'job tick failed');
    } finally {
      this.ticking = false;
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
      const slots = job.batchSize - jobs.inFlight(counts);
      if (slots > 0 && counts.queued > 0) {
        const online = await em.find(HostRecord, { online: true, revokedAt: null }, { fields: ['id'] });
        const onlineIds = online.map((h) => h.id);
        const next = onlineIds.length ? await em.find(JobTargetRecord, { jobId, status: 'QUEUED', hostId: { $in: onlineIds } }, { orderBy: { id: 'asc' }, limit: slots }) : [];
        for (const t of next) {
          if ((await em.nativeUpdate(JobTargetRecord, { id: t.id, status: 'QUEUED' }, { status: 'SENT', sentAt: this.opts.now(), attempts: t.attempts + 1 })) !== 1) continue;
          t.status = 'SENT';
          await appendJobEvent(em, this.opts.pubsub, { jobId, at: this.opts.now(), type: 'TARGET', hostName: t.hostName, status: 'SENT', data: {} });
          await this.deliver(em, t, false);
        }
        counts = await jobs.counts(em, jobId);
      }
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

  /** QUEUED past queue-for, and SENT/RUNNING with no result by timeout + queue-for, end UNREACHABLE. */
  private async expire(em: EntityManager, now: Date): Promise<void> {
    const queued = await em.find(JobTargetRecord, { status: 'QUEUED', queueDeadline: { $lt: now } }, { limit: 1000 });
    const inFlight = await em.find(JobTargetRecord, { status: { $in: ['SENT', 'RUNNING'] } }, { limit: 5000 });
    // One query for the jobs of every candidate, not one per target: this runs every second.
    const ids = [...new Set([...queued, ...inFlight].map((t) => t.jobId))];
    const jobs = new Map((ids.length ? await em.find(JobRecord, { id: { $in: ids } }, { fields: ['timeoutSeconds', 'queueForSeconds'] }) : []).map((j) => [j.id, j]));
    for (const t of queued) {
      await this.endUnreachable(em, t, ['QUEUED'], `the host did not connect within queue-for (${jobs.get(t.jobId)?.queueForSeconds ?? '?'} s)`);
    }
    for (const t of inFlight) {
      const job = jobs.get(t.jobId);
      if (!job || !t.sentAt) continue;
      const deadline = t.sentAt.getTime() + (job.timeoutSeconds + job.queueForSeconds) * 1000 + 30_000;
      if (now.getTime() > deadline) await this.endUnreachable(em, t, ['SENT', 'RUNNING'], 'no result: the host did not report within the command timeout plus queue-for');
    }
  }

  private async endUnreachable(em: EntityManager, t: JobTargetRecord, from: JobTargetRecord['status'][], reason: string): Promise<void> {
    if ((await em.nativeUpdate(JobTargetRecord, { id: t.id, status: { $in: from } }, { status: 'UNREACHABLE', error: reason, finishedAt: this.opts.now() })) !== 1) return;
    await appendJobEvent(em, this.opts.pubsub, { jobId: t.jobId, at: this.opts.now(), type: 'TARGET', hostName: t.hostName, status: 'UNREACHABLE', data: { error: reason } });
    void this.pump(t.jobId);
  }

  /** Publishes the instruction for a target to whichever replica holds its host's socket. */
  private async deliver(em: EntityManager, t: JobTargetRecord, again: boolean): Promise<void> {
    const job = await em.findOne(JobRecord, { id: t.jobId });
    if (!job) return;
    if (again) await em.nativeUpdate(JobTargetRecord, { id: t.id, status: 'SENT' }, { sentAt: this.opts.now(), attempts: t.attempts + 1 });
    const payload = await this.instruction(em, job, t);
    if (!payload) return;
    let instruction;
    try {
      instruction = runCommandInstruction(payload); // validated against protocol/ before it leaves
    } catch (err) {
      await this.failUnsent(em, t, payload.id, `the command does not fit the wire protocol: ${err instanceof Error ? err.message.slice(0, 300) : String(err)}`);
      return;
    }
    this.opts.pubsub.publish(agentInstructionsTopic(t.hostId), instruction);
  }

  /** Ends a target the server cannot even send (its inputs are gone), as a FAILED result. */
  private async failUnsent(em: EntityManager, t: JobTargetRecord, id: string, error: string): Promise<undefined> {
    const at = this.opts.now().toISOString();
    await this.opts.jobs.result(em, t.hostId, { id, status: 'FAILED', exitCode: -1, stdout: '', stderr: '', stdoutTruncated: false, stderrTruncated: false, startedAt: at, finishedAt: at, durationMs: 0, error });
    return undefined;
  }

  private async instruction(em: EntityManager, job: JobRecord, t: JobTargetRecord): Promise<RunCommandInstruction | undefined> {
    const base = { id: jobCommandId(t.id), timeoutMs: job.timeoutSeconds * 1000 };
    const args = job.args as { processName?: string; username?: string; artifact?: string; path?: string; mode?: string };
    switch (job.kind) {
      case 'SHELL':
        return { ...base, kind: job.kind, command: job.command ?? '', interpreter: (job.interpreter ?? undefined) as CommandInstructionOf<'SHELL'>['interpreter'], cwd: job.cwd ?? undefined, env: job.env };
      case 'RESTART_PROCESS':
        return { ...base, kind: job.kind, processName: args.processName ?? '' };
      case 'COLLECT_INVENTORY':
        return { ...base, kind: job.kind };
      case 'SET_PASSWORD': {
        const password = this.opts.jobs.secrets.get(job.id);
        if (!password) return this.failUnsent(em, t, base.id, 'the password was kept only in the server’s memory and the server restarted before delivery; run the job again');
        return { ...base, kind: job.kind, username: args.username ?? '', password };
      }
      case 'DOWNLOAD':
      case 'UPGRADE_AGENT': {
        const artifact = await findArtifactByRef(em, args.artifact ?? '');
        if (!artifact) return this.failUnsent(em, t, base.id, `no artifact ${args.artifact}`);
        const download = artifactDownload(artifact, this.opts.serverUrl());
        return job.kind === 'DOWNLOAD' ? { ...base, kind: job.kind, path: args.path ?? '', mode: args.mode, artifact: download } : { ...base, kind: job.kind, artifact: download };
      }
    }
  }
}
