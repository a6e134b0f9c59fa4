/**
 * plan(desired, observed): pure. Aligns both sides by resource key, compares
 * normalized specs by {@link specHash}, and returns the actions that would make
 * the host converge, in {@link ACTION_ORDER}, then by key. Drift is a non-empty
 * plan; a converged host plans nothing.
 *
 * Processes (desired and observed):
 *
 * | observed | action |
 * |---|---|
 * | absent | StartProcess MISSING |
 * | other specHash | UpdateProcess SPEC_CHANGED |
 * | FATAL | StartProcess FATAL |
 * | STOPPED | StartProcess NOT_RUNNING |
 * | EXITED, policy `always` | StartProcess NOT_RUNNING |
 * | EXITED (other policies), STARTING, RUNNING, BACKOFF | nothing: the policy is in charge |
 *
 * Files: absent or `exists: false` → PutFile MISSING; other specHash (a new
 * artifact, owner, extractTo…) → PutFile SPEC_CHANGED; content not matching a
 * declared checksum (sha256 first, else md5; a declared checksum the agent did
 * not report counts as a mismatch) → PutFile CHECKSUM_MISMATCH; other mode →
 * PutFile MODE_CHANGED. Cron: absent → SetCron MISSING, other specHash →
 * SetCron SPEC_CHANGED. Observed but not desired → StopProcess / RemoveFile /
 * RemoveCron NOT_DESIRED.
 */
import { type DesiredState, cronKey, fileKey, processKey } from './desired-state.js';
import { type ObservedFile, type ObservedProcess, type ObservedState } from './observed-state.js';
import { ACTION_ORDER, type PlanAction, Reason } from './plan-action.js';
import { type FileSpec, type ProcessSpec } from './spec-schema.js';
import { specHash } from './spec-hash.js';

function planProcess(spec: ProcessSpec, seen: ObservedProcess | undefined): PlanAction | undefined {
  const key = processKey(spec.name);
  const hash = specHash(spec);
  const start = (reason: Reason, message: string): PlanAction => ({ type: 'StartProcess', key, reason, message, process: spec, specHash: hash });
  if (seen === undefined) return start(Reason.MISSING, `start process "${spec.name}": the host does not run it yet`);
  if (seen.specHash !== hash) {
    return { type: 'UpdateProcess', key, reason: Reason.SPEC_CHANGED, message: `restart process "${spec.name}" with its changed spec`, process: spec, specHash: hash };
  }
  if (seen.state === 'FATAL') {
    return start(Reason.FATAL, `start process "${spec.name}" again: it is FATAL after ${seen.restarts} restarts`);
  }
  if (seen.state === 'STOPPED' || (seen.state === 'EXITED' && spec.restart.policy === 'always')) {
    return start(Reason.NOT_RUNNING, `start process "${spec.name}": it is ${seen.state} but should be running`);
  }
  return undefined;
}

function checksumProblem(spec: FileSpec, seen: ObservedFile): string | undefined {
  if (spec.sha256 !== undefined && seen.sha256 !== undefined) {
    return seen.sha256 === spec.sha256 ? undefined : `its sha256 is ${seen.sha256.slice(0, 12)}…, not ${spec.sha256.slice(0, 12)}…`;
  }
  if (spec.md5 !== undefined && seen.md5 !== undefined) {
    return seen.md5 === spec.md5 ? undefined : `its md5 is ${seen.md5}, not ${spec.md5}`;
  }
  if (spec.sha256 !== undefined || spec.md5 !== undefined) {
    return `the agent reported no ${spec.sha256 !== undefined ? 'sha256' : 'md5'} to verify it`;
  }
  return undefined;
}

function planFile(spec: FileSpec, seen: ObservedFile | undefined): PlanAction | undefined {
  const key = fileKey(spec.path);
  const hash = specHash(spec);
  const put = (reason: Reason, why: string): PlanAction => ({ type: 'PutFile', key, reason, message: `write ${spec.path}: ${why}`, file: spec, specHash: hash });
  if (seen === undefined || !seen.exists) return put(Reason.MISSING, 'the file does not exist');
  if (seen.specHash !== hash) return put(Reason.SPEC_CHANGED, 'its declaration changed');
  const checksum = checksumProblem(spec, seen);
  if (checksum !== undefined) return put(Reason.CHECKSUM_MISMATCH, checksum);
  if (spec.mode !== undefined && seen.mode !== undefined && seen.mode !== spec.mode) {
    return put(Reason.MODE_CHANGED, `its mode is ${seen.mode}, not ${spec.mode}`);
  }
  return undefined;
}

function indexBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [keyOf(item), item]));
}

/** Plans the actions that take `observed` to `desired` (see the module comment). */
export function planHost(desired: DesiredState, observed: ObservedState): PlanAction[] {
  const actions: PlanAction[] = [];
  const push = (action: PlanAction | undefined): void => {
    if (action) actions.push(action);
  };

  const seenProcesses = indexBy(observed.processes, (p) => processKey(p.name));
  const wantProcesses = new Set(desired.processes.map((p) => processKey(p.name)));
  for (const spec of desired.processes) push(planProcess(spec, seenProcesses.get(processKey(spec.name))));
  for (const [key, seen] of seenProcesses) {
    if (!wantProcesses.has(key)) {
      push({ type: 'StopProcess', key, reason: Reason.NOT_DESIRED, message: `stop process "${seen.name}": no profile declares it now`, name: seen.name });
    }
  }

  const seenFiles = indexBy(observed.files, (f) => fileKey(f.path));
  const wantFiles = new Set(desired.files.map((f) => fileKey(f.path)));
  for (const spec of desired.files) push(planFile(spec, seenFiles.get(fileKey(spec.path))));
  for (const [key, seen] of seenFiles) {
    if (!wantFiles.has(key)) {
      push({ type: 'RemoveFile', key, reason: Reason.NOT_DESIRED, message: `remove ${seen.path}: no profile declares it now`, path: seen.path });
    }
  }

  const seenCron = indexBy(observed.cron, (c) => cronKey(c.name));
  const wantCron = new Set(desired.crontab.map((c) => cronKey(c.name)));
  for (const spec of desired.crontab) {
    const key = cronKey(spec.name);
    const hash = specHash(spec);
    const seen = seenCron.get(key);
    if (seen === undefined || seen.specHash !== hash) {
      const reason = seen === undefined ? Reason.MISSING : Reason.SPEC_CHANGED;
      const why = seen === undefined ? 'the host does not have it yet' : 'its spec changed';
      actions.push({ type: 'SetCron', key, reason, message: `schedule crontab entry "${spec.name}": ${why}`, cron: spec, specHash: hash });
    }
  }
  for (const [key, seen] of seenCron) {
    if (!wantCron.has(key)) {
      actions.push({ type: 'RemoveCron', key, reason: Reason.NOT_DESIRED, message: `remove crontab entry "${seen.name}": no profile declares it now`, name: seen.name });
    }
  }

  return actions.sort((a, b) => ACTION_ORDER[a.type] - ACTION_ORDER[b.type] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
