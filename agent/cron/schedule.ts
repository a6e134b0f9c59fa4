/**
 * The agent's cron timing: a task per entry that fires at the instants the shared schedule
 * engine (`manifests/schedule/`) computes, in the entry's time zone — so what `apply` accepts
 * and `ioms cron next` prints is exactly what runs here. This module is the one place the
 * choice of timer lives; node-cron is no longer used for running (see docs/manifests.md,
 * crontab: it ANDs day-of-month with day-of-week and skips or repeats runs at DST changes).
 *
 *   created ──start()──▶ armed ──timer, now ≥ next──▶ fire(next) ──▶ armed (next after it)
 *      ▲                   │ stop()                                 │ destroy()
 *      └──── start() ──────┴────────────────────────────────────────┴──▶ destroyed
 *
 * Timing contracts:
 * - The timer wakes at most every MAX_WAKE_MS, so a wall-clock change (NTP step, suspend) is
 *   noticed within that time rather than after a long sleep computed from the old clock.
 * - Runs missed while the process was not awake (a late timer, suspend) are run once, late,
 *   if the miss is under CATCH_UP_LIMIT_MS; a bigger jump counts as a clock correction and the
 *   missed runs are dropped (cron(8): changes of three hours or more take the new time at once).
 * - Several missed runs of one entry are coalesced into one.
 * - `@reboot` fires once, shortly after start, when the agent's {@link RebootGate} says this
 *   process is the first since the host booted, and only once per entry per boot.
 */
import {
  type Schedule,
  formatInTimeZone,
  hostTimeZone,
  isValidTimeZone,
  nextRun,
  parseSchedule,
  validateSchedule,
} from '../../manifests/schedule/index.js';

export { formatInTimeZone, hostTimeZone, isValidTimeZone, validateSchedule };

/** Longest sleep between checks of the clock. */
export const MAX_WAKE_MS = 60_000;
/** Largest lateness at which a missed run still runs (cron(8)'s three hours). */
export const CATCH_UP_LIMIT_MS = 3 * 60 * 60 * 1000;

/** The clock and timers a task uses; injectable for tests. */
export interface ScheduleClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const SYSTEM_CLOCK: ScheduleClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Decides whether `@reboot` entries run in this agent process (see `reboot-gate.ts`). */
export interface RebootGate {
  /** True exactly once per entry name, and only in the first agent process since the host booted. */
  claim(name: string): boolean;
}

export interface ScheduleTask {
  start(): void;
  stop(): void;
  destroy(): void;
  /** The next instant it fires, or null (stopped, `@reboot`). */
  getNextRun(): Date | null;
}

export interface ScheduleTaskOptions {
  /** Used for `@reboot` claims. */
  readonly name: string;
  /** IANA zone. @default the host's zone */
  readonly timezone?: string;
  /** @default SYSTEM_CLOCK */
  readonly clock?: ScheduleClock;
  /** @default none: `@reboot` entries never fire */
  readonly reboot?: RebootGate;
}

/** `fn` gets the instant the run was scheduled for (it may be called a little later). */
export type ScheduleTaskFn = (scheduledAt: Date) => unknown;

/** How a runner makes tasks; injectable. */
export type CreateTask = (expression: string, fn: ScheduleTaskFn, options: ScheduleTaskOptions) => ScheduleTask;

class TimerTask implements ScheduleTask {
  private next: number | undefined;
  private lastFired = Number.NEGATIVE_INFINITY;
  private timer: unknown;
  private destroyed = false;
  private readonly clock: ScheduleClock;
  private readonly zone: string;

  constructor(
    private readonly schedule: Schedule,
    private readonly fn: ScheduleTaskFn,
    private readonly options: ScheduleTaskOptions,
  ) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.zone = options.timezone ?? hostTimeZone();
  }

  start(): void {
    if (this.destroyed) return;
    this.clear();
    if (this.schedule.kind === 'reboot') {
      if (this.options.reboot?.claim(this.options.name)) this.timer = this.clock.setTimer(() => this.fire(this.clock.now()), 0);
      return;
    }
    this.next = nextRun(this.schedule, this.clock.now(), this.zone)?.getTime();
    this.arm();
  }

  stop(): void {
    this.clear();
    this.next = undefined;
  }

  destroy(): void {
    this.stop();
    this.destroyed = true;
  }

  getNextRun(): Date | null {
    return this.next === undefined ? null : new Date(this.next);
  }

  private clear(): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    this.clear();
    if (this.next === undefined || this.destroyed) return;
    const delay = Math.min(Math.max(this.next - this.clock.now(), 0), MAX_WAKE_MS);
    this.timer = this.clock.setTimer(() => this.wake(), delay);
  }

  private wake(): void {
    this.timer = undefined;
    if (this.next === undefined || this.destroyed) return;
    const now = this.clock.now();
    if (now < this.next) {
      // Not yet due. If the clock was set back by a lot, the old plan is stale: plan again.
      if (now < this.lastFired - CATCH_UP_LIMIT_MS) this.next = nextRun(this.schedule, now, this.zone)?.getTime();
      this.arm();
      return;
    }
    const due = this.next;
    if (now - due <= CATCH_UP_LIMIT_MS) this.fire(due);
    this.next = nextRun(this.schedule, Math.max(due, now), this.zone)?.getTime();
    this.arm();
  }

  private fire(at: number): void {
    this.lastFired = at;
    try {
      const result = this.fn(new Date(at));
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      // A failing run must not stop the timer; the runner records its own failures.
    }
  }
}

/**
 * A task firing `fn` by `expression` in `options.timezone` (not started).
 * @throws Error when the expression is invalid (the runner validates entries first).
 */
export const createScheduleTask: CreateTask = (expression, fn, options) => {
  const parsed = parseSchedule(expression);
  if (!parsed.ok) throw new Error(`invalid schedule "${expression}": ${parsed.problems.map((p) => p.message).join('; ')}`);
  return new TimerTask(parsed.schedule, fn, options);
};
