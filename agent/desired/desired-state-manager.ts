import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  type DesiredInstruction,
  EMPTY_DESIRED_STATE,
  type ObservedFile,
  type ObservedState,
  type PlanAction,
  desiredInstructionSchema,
  planHost,
  specHash,
} from '../../manifests/index.js';
import type { CronRunner } from '../cron/index.js';
import type { AgentLogger } from '../log.js';
import { ProcessUsageSampler, type Supervisor } from '../supervisor/index.js';
import type { ChangeRecord } from '../../protocol/change-report.schema.js';
import { changesMade } from './changes-made.js';
import { type ActionOutcome, executePlan } from './execute-plan.js';
import { type Download, FileExecutor } from './file-executor.js';
import { ManagedFiles } from './managed-files.js';
import { observeFiles, observedCron, observedProcess } from './observe-host.js';

export type { DesiredInstruction } from '../../manifests/index.js';
export { desiredInstructionSchema } from '../../manifests/index.js';

const STATE_FILE = 'desired.json';
/** The hash this host last converged on: what makes a later action CORRECTIVE rather than INTENDED. */
const CONVERGED_FILE = 'converged.json';
/** How often the host is observed and planned again, so hand edits are found and restored. @default 30 s */
export const FILE_CHECK_MS = 30_000;
/** How often the observed state is sent again while a guarded process runs, for fresh CPU and RSS. @default 60 s (the metrics interval) */
export const USAGE_REPORT_MS = 60_000;

/**
 * The agent's plan for its desired state: the same pure planner the server runs for drift, fed
 * with what this agent observes (and the store digests the server sent with the instruction).
 * Exported so that a test can put the server's and the agent's paths side by side.
 */
export function planForAgent(instruction: DesiredInstruction, observed: ObservedState): PlanAction[] {
  return planHost(instruction.desired, observed, { artifacts: instruction.artifacts });
}

/**
 * Keeps this host in its desired state, with or without the server: the last desired state is
 * kept on disk and enforced again at every start; guarded processes and cron entries keep
 * running while the server is away; the host is observed and planned again periodically.
 *
 *   instruction ──▶ validate ──▶ persist ──▶ observe ──▶ planHost ──▶ execute, in plan order ──▶ report observed
 *
 * The agent does exactly what the plan says, nothing else: removals (stop, unschedule, delete)
 * happen because the plan lists them, and what the plan holds (a FATAL process, a file changed
 * by hand, a cron entry this host cannot run) is left alone and shows in the observed state.
 */
export class DesiredStateManager {
  private current: DesiredInstruction | undefined;
  private lastError: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private usageTimer: NodeJS.Timeout | undefined;
  private readonly usage: ProcessUsageSampler;
  private applying: Promise<void> = Promise.resolve();
  private files: ObservedFile[] = [];
  private convergedHash: string | null = null;
  private readonly records: ManagedFiles;
  private readonly fileExecutor: FileExecutor;

  constructor(
    private readonly opts: {
      stateDir: string;
      supervisor: Supervisor;
      cron: CronRunner;
      download: Download;
      logger: AgentLogger;
      /**
       * Told after every apply that did something, whenever the apply error changed, and every
       * `usageReportMs` while a guarded process runs (its CPU and RSS moved).
       */
      onChange: () => void;
      /** The plan actions a pass carried out or tried, each marked INTENDED or CORRECTIVE (the changes report). */
      onChanges?: (changes: ChangeRecord[]) => void;
      /** Test seams. @default Date.now, crypto.randomUUID */
      now?: () => number;
      newId?: () => string;
      fileCheckMs?: number;
      usageReportMs?: number;
      /** Test seam: where CPU and RSS come from. */
      usage?: ProcessUsageSampler;
    },
  ) {
    this.usage = opts.usage ?? new ProcessUsageSampler();
    this.records = new ManagedFiles(opts.stateDir);
    this.fileExecutor = new FileExecutor(this.records, opts.download);
  }

  /** Enforces the desired state kept on disk (at agent start, before any server contact). */
  async start(): Promise<void> {
    this.convergedHash = readConverged(path.join(this.opts.stateDir, CONVERGED_FILE));
    const file = path.join(this.opts.stateDir, STATE_FILE);
    if (fs.existsSync(file)) {
      const parsed = (() => {
        try {
          return desiredInstructionSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
        } catch {
          return undefined;
        }
      })();
      if (parsed?.success) {
        this.current = parsed.data;
        this.opts.logger.info('enforcing the desired state kept on disk', { revision: parsed.data.revision, hash: parsed.data.hash });
      } else this.opts.logger.warn(`ignored an unreadable ${file}`);
    }
    await this.enqueue();
    this.timer = setInterval(() => void this.enqueue(), this.opts.fileCheckMs ?? FILE_CHECK_MS);
    this.timer.unref();
    this.usageTimer = setInterval(() => {
      if (this.opts.supervisor.snapshot().some((p) => p.pid !== undefined)) this.opts.onChange();
    }, this.opts.usageReportMs ?? USAGE_REPORT_MS);
    this.usageTimer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    clearInterval(this.usageTimer);
  }

  get hash(): string | null {
    return this.current?.hash ?? null;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  /** A DESIRED_STATE instruction from the server. */
  async receive(payload: unknown): Promise<void> {
    const parsed = desiredInstructionSchema.safeParse(payload);
    if (!parsed.success) {
      this.opts.logger.warn('ignored a malformed desired state', { issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) });
      return;
    }
    this.current = parsed.data;
    this.persist(parsed.data);
    await this.enqueue();
  }

  /** What this host runs now, for the server's drift computation (files as of the last apply). */
  observe(): ObservedState {
    const processes = this.opts.supervisor.snapshot();
    const usage = this.usage.sample(processes.flatMap((p) => (p.pid !== undefined ? [p.pid] : [])));
    return {
      processes: processes.map((p) => observedProcess(p, p.pid !== undefined ? usage.get(p.pid) : undefined)),
      cron: this.opts.cron.snapshot().map(observedCron),
      files: this.files,
    };
  }

  private enqueue(): Promise<void> {
    this.applying = this.applying.then(() => this.apply()).catch((err: unknown) => this.opts.logger.error('applying the desired state failed', { err: err instanceof Error ? err.message : String(err) }));
    return this.applying;
  }

  private async observeNow(): Promise<ObservedState> {
    this.files = await observeFiles(this.current?.desired ?? EMPTY_DESIRED_STATE, this.records.all());
    return this.observe();
  }

  /**
   * One pass: observe, plan, carry out the plan. A converged host does nothing. Without a desired
   * state (none received yet, or an unreadable one on disk) nothing is planned: an empty desired
   * state would remove everything.
   */
  private async apply(): Promise<void> {
    const instruction = this.current;
    if (instruction === undefined) return;
    const desired = instruction.desired;
    await this.opts.supervisor.recover(new Map(desired.processes.map((p) => [p.name, { spec: p, specHash: specHash(p) }])));
    const actions = planForAgent(instruction, await this.observeNow());
    const work = actions.filter((a) => a.type !== 'Hold');
    const outcomes = await executePlan(actions, this.executors(), instruction.artifacts);
    for (const o of outcomes) this.log(o);
    if (work.length > 0) {
      const at = new Date((this.opts.now ?? Date.now)()).toISOString();
      this.opts.onChanges?.(changesMade(outcomes, { hash: instruction.hash, revision: instruction.revision, convergedHash: this.convergedHash, at, newId: this.opts.newId ?? randomUUID }));
    }
    if (work.some((a) => a.type === 'PutFile' || a.type === 'RemoveFile')) await this.observeNow();
    // Converged (for telling corrective changes from intended ones): nothing left to do but Holds,
    // either at once or once this pass's actions all succeeded.
    if (outcomes.every((o) => o.result === 'done')) this.markConverged(instruction.hash);
    const problems = outcomes.filter((o) => o.result === 'failed').map((o) => `${o.action.key}: ${o.error ?? 'failed'}`);
    const error = problems.length ? problems.join('; ').slice(0, 1000) : undefined;
    const changed = work.length > 0 || error !== this.lastError;
    this.lastError = error;
    if (error) this.opts.logger.warn('the desired state could not be applied in full', { error });
    if (changed) this.opts.onChange();
  }

  private log(o: ActionOutcome): void {
    if (o.action.type === 'Hold') return;
    if (o.result === 'done') this.opts.logger.info(o.action.message, { key: o.action.key, reason: o.action.reason });
    else this.opts.logger.warn(`${o.action.message}: ${o.error ?? o.result}`, { key: o.action.key, reason: o.action.reason });
  }

  private executors() {
    const { supervisor, cron } = this.opts;
    return {
      processes: {
        start: (spec: Parameters<Supervisor['start']>[0], hash: string) => supervisor.start(spec, hash),
        replace: (spec: Parameters<Supervisor['replace']>[0], hash: string) => supervisor.replace(spec, hash),
        stop: (name: string) => supervisor.stop(name),
        restart: (name: string) => supervisor.restart(name),
      },
      cron,
      files: this.fileExecutor,
    };
  }

  private markConverged(hash: string): void {
    if (this.convergedHash === hash) return;
    this.convergedHash = hash;
    writeAtomic(path.join(this.opts.stateDir, CONVERGED_FILE), JSON.stringify({ hash }));
  }

  private persist(instruction: DesiredInstruction): void {
    writeAtomic(path.join(this.opts.stateDir, STATE_FILE), JSON.stringify(instruction));
  }
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function readConverged(file: string): string | null {
  try {
    const hash = (JSON.parse(fs.readFileSync(file, 'utf8')) as { hash?: unknown }).hash;
    return typeof hash === 'string' ? hash : null;
  } catch {
    return null;
  }
}
