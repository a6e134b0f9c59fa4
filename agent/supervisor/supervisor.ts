/**
 * Keeps a set of guarded processes in their desired state.
 *
 * Agent restarts: guarded processes OUTLIVE the agent. `detach()` (agent exit) leaves them
 * running with their pid records in the state dir; the next supervisor on the same state dir,
 * at its first `apply`, ADOPTS each recorded instance that is provably the same process
 * (pid + kernel start time, see `process-identity.ts`) and still matches the desired spec hash,
 * and KILLS the tree of every other live recorded instance before starting anew. Why adopt
 * rather than always kill: an agent upgrade or crash must not take down a game server or any
 * other guarded workload. Why the children can survive us at all: they are spawned in their
 * own process group (detached) with stdout/stderr going straight to log files, not through
 * pipes that would break when the agent dies. Either way there are never two instances.
 * A recorded pid whose identity cannot be verified (no start time on this platform: not Linux,
 * not Windows) is neither adopted nor killed, since it may by now be an unrelated program.
 *
 * All public operations are serialised: an `apply` never interleaves with a `restart`.
 */
import { join } from 'node:path';
import { SupervisorError } from './supervisor-error.js';
import { GuardedProcess } from './guarded-process.js';
import { DEFAULT_MAX_LOG_BYTES, capLogFile, logPathsFor } from './log-files.js';
import { PidStore, type PidRecord } from './pid-store.js';
import { checkIdentity, readProcessStartTime } from './process-identity.js';
import { type RunningInstance, type SpawnFn, adoptInstance, defaultSpawn, spawnInstance } from './process-instance.js';
import { type TerminateTree, terminateProcessTree } from './process-tree.js';
import { DEFAULT_RESTART_TUNING, type RestartTuning } from './restart-policy.js';
import { hashSpec } from './spec-hash.js';
import { type Timers, realTimers, unrefTimer } from './timers.js';
import {
  type ProcessSnapshot,
  type ProcessSpec,
  type SupervisorEvent,
  type SupervisorListener,
  processSpecSchema,
} from './types.js';

/** @default grace between SIGTERM and SIGKILL */
export const DEFAULT_STOP_GRACE_MS = 5_000;
/** @default how often an adopted (not our child) instance is checked */
export const DEFAULT_ADOPT_POLL_MS = 250;
/** @default how often log files are checked against their cap */
export const DEFAULT_LOG_CHECK_INTERVAL_MS = 10_000;

export interface SupervisorOptions {
  /** Directory for pid records (`processes/`) and logs (`logs/`); survives agent restarts. */
  readonly stateDir: string;
  /** @default child_process.spawn */
  readonly spawn?: SpawnFn;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default Math.random */
  readonly random?: () => number;
  /** @default the global setTimeout / clearTimeout */
  readonly timers?: Timers;
  /** @default the platform's tree kill (process group / taskkill) */
  readonly terminateTree?: TerminateTree;
  /** @default /proc start time on Linux, undefined elsewhere */
  readonly readStartTime?: (pid: number) => string | undefined;
  /** @default DEFAULT_STOP_GRACE_MS */
  readonly stopGraceMs?: number;
  /** @default DEFAULT_ADOPT_POLL_MS */
  readonly adoptPollMs?: number;
  /** Cap per stream and process. @default DEFAULT_MAX_LOG_BYTES */
  readonly maxLogBytes?: number;
  /** @default DEFAULT_LOG_CHECK_INTERVAL_MS */
  readonly logCheckIntervalMs?: number;
  /** @default DEFAULT_RESTART_TUNING */
  readonly restartTuning?: Partial<RestartTuning>;
}

/** What an `apply` did, by process name. */
export interface ApplyResult {
  readonly started: readonly string[];
  readonly adopted: readonly string[];
  readonly restarted: readonly string[];
  readonly stopped: readonly string[];
  readonly unchanged: readonly string[];
}

export class Supervisor {
  private readonly processes = new Map<string, GuardedProcess>();
  private readonly listeners = new Set<SupervisorListener>();
  private readonly pidStore: PidStore;
  private readonly logDir: string;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly readStartTime: (pid: number) => string | undefined;
  private readonly maxLogBytes: number;
  private queue: Promise<unknown> = Promise.resolve();
  private recovered = false;
  private detached = false;
  private logCheckHandle: unknown;

  constructor(private readonly options: SupervisorOptions) {
    this.pidStore = new PidStore(join(options.stateDir, 'processes'));
    this.logDir = join(options.stateDir, 'logs');
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? realTimers;
    this.readStartTime = options.readStartTime ?? readProcessStartTime;
    this.maxLogBytes = options.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES;
  }

  /** Subscribes to events; returns the unsubscribe function. A throwing listener is ignored. */
  onEvent(listener: SupervisorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Makes the running set match `specs`: starts new names, stops removed ones, restarts those
   * whose spec hash changed, leaves the rest alone (a FATAL or EXITED one stays so).
   * Rejects with SupervisorError INVALID_SPEC / DUPLICATE_PROCESS before anything is touched.
   */
  async apply(specs: readonly unknown[]): Promise<ApplyResult> {
    const desired = parseSpecs(specs);
    return this.serialise(async () => {
      const adopted = await this.recover(desired);
      const result = { started: [] as string[], adopted, restarted: [] as string[], stopped: [] as string[], unchanged: [] as string[] };
      for (const [name, current] of [...this.processes]) {
        if (desired.has(name)) continue;
        await current.stop();
        this.processes.delete(name);
        result.stopped.push(name);
      }
      for (const [name, spec] of desired) {
        const specHash = hashSpec(spec);
        const current = this.processes.get(name);
        if (current?.specHash === specHash) {
          if (!adopted.includes(name)) result.unchanged.push(name);
          continue;
        }
        if (current !== undefined) await current.stop();
        const guarded = this.create(spec, specHash);
        this.processes.set(name, guarded);
        guarded.start();
        (current === undefined ? result.started : result.restarted).push(name);
      }
      this.scheduleLogCheck();
      return result;
    });
  }

  /** Stops and starts `name` again (the cron "restart at a set time"); also revives FATAL. */
  restart(name: string): Promise<void> {
    return this.serialise(async () => {
      const guarded = this.processes.get(name);
      if (guarded === undefined) throw new SupervisorError('UNKNOWN_PROCESS', `no guarded process named ${JSON.stringify(name)}`);
      await guarded.stop();
      guarded.start();
    });
  }

  /** Stops every guarded process (and any recorded by an earlier agent) and forgets them. */
  stopAll(): Promise<void> {
    return this.serialise(async () => {
      await this.recover(new Map());
      await Promise.all([...this.processes.values()].map((guarded) => guarded.stop()));
      this.processes.clear();
      this.cancelLogCheck();
    });
  }

  /**
   * For agent exit: stop watching, leave every instance running with its pid record, so the
   * next supervisor adopts it. The supervisor is unusable afterwards.
   */
  detach(): void {
    this.detached = true;
    for (const guarded of this.processes.values()) guarded.detach();
    this.cancelLogCheck();
  }

  snapshot(): ProcessSnapshot[] {
    return [...this.processes.values()].map((guarded) => guarded.snapshot()).sort((a, b) => a.name.localeCompare(b.name));
  }

  private serialise<T>(operation: () => Promise<T>): Promise<T> {
    if (this.detached) return Promise.reject(new SupervisorError('SUPERVISOR_DETACHED', 'the supervisor was detached'));
    const run = this.queue.then(operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private emit(event: SupervisorEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure must not break supervision.
      }
    }
  }

  private create(spec: ProcessSpec, specHash: string): GuardedProcess {
    const { options } = this;
    return new GuardedProcess(spec, specHash, {
      spawn: (s) =>
        spawnInstance(s, {
          spawn: options.spawn ?? defaultSpawn,
          now: this.now,
          logPaths: logPathsFor(this.logDir, s.name),
          maxLogBytes: this.maxLogBytes,
          readStartTime: this.readStartTime,
        }),
      terminateTree: options.terminateTree ?? terminateProcessTree,
      pidStore: this.pidStore,
      now: this.now,
      random: options.random ?? Math.random,
      timers: this.timers,
      tuning: { ...DEFAULT_RESTART_TUNING, ...options.restartTuning },
      stopGraceMs: options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS,
      emit: (event) => this.emit(event),
    });
  }

  /**
   * Once per supervisor: settles the pid records left by an earlier agent against `desired`.
   * Adopts live instances that match; kills (and waits out) every other live one, so nothing
   * new starts beside a stale instance.
   * @returns the names adopted.
   */
  private async recover(desired: ReadonlyMap<string, ProcessSpec>): Promise<string[]> {
    if (this.recovered) return [];
    this.recovered = true;
    const adopted: string[] = [];
    const kills: Promise<void>[] = [];
    const terminate = this.options.terminateTree ?? terminateProcessTree;
    const graceMs = this.options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
    for (const record of this.pidStore.readAll()) {
      const spec = desired.get(record.name);
      const check = checkIdentity(record, this.readStartTime);
      if (check === 'same' && spec !== undefined && hashSpec(spec) === record.specHash) {
        const guarded = this.create(spec, record.specHash);
        this.processes.set(record.name, guarded);
        guarded.adopt(this.adoptRecord(record));
        adopted.push(record.name);
        continue;
      }
      if (check === 'same') kills.push(terminate(record.pid, { graceMs }));
      this.pidStore.remove(record.name);
    }
    await Promise.all(kills);
    return adopted;
  }

  private adoptRecord(record: PidRecord): RunningInstance {
    const startedAtMs = Date.parse(record.startedAt);
    return adoptInstance(
      { pid: record.pid, startTime: record.startTime, startedAtMs: Number.isNaN(startedAtMs) ? this.now() : startedAtMs },
      { now: this.now, timers: this.timers, pollMs: this.options.adoptPollMs ?? DEFAULT_ADOPT_POLL_MS, readStartTime: this.readStartTime },
    );
  }

  private scheduleLogCheck(): void {
    if (this.logCheckHandle !== undefined || this.processes.size === 0) return;
    const check = (): void => {
      for (const name of this.processes.keys()) {
        const paths = logPathsFor(this.logDir, name);
        try {
          capLogFile(paths.stdout, this.maxLogBytes);
          capLogFile(paths.stderr, this.maxLogBytes);
        } catch {
          // A log that cannot be rotated now (disk full, permissions) is retried next round.
        }
      }
      this.logCheckHandle = this.timers.setTimeout(check, this.options.logCheckIntervalMs ?? DEFAULT_LOG_CHECK_INTERVAL_MS);
      unrefTimer(this.logCheckHandle);
    };
    this.logCheckHandle = this.timers.setTimeout(check, this.options.logCheckIntervalMs ?? DEFAULT_LOG_CHECK_INTERVAL_MS);
    unrefTimer(this.logCheckHandle);
  }

  private cancelLogCheck(): void {
    if (this.logCheckHandle === undefined) return;
    this.timers.clearTimeout(this.logCheckHandle);
    this.logCheckHandle = undefined;
  }
}

/** Validates every spec and refuses duplicate names; nothing is applied on error. */
function parseSpecs(specs: readonly unknown[]): Map<string, ProcessSpec> {
  const desired = new Map<string, ProcessSpec>();
  const problems: string[] = [];
  specs.forEach((raw, index) => {
    const parsed = processSpecSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`processes[${index}]: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
      return;
    }
    if (desired.has(parsed.data.name)) {
      throw new SupervisorError('DUPLICATE_PROCESS', `process ${JSON.stringify(parsed.data.name)} is declared twice`);
    }
    desired.set(parsed.data.name, parsed.data);
  });
  if (problems.length > 0) throw new SupervisorError('INVALID_SPEC', problems.join('\n'));
  return desired;
}
