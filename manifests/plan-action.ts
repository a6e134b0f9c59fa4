/**
 * The vocabulary of a plan: typed actions, each with the resource key, a reason
 * constant and a sentence for humans.
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
  /** A desired process hit its start limit. */
  FATAL: 'FATAL',
  /** A file's content differs from the declared checksum (or none was reported). */
  CHECKSUM_MISMATCH: 'CHECKSUM_MISMATCH',
  /** A file's permission bits differ from the declared mode. */
  MODE_CHANGED: 'MODE_CHANGED',
  /** The host has it from an earlier desired state; no profile declares it now. */
  NOT_DESIRED: 'NOT_DESIRED',
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
  | (ActionBase & { readonly type: 'PutFile'; readonly file: FileSpec; readonly specHash: string })
  | (ActionBase & { readonly type: 'RemoveFile'; readonly path: string })
  | (ActionBase & { readonly type: 'SetCron'; readonly cron: CronSpec; readonly specHash: string })
  | (ActionBase & { readonly type: 'RemoveCron'; readonly name: string });

export type PlanActionType = PlanAction['type'];

/**
 * The order actions are applied in: stop scheduled work first, then stop
 * processes, then remove and write files (a process may need its file), then
 * start processes, then schedule cron entries (which may restart processes).
 */
export const ACTION_ORDER: Readonly<Record<PlanActionType, number>> = {
  RemoveCron: 0,
  StopProcess: 1,
  RemoveFile: 2,
  PutFile: 3,
  UpdateProcess: 4,
  StartProcess: 4,
  SetCron: 5,
};
