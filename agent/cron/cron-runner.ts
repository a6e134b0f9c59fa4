/**
 * Runs the host's crontab: each entry is a schedule task (`schedule.ts`, on the shared schedule
 * engine) in its time zone that runs a command
 * (through the injected command runner) or restarts a guarded process (through the injected
 * `restartProcess`).
 *
 * Contracts:
 * - `apply` is idempotent by spec hash: an unchanged entry keeps its task, its history and any
 *   run in progress; a changed or removed entry's task is destroyed and its run in progress is
 *   aborted (the runner receives the abort signal).
 * - Overlap prevention: a tick that comes while the entry's previous run is still going does not
 *   start a second run; it is recorded as a SKIPPED run.
 * - Every run ends in exactly one record, emitted to listeners and kept (last `historySize`).
 *   A command runner that neither returns nor honours its timeout is given up on
 *   TIMEOUT_GUARD_GRACE_MS after the entry's timeout (TIMED_OUT), so one hung run cannot block
 *   the entry for ever.
 */
import type { CronSpec } from '../../manifests/index.js';
import { CronError } from './cron-error.js';
import { DEFAULT_MAX_RUN_OUTPUT_BYTES, capRunOutput } from './run-output.js';
import { type CreateTask, type RebootGate, type ScheduleTask, createScheduleTask, formatInTimeZone, hostTimeZone, isValidTimeZone, validateSchedule } from './schedule.js';
import {
  type CronAction,
  type CronEntrySnapshot,
  type CronRunListener,
  type CronRunRecord,
  type RestartProcess,
  type RunCommand,
} from './types.js';
import { normaliseStatus, toAction } from './cron-entry.js';
import { byCodeUnit } from '../compare-text.js';

export { DEFAULT_CRON_TIMEOUT_SECONDS } from './cron-entry.js';
/** @default run records kept per entry */
export const DEFAULT_RUN_HISTORY = 20;
/** Time the command runner gets past the timeout to report TIMED_OUT itself. */
export const TIMEOUT_GUARD_GRACE_MS = 5_000;

export type { CreateTask } from './schedule.js';

export interface CronRunnerOptions {
  readonly runCommand: RunCommand;
  readonly restartProcess: RestartProcess;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default createScheduleTask (schedule.ts) */
  readonly createTask?: CreateTask;
  /** Decides whether `@reboot` entries run. @default none run */
  readonly reboot?: RebootGate;
  /** @default DEFAULT_RUN_HISTORY */
  readonly historySize?: number;
  /** Cap on a record's output. @default DEFAULT_MAX_RUN_OUTPUT_BYTES */
  readonly maxOutputBytes?: number;
  /** Time past an entry's timeout before a silent command runner is given up on. @default TIMEOUT_GUARD_GRACE_MS */
  readonly timeoutGraceMs?: number;
}

interface EntryState {
  readonly entry: CronSpec;
  readonly action: CronAction;
  readonly specHash: string;
  readonly timezone: string;
  readonly task: ScheduleTask;
  readonly runs: CronRunRecord[];
  running?: { readonly controller: AbortController; readonly done: Promise<void> };
}

type RunOutcome = Pick<CronRunRecord, 'exitCode' | 'status' | 'output' | 'outputTruncated'>;

const iso = (ms: number): string => new Date(ms).toISOString();

export class CronRunner {
  private readonly entries = new Map<string, EntryState>();
  /** Entries `set` could not schedule, with why. */
  private readonly failed = new Map<string, { readonly entry: CronSpec; readonly specHash: string; readonly error: string }>();
  private readonly listeners = new Set<CronRunListener>();
  private readonly now: () => number;
  private readonly maxOutputBytes: number;
  private sequence = 0;

  constructor(private readonly options: CronRunnerOptions) {
    this.now = options.now ?? Date.now;
    this.maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_RUN_OUTPUT_BYTES;
  }

  /** Subscribes to run records; returns the unsubscribe function. A throwing listener is ignored. */
  onRun(listener: CronRunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * SetCron: schedules `entry` (replacing the entry of that name unless it has this spec hash).
   * @throws CronError INVALID_ENTRY when this host cannot run its schedule or time zone; the
   *   entry is then kept as failed (see `snapshot`) and every other entry is untouched.
   */
  set(entry: CronSpec, specHash: string): void {
    const current = this.entries.get(entry.name);
    if (current?.specHash === specHash) return;
    if (current !== undefined) this.retire(current);
    this.entries.delete(entry.name);
    this.failed.delete(entry.name);
    const problem = scheduleProblem(entry);
    if (problem === undefined) {
      try {
        this.entries.set(entry.name, this.schedule(entry, specHash));
        return;
      } catch (error) {
        return this.fail(entry, specHash, `cannot schedule it: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.fail(entry, specHash, problem);
  }

  /** RemoveCron: unschedules `name` and aborts its run in progress. Unknown names are already gone. */
  remove(name: string): void {
    const current = this.entries.get(name);
    if (current !== undefined) this.retire(current);
    this.entries.delete(name);
    this.failed.delete(name);
  }

  private fail(entry: CronSpec, specHash: string, error: string): never {
    this.failed.set(entry.name, { entry, specHash, error });
    throw new CronError('INVALID_ENTRY', `crontab entry ${JSON.stringify(entry.name)}: ${error}`);
  }

  /** Destroys every task, aborts runs in progress and waits for them to settle. */
  async stopAll(): Promise<void> {
    const states = [...this.entries.values()];
    this.entries.clear();
    this.failed.clear();
    for (const state of states) this.retire(state);
    await Promise.all(states.map((state) => state.running?.done));
  }

  snapshot(): CronEntrySnapshot[] {
    const failed: CronEntrySnapshot[] = [...this.failed.values()].map(({ entry, specHash, error }) => ({
      name: entry.name,
      schedule: entry.schedule,
      timezone: entry.timezone ?? hostTimeZone(),
      specHash,
      running: false,
      error,
    }));
    return [...this.entries.values()]
      .map((state): CronEntrySnapshot => {
        const next = state.task.getNextRun();
        const lastRun = state.runs.at(-1);
        return {
          name: state.entry.name,
          schedule: state.entry.schedule,
          timezone: state.timezone,
          specHash: state.specHash,
          running: state.running !== undefined,
          ...(lastRun !== undefined ? { lastRun } : {}),
          ...(next !== null ? { nextRunAt: next.toISOString(), nextRunLocal: formatInTimeZone(next, state.timezone) } : {}),
        };
      })
      .concat(failed)
      .sort((a, b) => byCodeUnit(a.name, b.name));
  }

  /** The kept run records of `name`, oldest first. @throws CronError UNKNOWN_ENTRY */
  runs(name: string): readonly CronRunRecord[] {
    const state = this.entries.get(name);
    if (state === undefined) throw new CronError('UNKNOWN_ENTRY', `no cron entry named ${JSON.stringify(name)}`);
    return [...state.runs];
  }

  private schedule(entry: CronSpec, specHash: string): EntryState {
    const createTask = this.options.createTask ?? createScheduleTask;
    const timezone = entry.timezone ?? hostTimeZone();
    const task = createTask(entry.schedule, () => this.tick(entry.name, specHash), {
      name: entry.name,
      timezone,
      ...(this.options.reboot ? { reboot: this.options.reboot } : {}),
    });
    const state: EntryState = { entry, action: toAction(entry), specHash, timezone, task, runs: [] };
    task.start();
    return state;
  }

  private retire(state: EntryState): void {
    state.task.destroy();
    state.running?.controller.abort();
  }

  private current(name: string, specHash: string): EntryState | undefined {
    const state = this.entries.get(name);
    return state?.specHash === specHash ? state : undefined;
  }

  /** One tick of the schedule (overlap is decided here: a tick during a run is SKIPPED). */
  private async tick(name: string, specHash: string): Promise<void> {
    const state = this.current(name, specHash);
    if (state === undefined) return;
    if (state.running !== undefined) {
      this.recordSkipped(state);
      return;
    }
    const controller = new AbortController();
    const done = this.run(state, controller);
    state.running = { controller, done };
    try {
      await done;
    } finally {
      state.running = undefined;
    }
  }

  private async run(state: EntryState, controller: AbortController): Promise<void> {
    const startedAtMs = this.now();
    const outcome = await this.perform(state, controller);
    this.record(state, { name: state.entry.name, startedAt: iso(startedAtMs), finishedAt: iso(this.now()), ...outcome });
  }

  private async perform(state: EntryState, controller: AbortController): Promise<RunOutcome> {
    const { action } = state;
    const failed = (error: unknown, exitCode: number | null): RunOutcome => ({
      exitCode,
      status: controller.signal.aborted ? 'CANCELLED' : 'FAILED',
      ...this.output('', (error as Error)?.message ?? String(error)),
    });
    if (action.kind === 'restartProcess') {
      try {
        await this.options.restartProcess(action.processName);
        return { exitCode: null, status: 'SUCCEEDED', output: '', outputTruncated: false };
      } catch (error) {
        return failed(error, null);
      }
    }
    this.sequence += 1;
    const id = `cron-${state.entry.name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64)}-${this.now()}-${this.sequence}`;
    let guard: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      guard = setTimeout(() => resolve('deadline'), action.timeoutMs + (this.options.timeoutGraceMs ?? TIMEOUT_GUARD_GRACE_MS));
    });
    try {
      const request = { id, command: action.command, timeoutMs: action.timeoutMs, maxOutputBytes: this.maxOutputBytes };
      const result = await Promise.race([this.options.runCommand(request, { signal: controller.signal }), deadline]);
      if (result === 'deadline') {
        controller.abort();
        return { exitCode: -1, status: 'TIMED_OUT', ...this.output('', 'the command runner did not finish after its timeout') };
      }
      return { exitCode: result.exitCode, status: normaliseStatus(result.status, result.exitCode), ...this.output(result.stdout, result.stderr) };
    } catch (error) {
      return failed(error, -1);
    } finally {
      clearTimeout(guard);
    }
  }

  private output(stdout: string, stderr: string): Pick<CronRunRecord, 'output' | 'outputTruncated'> {
    const { output, truncated } = capRunOutput(stdout, stderr, this.maxOutputBytes);
    return { output, outputTruncated: truncated };
  }

  private recordSkipped(state: EntryState): void {
    const at = iso(this.now());
    this.record(state, {
      name: state.entry.name,
      startedAt: at,
      finishedAt: at,
      exitCode: null,
      status: 'SKIPPED',
      output: 'skipped: the previous run was still going',
      outputTruncated: false,
    });
  }

  private record(state: EntryState, record: CronRunRecord): void {
    state.runs.push(record);
    const limit = this.options.historySize ?? DEFAULT_RUN_HISTORY;
    if (state.runs.length > limit) state.runs.splice(0, state.runs.length - limit);
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        // A listener's failure must not stop the crontab.
      }
    }
  }
}

/** Why this host cannot run `entry`'s schedule or time zone (the schedule engine's own check), or undefined. */
function scheduleProblem(entry: CronSpec): string | undefined {
  const problems = validateSchedule(entry.schedule);
  if (problems.length > 0) return `this host cannot run the schedule "${entry.schedule}": ${problems.join('; ')}`;
  if (entry.timezone !== undefined && !isValidTimeZone(entry.timezone)) return `this host does not know the time zone "${entry.timezone}"`;
  return undefined;
}
