/**
 * The process executor: starts, replaces, stops and restarts guarded processes as the plan's
 * actions say (see `agent/desired/`). It decides nothing about WHICH processes should run;
 * that is `planHost` over its `snapshot()`.
 *
 * Agent restarts: guarded processes OUTLIVE the agent. `detach()` (agent exit) leaves them
 * running with their pid records in the state dir; the next supervisor on the same state dir,
 * in `recover`, ADOPTS each recorded instance that is provably the same process
 * (pid + kernel start time, see `process-identity.ts`) and still matches the desired spec hash.
 * Every other live recorded instance is kept as an ORPHAN: reported by `snapshot()` as RUNNING
 * with its recorded spec hash, so the plan stops it (no longer desired) or replaces it (changed
 * spec), and its tree is killed before anything of that name starts. Why adopt
 * rather than always kill: an agent upgrade or crash must not take down a game server or any
 * other guarded workload. Why the children can survive us at all: they are spawned in their
 * own process group (detached) with stdout/stderr going straight to log files, not through
 * pipes that would break when the agent dies. Either way there are never two instances.
 * A recorded pid whose identity cannot be verified (no start time on this platform: not Linux,
 * not Windows) is neither adopted nor killed, since it may by now be an unrelated program.
 *
 * All public operations are serialised: a `start` never interleaves with a `restart`.
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
import { type Timers, realTimers, unrefTimer } from './timers.js';
import { type ProcessSnapshot, type ProcessSpec, type SupervisorEvent, type SupervisorListener } from './types.js';
import { byCodeUnit } from '../compare-text.js';

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

export class Supervisor {
  private readonly processes = new Map<string, GuardedProcess>();
  private readonly listeners = new Set<SupervisorListener>();
  private readonly pidStore: PidStore;
  private readonly logDir: string;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly readStartTime: (pid: number) => string | undefined;
  private readonly maxLogBytes: number;
  /** Live instances recorded by an earlier agent and not adopted (see the module comment). */
  private readonly orphans = new Map<string, PidRecord>();
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
   * Once per supervisor, before the first plan: settles the pid records left by an earlier agent.
   * Adopts live instances whose recorded spec hash is `desired`'s; keeps the other live ones as
   * orphans (see the module comment). Later calls do nothing.
   * @returns the names adopted.
   */
  recover(desired: ReadonlyMap<string, { readonly spec: ProcessSpec; readonly specHash: string }>): Promise<string[]> {
    return this.serialise(() => this.recoverOnce(desired));
  }

  /** StartProcess: starts `spec` (a new name, or a STOPPED / EXITED one). Kills an orphan of that name first. */
  start(spec: ProcessSpec, specHash: string): Promise<void> {
    return this.serialise(async () => {
      await this.recoverOnce(new Map());
      await this.killOrphan(spec.name);
      const current = this.processes.get(spec.name);
      if (current !== undefined && current.specHash === specHash) {
        current.start();
        return;
      }
      if (current !== undefined) await current.stop();
      this.launchNew(spec, specHash);
    });
  }

  /** UpdateProcess: stops the instance running an older spec (its whole tree), then starts `spec`. */
  replace(spec: ProcessSpec, specHash: string): Promise<void> {
    return this.serialise(async () => {
      await this.recoverOnce(new Map());
      await this.killOrphan(spec.name);
      await this.processes.get(spec.name)?.stop();
      this.launchNew(spec, specHash);
    });
  }

  /** StopProcess: stops `name` (its whole tree) and forgets it. Unknown names are already stopped. */
  stop(name: string): Promise<void> {
    return this.serialise(async () => {
      await this.recoverOnce(new Map());
      await this.killOrphan(name);
      const current = this.processes.get(name);
      if (current === undefined) return;
      await current.stop();
      this.processes.delete(name);
      if (this.processes.size === 0) this.cancelLogCheck();
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
      await this.recoverOnce(new Map());
      await Promise.all([...this.orphans.keys()].map((name) => this.killOrphan(name)));
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

  /** Every process this supervisor manages, orphans included (as RUNNING with their recorded spec hash). */
  snapshot(): ProcessSnapshot[] {
    const orphans: ProcessSnapshot[] = [];
    for (const [name, record] of this.orphans) {
      if (this.processes.has(name)) continue;
      if (checkIdentity(record, this.readStartTime) !== 'same') {
        this.orphans.delete(name);
        continue;
      }
      orphans.push({ name, pid: record.pid, state: 'RUNNING', restarts: 0, specHash: record.specHash, startedAt: record.startedAt, adopted: true });
    }
    return [...[...this.processes.values()].map((guarded) => guarded.snapshot()), ...orphans].sort((a, b) => byCodeUnit(a.name, b.name));
  }

  private launchNew(spec: ProcessSpec, specHash: string): void {
    const guarded = this.create(spec, specHash);
    this.processes.set(spec.name, guarded);
    guarded.start();
    this.scheduleLogCheck();
  }

  private async killOrphan(name: string): Promise<void> {
    const record = this.orphans.get(name);
    if (record === undefined) return;
    this.orphans.delete(name);
    if (checkIdentity(record, this.readStartTime) === 'same') {
      const terminate = this.options.terminateTree ?? terminateProcessTree;
      await terminate(record.pid, { graceMs: this.options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS }).catch(() => undefined);
    }
    this.pidStore.remove(name);
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

  private async recoverOnce(desired: ReadonlyMap<string, { readonly spec: ProcessSpec; readonly specHash: string }>): Promise<string[]> {
    if (this.recovered) return [];
    this.recovered = true;
    const adopted: string[] = [];
    for (const record of this.pidStore.readAll()) {
      const want = desired.get(record.name);
      const check = checkIdentity(record, this.readStartTime);
      if (check === 'same' && want !== undefined && want.specHash === record.specHash) {
        const guarded = this.create(want.spec, record.specHash);
        this.processes.set(record.name, guarded);
        guarded.adopt(this.adoptRecord(record));
        adopted.push(record.name);
      } else if (check === 'same') this.orphans.set(record.name, record);
      else this.pidStore.remove(record.name);
    }
    this.scheduleLogCheck();
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
