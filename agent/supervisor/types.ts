/**
 * Input and output shapes of the process supervisor.
 *
 * The process spec mirrors DESIGN §4 (`spec.processes[]` of a Profile). `manifests/` owns the
 * authoritative schema; this one is the supervisor's own boundary check, so that a spec that
 * reaches `Supervisor.apply` from anywhere (disk, link, tests) is never trusted by a cast.
 */
import { z } from 'zod';

export const RESTART_POLICIES = ['always', 'on-failure', 'never'] as const;
export type RestartPolicyName = (typeof RESTART_POLICIES)[number];

const noNul = (value: string): boolean => !value.includes('\0');

export const restartSpecSchema = z
  .object({
    policy: z.enum(RESTART_POLICIES),
    /** Smallest delay between two quick restarts, in seconds. */
    backoffSeconds: z.number().nonnegative(),
    /** Largest delay between two quick restarts, in seconds. */
    maxBackoffSeconds: z.number().nonnegative(),
    /**
     * How many times in a row a process may be started and die quickly (inside the start-limit
     * window) before it is marked FATAL and left alone. @default 5 (DEFAULT_START_LIMIT)
     */
    startLimit: z.number().int().positive().optional(),
  })
  .strict()
  .refine((r) => r.maxBackoffSeconds >= r.backoffSeconds, {
    message: 'maxBackoffSeconds must be at least backoffSeconds',
    path: ['maxBackoffSeconds'],
  });
export type RestartSpec = z.infer<typeof restartSpecSchema>;

export const processSpecSchema = z
  .object({
    /** Unique per host; the key of the resource (`process:<name>`). */
    name: z.string().min(1).max(128).refine(noNul, 'name must not contain NUL'),
    /** Executable path or name looked up on PATH. Never run through a shell. */
    command: z.string().min(1).refine(noNul, 'command must not contain NUL'),
    args: z.array(z.string().refine(noNul, 'arguments must not contain NUL')).optional(),
    /** Working directory. @default the agent's working directory */
    cwd: z.string().min(1).refine(noNul, 'cwd must not contain NUL').optional(),
    /** Variables added to (or overriding) the agent's environment. */
    env: z.record(z.string().regex(/^[^=\0]+$/), z.string().refine(noNul)).optional(),
    restart: restartSpecSchema,
  })
  .strict();
export type ProcessSpec = z.infer<typeof processSpecSchema>;

/** States of a guarded process; see the diagram in `guarded-process.ts`. */
export const PROCESS_STATES = ['STARTING', 'RUNNING', 'BACKOFF', 'STOPPED', 'FATAL', 'EXITED'] as const;
export type ProcessState = (typeof PROCESS_STATES)[number];

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
