/**
 * Carries out a plan's actions, in the plan's order, through the executors. Each action is
 * tried on its own: one that fails is reported and the others still run, except that a
 * RestartProcess waits for its file (no restart after a file that could not be written).
 * Holds do nothing: they are drift the agent reports (in its observed state) and leaves alone.
 */
import type { ArtifactDownload, FileSpec, PlanAction, ProcessSpec, CronSpec } from '../../manifests/index.js';

/** The I/O the plan needs, one method per action (small interfaces owned by this consumer). */
export interface Executors {
  readonly processes: {
    start(spec: ProcessSpec, specHash: string): Promise<void>;
    replace(spec: ProcessSpec, specHash: string): Promise<void>;
    stop(name: string): Promise<void>;
    restart(name: string): Promise<void>;
  };
  readonly cron: {
    set(entry: CronSpec, specHash: string): void;
    remove(name: string): void;
  };
  readonly files: {
    put(file: FileSpec, specHash: string, artifact: ArtifactDownload | undefined): Promise<void>;
    remove(path: string): Promise<void>;
  };
}

export interface ActionOutcome {
  readonly action: PlanAction;
  /** `done`; `failed` with why; `reported` when the failure is part of the observed state (a cron entry it cannot run). */
  readonly result: 'done' | 'failed' | 'reported' | 'skipped';
  readonly error?: string;
}

async function perform(action: PlanAction, executors: Executors, artifacts: Readonly<Record<string, ArtifactDownload>>): Promise<void> {
  switch (action.type) {
    case 'RemoveCron':
      return executors.cron.remove(action.name);
    case 'StopProcess':
      return executors.processes.stop(action.name);
    case 'RemoveFile':
      return executors.files.remove(action.path);
    case 'PutFile':
      return executors.files.put(action.file, action.specHash, artifacts[action.file.artifact]);
    case 'UpdateProcess':
      return executors.processes.replace(action.process, action.specHash);
    case 'StartProcess':
      return executors.processes.start(action.process, action.specHash);
    case 'RestartProcess':
      return executors.processes.restart(action.name);
    case 'SetCron':
      return executors.cron.set(action.cron, action.specHash);
    case 'Hold':
      return;
    default: {
      const never: never = action;
      throw new Error(`unknown plan action ${JSON.stringify(never)}`);
    }
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Runs `actions` in order; never throws. */
export async function executePlan(
  actions: readonly PlanAction[],
  executors: Executors,
  artifacts: Readonly<Record<string, ArtifactDownload>>,
): Promise<ActionOutcome[]> {
  const failedKeys = new Set<string>();
  const outcomes: ActionOutcome[] = [];
  for (const action of actions) {
    if (action.type === 'RestartProcess' && failedKeys.has(action.afterFile)) {
      outcomes.push({ action, result: 'skipped', error: `not restarted: ${action.afterFile} was not written` });
      continue;
    }
    try {
      await perform(action, executors, artifacts);
      outcomes.push({ action, result: 'done' });
    } catch (error) {
      failedKeys.add(action.key);
      const reported = action.type === 'SetCron' && (error as { code?: string }).code === 'INVALID_ENTRY';
      outcomes.push({ action, result: reported ? 'reported' : 'failed', error: message(error) });
    }
  }
  return outcomes;
}
