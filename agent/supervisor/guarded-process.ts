/**
 * Lifecycle of one guarded process.
 *
 *                 start()                  spawned                  adopt()
 *   +---------+ ---------> +----------+ ------------> +---------+ <---------
 *   | STOPPED |            | STARTING |               | RUNNING |
 *   +---------+            +----------+               +---------+
 *        ^                   |   ^                         |
 *        |      spawn failed |   | backoff delay elapsed   | instance ended (leftover
 *        |                   v   |                         v  descendants are killed)
 *        |              +----------------- decideRestart() ------------------+
 *        |              | restart            | no restart       | start limit |
 *        |              v                    v                  v             |
 *        |         +---------+          +--------+         +-------+          |
 *        |         | BACKOFF |          | EXITED |         | FATAL | -- 'fatal' event, once
 *        |         +---------+          +--------+         +-------+
 *        |                                                    |  restart.retryAfterSeconds
 *        |                                                    +--- elapsed: STARTING again
 *        +-- stop() from any state (kills the whole tree, forgets the pid record).
 *            start() again from STOPPED, EXITED or FATAL (`ioms exec --action restart-process`,
 *            a cron `restartProcess`, a changed spec: the supervisor replaces the process).
 *
 * FATAL is reported with the reason (the start limit it reached), the last exit code or signal
 * and the restart count; the planner shows it as drift (Hold FATAL) and does not start it again
 * by itself, so a crash loop stays stopped until a human or the declared retry policy acts.
 *
 * Every start/stop/detach bumps a generation number; callbacks from an older generation (an
 * exit observed after a stop, a backoff timer firing late) do nothing. The pid record in the
 * state dir exists exactly while an instance may be running, so a later agent can find it.
 */
import type { PidStore } from './pid-store.js';
import type { RunningInstance, SpawnResult } from './process-instance.js';
import type { TerminateTree } from './process-tree.js';
import { EMPTY_HISTORY, type RestartHistory, type RestartTuning, decideRestart } from './restart-policy.js';
import type { Timers } from './timers.js';
import type { ExitInfo, LastExit, ProcessSnapshot, ProcessSpec, ProcessState, SupervisorEvent } from './types.js';

export interface GuardedProcessDeps {
  readonly spawn: (spec: ProcessSpec) => Promise<SpawnResult>;
  readonly terminateTree: TerminateTree;
  readonly pidStore: PidStore;
  readonly now: () => number;
  readonly random: () => number;
  readonly timers: Timers;
  readonly tuning: RestartTuning;
  /** Time between SIGTERM and SIGKILL when stopping. */
  readonly stopGraceMs: number;
  readonly emit: (event: SupervisorEvent) => void;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** `exit` without its undefined members, stamped with `at`. */
function toLastExit(exit: ExitInfo, atMs: number): LastExit {
  return {
    ...(exit.code !== undefined ? { code: exit.code } : {}),
    ...(exit.signal !== undefined ? { signal: exit.signal } : {}),
    ...(exit.error !== undefined ? { error: exit.error } : {}),
    at: iso(atMs),
  };
}

export class GuardedProcess {
  private state: ProcessState = 'STOPPED';
  private instance: RunningInstance | undefined;
  private launching: Promise<void> | undefined;
  private backoffHandle: unknown;
  private history: RestartHistory = EMPTY_HISTORY;
  private restarts = 0;
  private unplannedExits = 0;
  private lastExit: LastExit | undefined;
  private fatalReason: string | undefined;
  private retryAtMs: number | undefined;
  private generation = 0;
  private detached = false;

  constructor(
    readonly spec: ProcessSpec,
    readonly specHash: string,
    private readonly deps: GuardedProcessDeps,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  /** Starts an instance unless one is running or scheduled. Resets the start-limit history. */
  start(): void {
    if (this.state === 'STARTING' || this.state === 'RUNNING' || this.state === 'BACKOFF') return;
    this.generation += 1;
    this.cancelBackoff();
    this.history = EMPTY_HISTORY;
    this.launch(this.generation);
  }

  /** Takes over an instance an earlier agent started; it is watched by polling. */
  adopt(instance: RunningInstance): void {
    this.generation += 1;
    this.watch(this.generation, instance);
  }

  /** Stops the instance and its whole tree, cancels any pending restart; resolves when done. */
  async stop(): Promise<void> {
    this.generation += 1;
    this.cancelBackoff();
    if (this.launching !== undefined) await this.launching;
    const instance = this.instance;
    this.instance = undefined;
    if (instance !== undefined) {
      instance.release();
      await this.terminate(instance.pid);
      this.forgetRecord();
    }
    const wasStopped = this.state === 'STOPPED';
    this.state = 'STOPPED';
    if (!wasStopped) this.deps.emit({ type: 'stopped', name: this.name, at: iso(this.deps.now()) });
  }

  /** Stops watching and leaves the instance running, its pid record kept for the next agent. */
  detach(): void {
    this.detached = true;
    this.generation += 1;
    this.cancelBackoff();
    this.instance?.release();
    this.instance = undefined;
  }

  snapshot(): ProcessSnapshot {
    const instance = this.instance;
    return {
      name: this.name,
      ...(instance !== undefined ? { pid: instance.pid, startedAt: iso(instance.startedAtMs) } : {}),
      state: this.state,
      restarts: this.restarts,
      ...(this.lastExit !== undefined ? { lastExit: this.lastExit } : {}),
      specHash: this.specHash,
      adopted: instance?.adopted ?? false,
      ...(this.state === 'FATAL' && this.fatalReason !== undefined ? { reason: this.fatalReason } : {}),
      ...(this.state === 'FATAL' && this.retryAtMs !== undefined ? { retryAt: iso(this.retryAtMs) } : {}),
    };
  }

  private cancelBackoff(): void {
    if (this.backoffHandle === undefined) return;
    this.deps.timers.clearTimeout(this.backoffHandle);
    this.backoffHandle = undefined;
  }

  private launch(generation: number): void {
    this.state = 'STARTING';
    this.fatalReason = undefined;
    this.retryAtMs = undefined;
    const spawned = this.deps.spawn(this.spec).catch((error: unknown): SpawnResult => ({ ok: false, error: String(error) }));
    const launching = spawned.then(async (result) => {
      if (this.launching === launching) this.launching = undefined;
      if (generation !== this.generation) {
        if (!result.ok) return;
        if (this.detached) {
          this.record(result.instance);
          result.instance.release();
          return;
        }
        // Stopped while spawning: the new instance must not outlive the stop.
        result.instance.release();
        await this.terminate(result.instance.pid);
        return;
      }
      if (!result.ok) {
        this.decide(generation, { error: result.error }, this.deps.now(), undefined);
        return;
      }
      this.record(result.instance);
      this.watch(generation, result.instance);
    });
    this.launching = launching;
  }

  /** Tree kill that never throws: a signal refused (EPERM) must not crash the agent. */
  private async terminate(pid: number): Promise<void> {
    try {
      await this.deps.terminateTree(pid, { graceMs: this.deps.stopGraceMs });
    } catch {
      // Nothing more can be done from here; the next apply or agent start tries again.
    }
  }

  /** Writes the pid record; if the state dir is unwritable the instance runs unrecorded. */
  private record(instance: RunningInstance): void {
    try {
      this.writeRecord(instance);
    } catch {
      // Supervision goes on; only adoption by a later agent is lost for this instance.
    }
  }

  private forgetRecord(): void {
    try {
      this.deps.pidStore.remove(this.name);
    } catch {
      // A stale record is harmless: its identity check fails once the instance is gone.
    }
  }

  private writeRecord(instance: RunningInstance): void {
    this.deps.pidStore.write({
      version: 1,
      name: this.name,
      pid: instance.pid,
      ...(instance.startTime !== undefined ? { startTime: instance.startTime } : {}),
      specHash: this.specHash,
      startedAt: iso(instance.startedAtMs),
    });
  }

  private watch(generation: number, instance: RunningInstance): void {
    this.instance = instance;
    this.state = 'RUNNING';
    this.deps.emit({
      type: 'started',
      name: this.name,
      pid: instance.pid,
      at: iso(instance.startedAtMs),
      adopted: instance.adopted,
      specHash: this.specHash,
    });
    void instance.exited.then((exit) => this.onInstanceEnded(generation, instance, exit));
  }

  private async onInstanceEnded(generation: number, instance: RunningInstance, exit: ExitInfo): Promise<void> {
    if (generation !== this.generation) return;
    instance.release();
    this.instance = undefined;
    this.forgetRecord();
    // Descendants left behind by the ended leader would otherwise run beside the next instance.
    await this.terminate(instance.pid);
    if (generation !== this.generation) return;
    this.decide(generation, exit, instance.startedAtMs, instance.pid);
  }

  private decide(generation: number, exit: ExitInfo, startedAtMs: number, pid: number | undefined): void {
    const exitedAtMs = this.deps.now();
    this.unplannedExits += 1;
    const lastExit = toLastExit(exit, exitedAtMs);
    this.lastExit = lastExit;
    const { decision, history } = decideRestart({
      restart: this.spec.restart,
      exit,
      startedAtMs,
      exitedAtMs,
      history: this.history,
      tuning: this.deps.tuning,
      random: this.deps.random,
    });
    this.history = history;
    const base = { type: 'exited', name: this.name, ...(pid !== undefined ? { pid } : {}) } as const;
    const restart = { ...lastExit, count: this.unplannedExits };
    switch (decision.kind) {
      case 'restart':
        this.state = 'BACKOFF';
        this.deps.emit({ ...base, restart, next: 'restart', delayMs: decision.delayMs });
        this.backoffHandle = this.deps.timers.setTimeout(() => {
          this.backoffHandle = undefined;
          if (generation !== this.generation) return;
          this.restarts += 1;
          this.launch(generation);
        }, decision.delayMs);
        return;
      case 'exit':
        this.state = 'EXITED';
        this.deps.emit({ ...base, restart, next: 'exit' });
        return;
      case 'fatal': {
        this.state = 'FATAL';
        this.fatalReason = decision.message;
        this.deps.emit({ ...base, restart, next: 'fatal' });
        const retrySeconds = this.spec.restart.retryAfterSeconds;
        if (retrySeconds !== undefined) {
          this.retryAtMs = exitedAtMs + retrySeconds * 1000;
          this.backoffHandle = this.deps.timers.setTimeout(() => {
            this.backoffHandle = undefined;
            if (generation !== this.generation) return;
            this.history = EMPTY_HISTORY;
            this.restarts += 1;
            this.launch(generation);
          }, retrySeconds * 1000);
        }
        this.deps.emit({
          type: 'fatal',
          name: this.name,
          at: lastExit.at,
          reason: decision.message,
          restarts: this.restarts,
        });
        return;
      }
    }
  }
}
