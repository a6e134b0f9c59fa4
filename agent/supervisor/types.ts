/**
 * Input and output shapes of the process supervisor.
 *
 * A process spec is the one `manifests/` declares and parses (`processSchema`): the supervisor
 * receives it already validated, from the plan's StartProcess / UpdateProcess actions.
 */
import type { z } from 'zod';
import type { ProcessState, restartSchema } from '../../manifests/index.js';

export type { ProcessSpec, ProcessState } from '../../manifests/index.js';
export { PROCESS_STATES, RESTART_POLICIES } from '../../manifests/index.js';
export type RestartSpec = z.output<typeof restartSchema>;

/** How one instance ended. `code` and `signal` are both absent when the end was only observed by polling. */
export interface ExitInfo {
  readonly code?: number;
  readonly signal?: string;
  /** Why the instance could not be started (spawn error), in words. */
  readonly error?: string;
}

export interface LastExit extends ExitInfo {
  /** ISO-8601 time the exit was observed. */
  readonly at: string;
}

/** One unplanned exit of a guarded process, as reported to the server. */
export interface RestartRecord extends LastExit {
  /** How many times the process has exited unplanned since it was (re)applied, this one included. */
  readonly count: number;
}

export interface ProcessSnapshot {
  readonly name: string;
  readonly pid?: number;
  readonly state: ProcessState;
  /** Restarts done by the restart policy since the spec was applied. */
  readonly restarts: number;
  readonly lastExit?: LastExit;
  readonly specHash: string;
  /** ISO-8601 time the current instance started (or was adopted). */
  readonly startedAt?: string;
  /** Why it is in its state, in words (set for FATAL: the restart budget it used up). */
  readonly reason?: string;
  /** For FATAL with `restart.retryAfterSeconds`: when it is started again. */
  readonly retryAt?: string;
  /** True when the current instance was started by an earlier agent and is watched by polling. */
  readonly adopted: boolean;
}

/** What the supervisor tells its listener. */
export type SupervisorEvent =
  | {
      readonly type: 'started';
      readonly name: string;
      readonly pid: number;
      readonly at: string;
      readonly adopted: boolean;
      readonly specHash: string;
    }
  | {
      readonly type: 'exited';
      readonly name: string;
      readonly pid?: number;
      readonly restart: RestartRecord;
      /** What happens next: a restart after `delayMs`, nothing (EXITED), or FATAL. */
      readonly next: 'restart' | 'exit' | 'fatal';
      readonly delayMs?: number;
    }
  | {
      readonly type: 'fatal';
      readonly name: string;
      readonly at: string;
      readonly reason: string;
      readonly restarts: number;
    }
  | { readonly type: 'stopped'; readonly name: string; readonly at: string };

export type SupervisorListener = (event: SupervisorEvent) => void;
