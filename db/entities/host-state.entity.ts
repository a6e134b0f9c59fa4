import { EntitySchema } from '@mikro-orm/core';
import { JsonColumnType } from '../json-column.type.js';

export const ROLLOUT_STATUSES = ['PENDING', 'CONVERGED', 'DRIFTED', 'FAILED'] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

/** One drifted resource of a host, with since-when. */
export interface DriftItem {
  key: string;
  action: string;
  reason: string;
  sentence: string;
  since: string;
}

/**
 * A host's desired and observed state and the drift between them: what the reconciler last
 * computed. Persistence only.
 *
 *   PENDING (desired changed, agent not yet reported) ──report──▶ CONVERGED | DRIFTED
 *   DRIFTED ──agent fixes it──▶ CONVERGED;  an agent error applying it ──▶ FAILED
 */
export class HostStateRecord {
  hostId!: number;
  revisionId?: number | null;
  desiredHash?: string | null;
  desired?: Record<string, unknown> | null;
  /** Hash of the desired state the agent acknowledged. */
  agentHash?: string | null;
  observed?: Record<string, unknown> | null;
  observedAt?: Date | null;
  drift: DriftItem[] = [];
  status!: RolloutStatus;
  /** The newest revision this host was converged on. */
  convergedRevisionId?: number | null;
  error?: string | null;
  updatedAt!: Date;
}

export const HostStateSchema = new EntitySchema<HostStateRecord>({
  class: HostStateRecord,
  tableName: 'host_states',
  properties: {
    hostId: { type: 'integer', primary: true, autoincrement: false },
    revisionId: { type: 'integer', nullable: true },
    desiredHash: { type: 'string', length: 128, nullable: true },
    desired: { type: JsonColumnType, columnType: 'longtext', nullable: true },
    agentHash: { type: 'string', length: 128, nullable: true },
    observed: { type: JsonColumnType, columnType: 'longtext', nullable: true },
    observedAt: { type: 'datetime', length: 3, nullable: true },
    drift: { type: JsonColumnType },
    status: { type: 'string', length: 16 },
    convergedRevisionId: { type: 'integer', nullable: true },
    error: { type: 'string', length: 1024, nullable: true },
    updatedAt: { type: 'datetime', length: 3 },
  },
});
