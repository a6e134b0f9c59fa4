/**
 * The vocabulary of a plan: typed actions, each with the resource key, a reason
 * constant and a sentence for humans. The agent carries out exactly these
 * actions (see `agent/desired/`); a `Hold` is drift the agent does not act on
 * (a process that gave up, a file changed by hand, a cron entry it cannot run),
 * so the host is not converged and the reason says what a human can do.
 */
import { type CronSpec, type FileSpec, type ProcessSpec } from './spec-schema.js';

/** Why an action is needed. */
export const Reason = {
  /** Desired, but the host does not have it (or the file does not exist). */
  MISSING: 'MISSING',
  /** The host runs an older spec of it (spec hashes differ). */
  SPEC_CHANGED: 'SPEC_CHANGED',
  /** A desired process is stopped, or exited although its policy is `always`. */
  NOT_RUNNING: 'NOT_RUNNING',
  /** A desired process used up its restart budget (`restart.startLimit`) and is FATAL. */
  FATAL: 'FATAL',
  /** A file's content differs from the declared checksum (or none was reported). */
  CHECKSUM_MISMATCH: 'CHECKSUM_MISMATCH',
  /** A file's permission bits differ from the declared mode. */
  MODE_CHANGED: 'MODE_CHANGED',
  /** A file exists but the agent has no record of having written it. */
  NOT_MANAGED: 'NOT_MANAGED',
  /** An archive is in place but not unpacked into its `extractTo` directory. */
  NOT_EXTRACTED: 'NOT_EXTRACTED',
  /** A file with `restartProcess` is written in this plan, so its process restarts after it. */
  FILE_CHANGED: 'FILE_CHANGED',
  /** The host has it from an earlier desired state; no profile declares it now. */
  NOT_DESIRED: 'NOT_DESIRED',
  /** A managed file that is no longer desired was changed since IOMS wrote it: left in place. */
  MODIFIED_BY_HAND: 'MODIFIED_BY_HAND',
  /** The agent could not schedule a crontab entry (its reason is reported). */
  CRON_FAILED: 'CRON_FAILED',
  /** A file must be written, but its artifact is not in the store (any more): nothing the agent can do. */
  ARTIFACT_MISSING: 'ARTIFACT_MISSING',
} as const;
export type Reason = (typeof Reason)[keyof typeof Reason];

interface ActionBase {
  /** Resource key: `process:<name>`, `cron:<name>`, `file:<path key>`. */
  readonly key: string;
  readonly reason: Reason;
  /** One sentence saying what will be done and why. */
  readonly message: string;
}

export type PlanAction =
  | (ActionBase & { readonly type: 'StartProcess'; readonly process: ProcessSpec; readonly specHash: string })
  | (ActionBase & { readonly type: 'UpdateProcess'; readonly process: ProcessSpec; readonly specHash: string })
  | (ActionBase & { readonly type: 'StopProcess'; readonly name: string })
  /** Restart a running guarded process because a file it names as `restartProcess` is written before it. */
  | (ActionBase & { readonly type: 'RestartProcess'; readonly name: string; readonly afterFile: string })
  | (ActionBase & { readonly type: 'PutFile'; readonly file: FileSpec; readonly specHash: string })
  | (ActionBase & { readonly type: 'RemoveFile'; readonly path: string })
  | (ActionBase & { readonly type: 'SetCron'; readonly cron: CronSpec; readonly specHash: string })
  | (ActionBase & { readonly type: 'RemoveCron'; readonly name: string })
  /** Drift the agent leaves alone; the reason says why and what starts it again. */
  | (ActionBase & { readonly type: 'Hold' });

export type PlanActionType = PlanAction['type'];

/** Every action type, in {@link ACTION_ORDER}. */
export const PLAN_ACTION_TYPES = [
  'RemoveCron',
  'StopProcess',
  'RemoveFile',
  'PutFile',
  'UpdateProcess',
  'StartProcess',
  'RestartProcess',
  'SetCron',
  'Hold',
] as const satisfies readonly PlanActionType[];

/**
 * The order actions are applied in: stop scheduled work first, then stop
 * processes, then remove and write files (a process may need its file), then
 * start processes, then restart the running processes whose files changed
 * (a process started in this plan already sees its new file), then schedule
 * cron entries (which may restart processes). Holds come last: nothing is done.
 */
export const ACTION_ORDER: Readonly<Record<PlanActionType, number>> = {
  RemoveCron: 0,
  StopProcess: 1,
  RemoveFile: 2,
  PutFile: 3,
  UpdateProcess: 4,
  StartProcess: 4,
  RestartProcess: 5,
  SetCron: 6,
  Hold: 7,
};
