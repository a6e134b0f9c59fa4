/**
 * Restart records as the server stores them: one per unplanned exit of a guarded process, with
 * the pid that died, the backoff chosen, and the pid of the instance that replaced it.
 *
 * The supervisor tells an exit and the next start apart (`exited`, then `started` after the
 * backoff), so an exit that is followed by a restart is held until that start and sent with both
 * pids. An exit the policy leaves down (EXIT, FATAL), a stop, or a hold longer than
 * `maxHoldMs` sends the record without a new pid.
 */
import type { SupervisorEvent } from './types.js';

export type RestartOutcome = 'RESTART' | 'EXIT' | 'FATAL';

export interface RestartReport {
  readonly process: string;
  readonly at: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly count: number;
  readonly outcome: RestartOutcome;
  /** The pid that exited, when known. */
  readonly pid: number | null;
  /** The pid of the instance started after the backoff (RESTART only, once it started). */
  readonly newPid: number | null;
  /** The delay before the restart (RESTART only). */
  readonly backoffMs: number | null;
}

/** @default hold an exit for its restart at most this long past its backoff */
export const MAX_RESTART_HOLD_MS = 10_000;

export class RestartRecorder {
  private readonly held = new Map<string, { report: RestartReport; deadline: number }>();

  constructor(
    private readonly send: (report: RestartReport) => void,
    private readonly now: () => number = Date.now,
    private readonly maxHoldMs = MAX_RESTART_HOLD_MS,
  ) {}

  /** Feed every supervisor event; records come out through `send`. */
  onEvent(e: SupervisorEvent): void {
    this.flushExpired();
    const held = this.held.get(e.name);
    if (e.type === 'started') {
      if (held) {
        this.held.delete(e.name);
        this.send({ ...held.report, newPid: e.pid });
      }
      return;
    }
    if (held) {
      this.held.delete(e.name);
      this.send(held.report);
    }
    if (e.type !== 'exited') return;
    const outcome: RestartOutcome = e.next === 'restart' ? 'RESTART' : e.next === 'fatal' ? 'FATAL' : 'EXIT';
    const report: RestartReport = {
      process: e.name,
      at: e.restart.at,
      exitCode: e.restart.code ?? null,
      signal: e.restart.signal ?? null,
      count: e.restart.count,
      outcome,
      pid: e.pid ?? null,
      newPid: null,
      backoffMs: outcome === 'RESTART' ? (e.delayMs ?? 0) : null,
    };
    if (outcome === 'RESTART') this.held.set(e.name, { report, deadline: this.now() + (e.delayMs ?? 0) + this.maxHoldMs });
    else this.send(report);
  }

  /** Sends the held records whose restart is overdue (call before each report flush). */
  flushExpired(): void {
    const t = this.now();
    for (const [name, h] of this.held) {
      if (h.deadline > t) continue;
      this.held.delete(name);
      this.send(h.report);
    }
  }
}
