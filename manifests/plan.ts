/**
 * plan(desired, observed): pure. Aligns both sides by resource key, compares
 * normalized specs by {@link specHash}, and returns the actions that would make
 * the host converge, in {@link ACTION_ORDER}, then by key. Drift is a non-empty
 * plan; a converged host plans nothing. The server runs it over the agent's
 * reported observed state (drift, `ioms diff`); the agent runs it over what it
 * observes locally and carries out exactly these actions.
 *
 * Processes (desired and observed):
 *
 * | observed | action |
 * |---|---|
 * | absent | StartProcess MISSING |
 * | other specHash | UpdateProcess SPEC_CHANGED |
 * | FATAL | Hold FATAL: the restart budget is used up; a changed spec, `ioms exec --action restart-process` or `restart.retryAfterSeconds` starts it |
 * | STOPPED | StartProcess NOT_RUNNING |
 * | EXITED, policy `always` | StartProcess NOT_RUNNING |
 * | EXITED (other policies), STARTING, RUNNING, BACKOFF | nothing: the policy is in charge |
 *
 * Files: absent or `exists: false` → PutFile MISSING; no record of IOMS writing
 * it → PutFile NOT_MANAGED (adopted, nothing restarted) unless its content differs
 * (CHECKSUM_MISMATCH); other specHash (a new artifact, owner, extractTo…) →
 * PutFile SPEC_CHANGED; content not matching the expected checksum → PutFile
 * CHECKSUM_MISMATCH; other mode → PutFile MODE_CHANGED; an archive not unpacked
 * → PutFile NOT_EXTRACTED. A file to write whose artifact the store lacks (the
 * context names the store's artifacts and not this one) → Hold ARTIFACT_MISSING:
 * the agent cannot download it, so it does not try. The expected checksum is the declared sha256, else the
 * declared md5, else the artifact store's sha256 (from `context.artifacts`), else
 * the sha256 IOMS last wrote; the agent reports both digests, so either declared
 * one is checked. A written file whose `restartProcess` names a process that runs
 * and is not (re)started in the same plan → RestartProcess FILE_CHANGED after it.
 *
 * Cron: absent → SetCron MISSING, other specHash → SetCron SPEC_CHANGED, the
 * same spec the agent could not schedule → Hold CRON_FAILED.
 *
 * Observed but not desired → StopProcess / RemoveCron NOT_DESIRED; a file →
 * RemoveFile NOT_DESIRED when it is gone or still holds what IOMS wrote, else
 * Hold MODIFIED_BY_HAND (left in place, never silently destroyed).
 */
import { type DesiredState, cronKey, fileKey, processKey } from './desired-state.js';
import { type ObservedCron, type ObservedFile, type ObservedProcess, type ObservedState } from './observed-state.js';
import { ACTION_ORDER, type PlanAction, Reason } from './plan-action.js';
import { type CronSpec, type FileSpec, type ProcessSpec } from './spec-schema.js';
import { specHash } from './spec-hash.js';

/** The artifact store's digests of an artifact reference (`name` or `name@version`). */
export interface ArtifactDigests {
  readonly sha256: string;
  readonly md5: string;
}

/** What the planner knows beyond the two states. */
export interface PlanContext {
  /** Store digests by artifact reference, as the server sends them with the desired state. */
  readonly artifacts?: Readonly<Record<string, ArtifactDigests>>;
}

const short = (hex: string): string => `${hex.slice(0, 12)}…`;

function describeExit(seen: ObservedProcess): string {
  if (seen.lastSignal !== undefined) return `last ended by ${seen.lastSignal}`;
  if (seen.lastExitCode !== undefined) return `last exit code ${seen.lastExitCode}`;
  return 'last exit unknown';
}

function planProcess(spec: ProcessSpec, seen: ObservedProcess | undefined): PlanAction | undefined {
  const key = processKey(spec.name);
  const hash = specHash(spec);
  const start = (reason: Reason, message: string): PlanAction => ({ type: 'StartProcess', key, reason, message, process: spec, specHash: hash });
  if (seen === undefined) return start(Reason.MISSING, `start process "${spec.name}": the host does not run it yet`);
  if (seen.specHash !== hash) {
    return { type: 'UpdateProcess', key, reason: Reason.SPEC_CHANGED, message: `restart process "${spec.name}" with its changed spec`, process: spec, specHash: hash };
  }
  if (seen.state === 'FATAL') {
    const why = seen.reason ?? 'it used up its restart budget';
    const retry = seen.retryAt !== undefined ? `; its retry policy starts it again at ${seen.retryAt}` : '';
    return {
      type: 'Hold',
      key,
      reason: Reason.FATAL,
      message: `process "${spec.name}" gave up (FATAL after ${seen.restarts} restarts, ${describeExit(seen)}): ${why}${retry}; fix the manifest or run ioms exec --action restart-process`,
    };
  }
  if (seen.state === 'STOPPED' || (seen.state === 'EXITED' && spec.restart.policy === 'always')) {
    return start(Reason.NOT_RUNNING, `start process "${spec.name}": it is ${seen.state} but should be running`);
  }
  return undefined;
}

function checksumProblem(spec: FileSpec, seen: ObservedFile, store: ArtifactDigests | undefined): string | undefined {
  if (spec.sha256 !== undefined) {
    if (seen.sha256 === undefined) return 'the agent reported no sha256 to verify it';
    return seen.sha256 === spec.sha256 ? undefined : `its sha256 is ${short(seen.sha256)}, not ${short(spec.sha256)}`;
  }
  if (spec.md5 !== undefined) {
    if (seen.md5 === undefined) return 'the agent reported no md5 to verify it';
    return seen.md5 === spec.md5 ? undefined : `its md5 is ${seen.md5}, not ${spec.md5}`;
  }
  const expected = store?.sha256 ?? seen.managedSha256;
  if (expected === undefined || seen.sha256 === undefined) return undefined;
  const source = store !== undefined ? `the stored ${spec.artifact}` : 'what IOMS wrote';
  return seen.sha256 === expected ? undefined : `its sha256 is ${short(seen.sha256)}, not ${short(expected)} (${source})`;
}

function planFile(spec: FileSpec, seen: ObservedFile | undefined, store: ArtifactDigests | undefined): PlanAction | undefined {
  const key = fileKey(spec.path);
  const hash = specHash(spec);
  const put = (reason: Reason, why: string): PlanAction => ({ type: 'PutFile', key, reason, message: `write ${spec.path}: ${why}`, file: spec, specHash: hash });
  if (seen === undefined || !seen.exists) return put(Reason.MISSING, 'the file does not exist');
  if (seen.specHash === undefined) {
    // An agent without a record (a new agent, or files placed before IOMS): adopt a matching file
    // without restarting anything; a differing one is written (and its process restarted).
    const differs = checksumProblem(spec, seen, store);
    return differs !== undefined ? put(Reason.CHECKSUM_MISMATCH, differs) : put(Reason.NOT_MANAGED, 'IOMS has no record of writing it');
  }
  if (seen.specHash !== hash) return put(Reason.SPEC_CHANGED, 'its declaration changed');
  const checksum = checksumProblem(spec, seen, store);
  if (checksum !== undefined) return put(Reason.CHECKSUM_MISMATCH, checksum);
  if (spec.mode !== undefined && seen.mode !== undefined && seen.mode !== spec.mode) {
    return put(Reason.MODE_CHANGED, `its mode is ${seen.mode}, not ${spec.mode}`);
  }
  if (spec.extractTo !== undefined && seen.extracted === false) return put(Reason.NOT_EXTRACTED, `it is not unpacked into ${spec.extractTo}`);
  return undefined;
}

/** A write whose artifact the store lacks becomes a Hold: the agent could only fail to download it. */
function holdWithoutArtifact(action: PlanAction | undefined, spec: FileSpec, context: PlanContext): PlanAction | undefined {
  if (action?.type !== 'PutFile' || context.artifacts === undefined || context.artifacts[spec.artifact] !== undefined) return action;
  return {
    type: 'Hold',
    key: action.key,
    reason: Reason.ARTIFACT_MISSING,
    message: `cannot write ${spec.path}: artifact ${spec.artifact} is not in the store; push it or change the manifest`,
  };
}

function planLeftoverFile(key: string, seen: ObservedFile): PlanAction {
  if (!seen.exists) {
    return { type: 'RemoveFile', key, reason: Reason.NOT_DESIRED, message: `forget ${seen.path}: no profile declares it now and it is gone`, path: seen.path };
  }
  if (seen.managedSha256 !== undefined && seen.sha256 === seen.managedSha256) {
    return { type: 'RemoveFile', key, reason: Reason.NOT_DESIRED, message: `remove ${seen.path}: no profile declares it now`, path: seen.path };
  }
  return {
    type: 'Hold',
    key,
    reason: Reason.MODIFIED_BY_HAND,
    message: `leave ${seen.path} in place: no profile declares it now, but it was changed by hand since IOMS wrote it; delete it or declare it again`,
  };
}

function planCron(spec: CronSpec, seen: ObservedCron | undefined): PlanAction | undefined {
  const key = cronKey(spec.name);
  const hash = specHash(spec);
  if (seen === undefined || seen.specHash !== hash) {
    const reason = seen === undefined ? Reason.MISSING : Reason.SPEC_CHANGED;
    const why = seen === undefined ? 'the host does not have it yet' : 'its spec changed';
    return { type: 'SetCron', key, reason, message: `schedule crontab entry "${spec.name}": ${why}`, cron: spec, specHash: hash };
  }
  if (seen.error !== undefined) {
    return { type: 'Hold', key, reason: Reason.CRON_FAILED, message: `crontab entry "${spec.name}" does not run: ${seen.error}` };
  }
  return undefined;
}

/** RestartProcess after each written file whose process runs and is not (re)started by this plan anyway. */
function restartsAfterFiles(actions: readonly PlanAction[], seenProcesses: ReadonlyMap<string, ObservedProcess>): PlanAction[] {
  const started = new Set(actions.flatMap((a) => (a.type === 'StartProcess' || a.type === 'UpdateProcess' ? [a.process.name] : [])));
  const out = new Map<string, PlanAction>();
  for (const action of actions) {
    if (action.type !== 'PutFile' || action.reason === Reason.MODE_CHANGED || action.reason === Reason.NOT_EXTRACTED || action.reason === Reason.NOT_MANAGED) continue;
    const name = action.file.restartProcess;
    if (name === undefined || started.has(name) || out.has(name) || !seenProcesses.has(processKey(name))) continue;
    out.set(name, {
      type: 'RestartProcess',
      key: processKey(name),
      reason: Reason.FILE_CHANGED,
      message: `restart process "${name}" after ${action.file.path} is written`,
      name,
      afterFile: action.key,
    });
  }
  return [...out.values()];
}

function indexBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [keyOf(item), item]));
}

/** Plans the actions that take `observed` to `desired` (see the module comment). */
export function planHost(desired: DesiredState, observed: ObservedState, context: PlanContext = {}): PlanAction[] {
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
  for (const spec of desired.files) push(holdWithoutArtifact(planFile(spec, seenFiles.get(fileKey(spec.path)), context.artifacts?.[spec.artifact]), spec, context));
  for (const [key, seen] of seenFiles) if (!wantFiles.has(key)) push(planLeftoverFile(key, seen));

  const seenCron = indexBy(observed.cron, (c) => cronKey(c.name));
  const wantCron = new Set(desired.crontab.map((c) => cronKey(c.name)));
  for (const spec of desired.crontab) push(planCron(spec, seenCron.get(cronKey(spec.name))));
  for (const [key, seen] of seenCron) {
    if (!wantCron.has(key)) {
      push({ type: 'RemoveCron', key, reason: Reason.NOT_DESIRED, message: `remove crontab entry "${seen.name}": no profile declares it now`, name: seen.name });
    }
  }

  actions.push(...restartsAfterFiles(actions, seenProcesses));
  return actions.sort((a, b) => ACTION_ORDER[a.type] - ACTION_ORDER[b.type] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
