import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { JobRecord, JobTargetRecord, type JobKind, type JobStatus, type TargetStatus } from '../../db/entities/index.js';
import type { AuditService } from '../audit/audit.service.js';
import { badInput, conflict, notFound } from '../errors.js';
import type { HostService } from '../hosts/host.service.js';
import type { CommandResultReport } from '../../protocol/index.js';
import type { PubSub } from '../pubsub/pubsub.js';
import { parseBatch } from './batch.js';
import { appendJobEvent, insertJobEvents, publishJobEvents } from './job-events.js';
import { ResultIngest } from './result-ingest.js';
import { targetHosts } from './target-hosts.js';
import { insertTargets, selectTargets, targetsOf, updateTargets } from './target-rows.js';
import type { JobCounts, RunCommandInput } from './job.type.js';

/** @default 60 s */
export const DEFAULT_TIMEOUT_SECONDS = 60;
export const MAX_TIMEOUT_SECONDS = 86_400;
/** @default 600 s (10 minutes) */
export const DEFAULT_QUEUE_FOR_SECONDS = 600;
export const MAX_QUEUE_FOR_SECONDS = 7 * 86_400;
export const MAX_COMMAND_CHARS = 65_536;

const IN_FLIGHT: TargetStatus[] = ['SENT', 'RUNNING'];
const FAILURES: TargetStatus[] = ['FAILED', 'TIMED_OUT', 'UNREACHABLE'];
const FINAL_JOB: JobStatus[] = ['COMPLETED', 'CANCELLED'];

export interface JobServiceDeps {
  readonly pubsub: PubSub;
  readonly audit: AuditService;
  readonly hosts: HostService;
  readonly now: () => Date;
  /** Called after a change that may allow more dispatching (the dispatcher's `pump`). */
  readonly onChange: (jobId: number) => void;
}

export interface Actor {
  readonly username: string;
  readonly ip: string;
}

/** Secrets of SET_PASSWORD jobs live only here, in memory, until delivered; never in a row or log. */
export class JobSecrets {
  private readonly byJob = new Map<number, string>();
  set(jobId: number, secret: string): void {
    this.byJob.set(jobId, secret);
  }
  get(jobId: number): string | undefined {
    return this.byJob.get(jobId);
  }
  forget(jobId: number): void {
    this.byJob.delete(jobId);
  }
}

/**
 * Jobs: submission (job, targets and audit row in one transaction, before anything is sent),
 * control (cancel, pause, resume), results from agents (stored once), and queries.
 */
export class JobService {
  readonly secrets = new JobSecrets();
  private ingest: ResultIngest | undefined;

  constructor(private readonly deps: JobServiceDeps) {}

  async submit(em: EntityManager, input: RunCommandInput, actor: Actor): Promise<JobRecord> {
    const { kind, command, args } = describeAction(input);
    const timeoutSeconds = bounded(input.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS, 'timeoutSeconds');
    const queueForSeconds = bounded(input.queueForSeconds, DEFAULT_QUEUE_FOR_SECONDS, 0, MAX_QUEUE_FOR_SECONDS, 'queueForSeconds');
    if (input.maxFailures !== undefined && input.maxFailures !== null && (!Number.isInteger(input.maxFailures) || input.maxFailures < 0)) throw badInput('maxFailures must be 0 or more');
    const env = checkEnv(input.env);
    if (input.selector === undefined && !(input.hosts?.length ?? 0)) throw badInput('no target: give a selector ("" means every host) or host names');
    const hosts = await targetHosts(em, { selector: input.selector ?? undefined, hosts: input.hosts ?? undefined });
    if (hosts.length === 0) throw badInput('no enrolled host matches the target');
    const batch = parseBatch(input.batch, hosts.length);
    if (typeof batch !== 'number') throw badInput(batch.error);
    const now = this.deps.now();
    const deadline = new Date(now.getTime() + queueForSeconds * 1000);
    const job = await em.transactional(async (tx) => {
      const record = tx.create(JobRecord, {
        kind,
        command,
        interpreter: input.interpreter ?? null,
        cwd: input.cwd ?? null,
        env,
        args,
        timeoutSeconds,
        selector: input.selector ?? null,
        hostPatterns: input.hosts ?? [],
        batchSize: batch,
        maxFailures: input.maxFailures ?? null,
        queueForSeconds,
        status: 'RUNNING',
        createdBy: actor.username,
        createdAt: now,
        finishedAt: null,
        lastSeq: 0,
      });
      await tx.flush();
      await insertTargets(tx, record.id, hosts.map((h) => ({ hostId: h.id, hostName: h.name })), deadline);
      // The audit row commits with the job: if it cannot be written, nothing is sent.
      this.deps.audit.build(tx, { actorType: 'USER', actor: actor.username, ip: actor.ip, action: 'runCommand', target: `job ${record.id}`, args: { kind, command, ...args, selector: input.selector, hosts: input.hosts, targets: hosts.length, batch: input.batch, maxFailures: input.maxFailures, timeoutSeconds, queueForSeconds }, outcome: 'SUCCESS' });
      await tx.flush();
      return record;
    });
    if (kind === 'SET_PASSWORD') this.secrets.set(job.id, input.action!.password!);
    await appendJobEvent(em.fork(), this.deps.pubsub, { jobId: job.id, at: now, type: 'JOB', hostName: null, status: 'RUNNING', data: { targets: hosts.length, batchSize: batch } });
    this.deps.onChange(job.id);
    return job;
  }

  async get(em: EntityManager, id: number): Promise<JobRecord> {
    const job = await em.findOne(JobRecord, { id });
    if (!job) throw notFound(`no job ${id}`);
    return job;
  }

  find(em: EntityManager, id: number): Promise<JobRecord | null> {
    return em.findOne(JobRecord, { id });
  }

  async exists(em: EntityManager, id: number): Promise<boolean> {
    return (await em.count(JobRecord, { id })) > 0;
  }

  list(em: EntityManager, status: JobStatus | undefined, first: number, after?: number): Promise<JobRecord[]> {
    return em.find(JobRecord, { ...(status ? { status } : {}), ...(after ? { id: { $lt: after } } : {}) }, { orderBy: { id: 'desc' }, limit: first });
  }

  /** One host's targets, newest first (index host_id, id). */
  hostHistory(em: EntityManager, hostId: number, first: number): Promise<JobTargetRecord[]> {
    return em.find(JobTargetRecord, { hostId }, { orderBy: { id: 'desc' }, limit: first });
  }

  /** Plain rows, not managed entities: a job may have thousands of targets and they are only read. */
  async targets(em: EntityManager, jobId: number, status?: TargetStatus): Promise<JobTargetRecord[]> {
    const qb = (em as SqlEntityManager).createQueryBuilder(JobTargetRecord).select('*').where({ jobId, ...(status ? { status } : {}) }).orderBy({ hostName: 'asc' });
    return qb.execute<JobTargetRecord[]>('all', true);
  }

  async counts(em: EntityManager, jobId: number): Promise<JobCounts> {
    // Through the caller's transaction when there is one (cancel/pause/resume run in their audited unit).
    const rows = (await em.getConnection().execute('select status, count(*) as n from job_targets where job_id = ? group by status', [jobId], 'all', em.getTransactionContext())) as { status: TargetStatus; n: number | string }[];
    const by = (s: TargetStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    const c = { queued: by('QUEUED'), sent: by('SENT'), running: by('RUNNING'), succeeded: by('SUCCEEDED'), failed: by('FAILED'), timedOut: by('TIMED_OUT'), unreachable: by('UNREACHABLE'), cancelled: by('CANCELLED') };
    const done = c.succeeded + c.failed + c.timedOut + c.unreachable + c.cancelled;
    return { ...c, total: done + c.queued + c.sent + c.running, done };
  }

  /** Cancels: targets not yet sent end CANCELLED; those already running finish and are recorded. */
  async cancel(em: EntityManager, id: number, actor: Actor): Promise<JobRecord> {
    const job = await this.get(em, id);
    if (FINAL_JOB.includes(job.status)) throw conflict(`job ${id} is already ${job.status.toLowerCase()}`);
    await this.setStatus(em, job, 'CANCELLED', `cancelled by ${actor.username}`);
    await this.endQueued(em, job.id, `cancelled by ${actor.username} before it was sent`);
    this.deps.onChange(job.id);
    return job;
  }

  async pause(em: EntityManager, id: number, actor: Actor): Promise<JobRecord> {
    const job = await this.get(em, id);
    if (job.status !== 'RUNNING') throw conflict(`job ${id} is ${job.status.toLowerCase()}, not running`);
    await this.setStatus(em, job, 'PAUSED', `paused by ${actor.username}`);
    return job;
  }

  async resume(em: EntityManager, id: number, actor: Actor): Promise<JobRecord> {
    const job = await this.get(em, id);
    if (job.status !== 'PAUSED') throw conflict(`job ${id} is ${job.status.toLowerCase()}, not paused`);
    await this.setStatus(em, job, 'RUNNING', `resumed by ${actor.username}`);
    this.deps.onChange(job.id);
    return job;
  }

  /** The agent began running a target (a redelivered command's stored result may come instead). */
  async started(em: EntityManager, hostId: number, commandId: string, startedAt: Date, attempt?: number): Promise<void> {
    await this.ingestFor(em).submit({ kind: 'started', hostId, commandId, at: startedAt, ...(attempt ? { attempt } : {}) });
  }

  /**
   * Stores a target's result exactly once; a repeated report of a stored result is acknowledged
   * without change (the agent retries until acknowledged). Returns whether it was new. Reports
   * arriving together are stored in one transaction (see {@link ResultIngest}).
   */
  result(em: EntityManager, hostId: number, report: CommandResultReport): Promise<boolean> {
    return this.ingestFor(em).submit({ kind: 'result', hostId, report });
  }

  private ingestFor(em: EntityManager): ResultIngest {
    this.ingest ??= new ResultIngest({ pubsub: this.deps.pubsub, now: this.deps.now, onChange: this.deps.onChange }, () => em.fork());
    return this.ingest;
  }

  /** Ends the job with `status` (COMPLETED or STOPPED …) once, with an event. */
  async setStatus(em: EntityManager, job: JobRecord, status: JobStatus, reason: string): Promise<boolean> {
    const final = FINAL_JOB.includes(status);
    const changed = await em.nativeUpdate(JobRecord, { id: job.id, status: job.status }, { status, ...(final ? { finishedAt: this.deps.now() } : {}) });
    if (changed !== 1) return false;
    job.status = status;
    if (final) this.secrets.forget(job.id);
    await appendJobEvent(em, this.deps.pubsub, { jobId: job.id, at: this.deps.now(), type: 'JOB', hostName: null, status, data: { reason, counts: await this.counts(em, job.id) } });
    return true;
  }

  /** Targets never sent end CANCELLED with `reason`: one transaction, one UPDATE, one INSERT of events per chunk. */
  async endQueued(em: EntityManager, jobId: number, reason: string): Promise<void> {
    const queued = await targetsOf(em, { jobId, statuses: ['QUEUED'] }, 1_000_000);
    if (queued.length === 0) return;
    const at = this.deps.now();
    const views = await em.transactional(async (tx) => {
      const mine = await selectTargets(tx, queued.map((t) => t.id), ['QUEUED'], true);
      await updateTargets(tx, mine.map((t) => t.id), ['QUEUED'], { status: 'CANCELLED', error: reason, finishedAt: at });
      return insertJobEvents(tx, jobId, mine.map((t) => ({ at, type: 'TARGET', hostName: t.hostName, status: 'CANCELLED' as TargetStatus, data: { error: reason } })));
    });
    publishJobEvents(this.deps.pubsub, jobId, views);
  }

  failureCount(c: JobCounts): number {
    return c.failed + c.timedOut + c.unreachable;
  }

  inFlight(c: JobCounts): number {
    return c.sent + c.running;
  }

}

export { IN_FLIGHT, FAILURES };

/** The job's kind, its command text (never a secret) and the built-in's arguments. */
function describeAction(input: RunCommandInput): { kind: JobKind; command: string; args: Record<string, unknown> } {
  const action = input.action;
  if (input.command !== undefined && input.command !== null && action) throw badInput('give a command or an action, not both');
  if (!action) {
    const command = input.command?.trim() ?? '';
    if (!command) throw badInput('the command is empty');
    if (command.length > MAX_COMMAND_CHARS) throw badInput(`the command is longer than ${MAX_COMMAND_CHARS} characters`);
    return { kind: 'SHELL', command, args: {} };
  }
  switch (action.kind) {
    case 'RESTART_PROCESS':
      if (!action.processName) throw badInput('RESTART_PROCESS needs processName');
      return { kind: action.kind, command: `restart process ${action.processName}`, args: { processName: action.processName } };
    case 'COLLECT_INVENTORY':
      return { kind: action.kind, command: 'collect inventory', args: {} };
    case 'SET_PASSWORD':
      if (!action.username || !/^[A-Za-z0-9._$-]{1,64}$/.test(action.username)) throw badInput('SET_PASSWORD needs a valid username');
      if (!action.password || action.password.length < 8 || action.password.length > 1024) throw badInput('SET_PASSWORD needs a password of 8 to 1024 characters');
      if (/[\r\n:]/.test(action.password)) throw badInput('the password may not contain line breaks or ":"');
      return { kind: action.kind, command: `set password of ${action.username}`, args: { username: action.username } };
    case 'DOWNLOAD':
      if (!action.artifact || !action.path) throw badInput('DOWNLOAD needs artifact and path');
      return { kind: action.kind, command: `download ${action.artifact} to ${action.path}`, args: { artifact: action.artifact, path: action.path, ...(action.mode ? { mode: action.mode } : {}) } };
    case 'UPGRADE_AGENT':
      if (!action.artifact) throw badInput('UPGRADE_AGENT needs the artifact holding the new agent bundle');
      return { kind: action.kind, command: `upgrade agent to ${action.artifact}`, args: { artifact: action.artifact } };
    default:
      throw badInput(`a ${String(action.kind)} action cannot be run as a job; use command for SHELL`);
  }
}

function bounded(value: number | undefined | null, fallback: number, min: number, max: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw badInput(`${name} must be between ${min} and ${max}`);
  return v;
}

function checkEnv(env: Record<string, unknown> | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(k)) throw badInput(`environment variable name "${k}" is not valid`);
    if (typeof v !== 'string' || v.length > 32_768) throw badInput(`environment variable ${k} must be a string of at most 32 KiB`);
    out[k] = v;
  }
  return out;
}


