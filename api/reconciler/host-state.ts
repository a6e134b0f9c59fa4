/**
 * The reconciler's pure core: from what was gathered for one host to its new rollout row and
 * the desired-state instruction its agent should get. No database, no clock, no network: the
 * caller passes `now` in and carries out the result.
 *
 *   PENDING (desired changed, agent not yet acknowledged or reported) ──report──▶ CONVERGED | DRIFTED
 *   DRIFTED ──agent fixes it──▶ CONVERGED;  agent error, or an artifact the store lost ──▶ FAILED
 */
import {
  type ArtifactDownload,
  type DesiredInstruction,
  type HostRender,
  type ObservedState,
  type PlanAction,
  fileKey,
  planHost,
  Reason,
} from '../../manifests/index.js';
import type { DriftItem, RolloutStatus } from '../../db/entities/index.js';

/**
 * Reasons the server adds to a host's drift on its own, from the planner's vocabulary: a desired
 * file whose artifact the store lacks is recorded even when the file on the host is still fine
 * (the planner holds it only when it must be written).
 */
export const ServerReason = { ARTIFACT_MISSING: Reason.ARTIFACT_MISSING } as const;

/** The fields of a host's rollout row that a pass computes. */
export interface RolloutRow {
  readonly revisionId: number | null;
  readonly desiredHash: string | null;
  readonly drift: readonly DriftItem[];
  readonly status: RolloutStatus;
  readonly convergedRevisionId: number | null;
}

export interface HostInputs {
  readonly online: boolean;
  readonly revisionId: number | null;
  readonly render: HostRender;
  /** The row as the last pass left it (null: never reconciled). */
  readonly previous: (RolloutRow & { readonly agentHash: string | null; readonly error: string | null }) | null;
  /** The agent's last observed state, when it has reported one. */
  readonly observed: ObservedState | undefined;
  /** Each artifact reference of the desired files: its download, or null when the store lacks it. */
  readonly artifacts: Readonly<Record<string, ArtifactDownload | null>>;
}

export interface HostDecision {
  readonly row: RolloutRow;
  /** The plan drift was computed from (empty before the agent reported). */
  readonly actions: readonly PlanAction[];
  /** The instruction to send the agent: set while it has not acknowledged this desired state. */
  readonly send: DesiredInstruction | undefined;
}

/** The server's drift for a host: the same planner the agent runs, over what the agent reported. */
export function driftPlan(instruction: DesiredInstruction, observed: ObservedState): PlanAction[] {
  return planHost(instruction.desired, observed, { artifacts: instruction.artifacts });
}

export function decideHostState(inputs: HostInputs, now: Date): HostDecision {
  const { render, previous } = inputs;
  const artifacts: Record<string, ArtifactDownload> = {};
  const missing: DriftItem[] = [];
  for (const f of render.desired.files) {
    const a = inputs.artifacts[f.artifact];
    if (a) artifacts[f.artifact] = a;
    else missing.push({ key: fileKey(f.path), action: 'Hold', reason: ServerReason.ARTIFACT_MISSING, sentence: `cannot write ${f.path}: artifact ${f.artifact} is not in the store; push it or change the manifest`, since: '' });
  }
  const instruction: DesiredInstruction = { revision: inputs.revisionId, hash: render.hash, desired: render.desired, artifacts };
  const acknowledged = previous?.agentHash === render.hash;
  const actions = inputs.observed ? driftPlan(instruction, inputs.observed) : [];
  const since = new Map((previous?.drift ?? []).map((d) => [`${d.key}|${d.reason}`, d.since]));
  const stamp = (d: Omit<DriftItem, 'since'>): DriftItem => ({ ...d, since: since.get(`${d.key}|${d.reason}`) ?? now.toISOString() });
  // One item per resource: where the planner already holds a file for its missing artifact, its Hold stands.
  const planned = new Set(actions.map((a) => a.key));
  const drift = [
    ...missing.filter((m) => !planned.has(m.key)).map(stamp),
    ...actions.map((a) => stamp({ key: a.key, action: a.type, reason: a.reason, sentence: a.message })),
  ];
  const status: RolloutStatus =
    missing.length > 0 || previous?.error ? 'FAILED' : !acknowledged || !inputs.observed ? 'PENDING' : drift.length > 0 ? 'DRIFTED' : 'CONVERGED';
  const revisionId = inputs.revisionId;
  return {
    row: {
      revisionId,
      desiredHash: render.hash,
      drift,
      status,
      convergedRevisionId: status === 'CONVERGED' ? revisionId : (previous?.convergedRevisionId ?? null),
    },
    actions,
    send: !acknowledged && inputs.online ? instruction : undefined,
  };
}
