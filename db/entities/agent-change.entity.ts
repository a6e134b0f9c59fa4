import { BigIntType, EntitySchema } from '@mikro-orm/core';

/**
 * One plan action an agent carried out (or tried): the drift history behind the changes report.
 * Written in batches from the agent's change reports (protocol/change-report.schema.ts); one row
 * per host and change id, so a redelivered report adds nothing.
 */
export class AgentChangeRecord {
  id!: number;
  hostId!: number;
  /** The agent's id of the change (unique per host). */
  changeId!: string;
  at!: Date;
  /** Resource key: `process:<name>`, `file:<path>`, `cron:<name>`. */
  resource!: string;
  /** Plan action type (`PutFile`, `StartProcess`, …). */
  action!: string;
  /** The plan's reason constant. */
  reason!: string;
  /** INTENDED or CORRECTIVE. */
  kind!: string;
  /** DONE, FAILED or SKIPPED. */
  outcome!: string;
  /** Desired-state hash carried out, and its revision. */
  hash!: string;
  revision?: number | null;
  error?: string | null;
}

export const AgentChangeSchema = new EntitySchema<AgentChangeRecord>({
  class: AgentChangeRecord,
  tableName: 'agent_changes',
  indexes: [{ properties: ['hostId', 'resource', 'at'] }, { properties: ['at'] }],
  uniques: [{ properties: ['hostId', 'changeId'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    hostId: { type: 'integer' },
    changeId: { type: 'string', length: 64 },
    at: { type: 'datetime', length: 3 },
    resource: { type: 'string', length: 512 },
    action: { type: 'string', length: 32 },
    reason: { type: 'string', length: 32 },
    kind: { type: 'string', length: 16 },
    outcome: { type: 'string', length: 16 },
    hash: { type: 'string', length: 128 },
    revision: { type: 'integer', nullable: true },
    error: { type: 'string', length: 1000, nullable: true },
  },
});
