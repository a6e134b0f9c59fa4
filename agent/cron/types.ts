/**
 * Input and output shapes of the cron runner. An entry is the one `manifests/` declares and
 * parses (`cronEntrySchema`, `CronSpec`); it does exactly one thing: run a command line, or
 * restart a guarded process (the original "restart at a set time").
 */

/** What an entry does, as a closed union. */
export type CronAction =
  | { readonly kind: 'command'; readonly command: string; readonly timeoutMs: number }
  | { readonly kind: 'restartProcess'; readonly processName: string };

/** The request handed to the injected command runner (structurally the agent's exec request). */
export interface CronCommandRequest {
  /** Unique per run; matches `[A-Za-z0-9][A-Za-z0-9._-]{0,127}`. */
  readonly id: string;
  readonly command: string;
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
}

/** What the injected command runner returns. `status` as in DESIGN §5, any letter case. */
export interface CronCommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: string;
}

export type RunCommand = (request: CronCommandRequest, options: { readonly signal: AbortSignal }) => Promise<CronCommandResult>;
export type RestartProcess = (name: string) => Promise<void>;

export const CRON_RUN_STATUSES = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED', 'SKIPPED'] as const;
export type CronRunStatus = (typeof CRON_RUN_STATUSES)[number];

/** One run (or skipped tick) of an entry. */
export interface CronRunRecord {
  readonly name: string;
  /** ISO-8601. For a SKIPPED tick, start and finish are the time of the tick. */
  readonly startedAt: string;
  readonly finishedAt: string;
  /** The command's exit code; null for a restartProcess entry or a skipped tick. */
  readonly exitCode: number | null;
  readonly status: CronRunStatus;
  /** stdout then stderr (or the error), at most `maxOutputBytes` bytes: the tail is kept. */
  readonly output: string;
  readonly outputTruncated: boolean;
}

export interface CronEntrySnapshot {
  readonly name: string;
  readonly schedule: string;
  /** The zone the schedule is read in (the host's when the entry names none). */
  readonly timezone: string;
  readonly specHash: string;
  readonly running: boolean;
  readonly lastRun?: CronRunRecord;
  /** Why the entry is not scheduled (it does not run), when `set` could not schedule it. */
  readonly error?: string;
  /** ISO-8601 UTC instant of the next tick. */
  readonly nextRunAt?: string;
  /** The same instant as local time in `timezone`, with offset. */
  readonly nextRunLocal?: string;
}

export type CronRunListener = (record: CronRunRecord) => void;
