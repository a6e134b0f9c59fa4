/**
 * What one pass over a chunk of gathered hosts does, decided without I/O: per host
 * {@link decideHostState}, then which rows to write (only those whose fields changed: a pass
 * with nothing to do writes nothing), which instructions to send and which events to publish.
 * A host whose decision throws is listed in `failed` and the others go on.
 */
import type { DesiredInstruction } from '../../manifests/index.js';
import type { DriftItem, RolloutStatus } from '../../db/entities/index.js';
import type { GatheredHost } from './gather.js';
import { type RolloutRow, decideHostState } from './host-state.js';
import type { RowWrite } from './rollout-rows.js';

/** What `rolloutProgressed` carries for a host whose row changed. */
export interface RolloutEvent {
  readonly hostId: number;
  readonly host: string;
  readonly online: boolean;
  readonly status: RolloutStatus;
  readonly revision: number | null;
  readonly convergedRevision: number | null;
  readonly drift: readonly DriftItem[];
  readonly error: string | null;
  readonly observedAt: string | null;
  readonly updatedAt: string;
}

export interface PassPlan {
  readonly writes: readonly RowWrite[];
  /** Per written host, its event: published once its row is stored. */
  readonly events: ReadonlyMap<number, RolloutEvent>;
  /** Per host whose agent has not acknowledged its desired state, the instruction to send. */
  readonly sends: readonly { readonly hostId: number; readonly instruction: DesiredInstruction }[];
  readonly failed: readonly { readonly hostId: number; readonly err: unknown }[];
}

const rowFields = (r: RolloutRow): string => JSON.stringify([r.revisionId, r.desiredHash, r.status, r.drift, r.convergedRevisionId]);

export function planPass(hosts: readonly GatheredHost[], now: Date): PassPlan {
  const writes: RowWrite[] = [];
  const events = new Map<number, RolloutEvent>();
  const sends: { hostId: number; instruction: DesiredInstruction }[] = [];
  const failed: { hostId: number; err: unknown }[] = [];
  for (const h of hosts) {
    let decision: ReturnType<typeof decideHostState>;
    try {
      decision = decideHostState(h.inputs, now);
    } catch (err) {
      failed.push({ hostId: h.hostId, err });
      continue;
    }
    const { row } = decision;
    if (decision.send) sends.push({ hostId: h.hostId, instruction: decision.send });
    const previous = h.inputs.previous;
    if (previous && rowFields(previous) === rowFields(row)) continue; // nothing to do: nothing written
    const desiredChanged = !previous || previous.desiredHash !== row.desiredHash || previous.revisionId !== row.revisionId;
    writes.push({ hostId: h.hostId, row, desired: desiredChanged ? h.inputs.render.desired : undefined, expectedUpdatedAt: h.rowUpdatedAt });
    events.set(h.hostId, {
      hostId: h.hostId,
      host: h.name,
      online: h.online,
      status: row.status,
      revision: row.revisionId,
      convergedRevision: row.convergedRevisionId,
      drift: row.drift,
      error: previous?.error ?? null,
      observedAt: h.observedAt?.toISOString() ?? null,
      updatedAt: now.toISOString(),
    });
  }
  return { writes, events, sends, failed };
}
