import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { JsonColumnType } from '../json-column.type.js';

export const AUDIT_OUTCOMES = ['SUCCESS', 'FAILURE', 'DENIED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const ACTOR_TYPES = ['USER', 'AGENT', 'SYSTEM', 'ANONYMOUS'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/**
 * One audit row: a login attempt, a mutation, a command. Rows are only ever inserted.
 * `args` holds the operation's arguments with secrets already redacted.
 */
export class AuditEventRecord {
  id!: number;
  at!: Date;
  actorType!: ActorType;
  /** Username, host name, or `-` for anonymous callers. */
  actor!: string;
  ip!: string;
  /** e.g. `login`, `createUser`, `runCommand`. */
  action!: string;
  target?: string | null;
  args?: Record<string, unknown> | null;
  outcome!: AuditOutcome;
  /** Why it failed or was refused, in words. */
  reason?: string | null;
}

export const AuditEventSchema = new EntitySchema<AuditEventRecord>({
  class: AuditEventRecord,
  tableName: 'audit_events',
  indexes: [
    { properties: ['at'] },
    { properties: ['action', 'actor', 'at'] },
    { properties: ['action', 'ip', 'at'] },
  ],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    at: { type: 'datetime', length: 3 },
    actorType: { type: 'string', length: 16 },
    actor: { type: 'string', length: 128 },
    ip: { type: 'string', length: 64 },
    action: { type: 'string', length: 64 },
    target: { type: 'string', length: 255, nullable: true },
    args: { type: JsonColumnType, nullable: true },
    outcome: { type: 'string', length: 16 },
    reason: { type: 'string', length: 1024, nullable: true },
  },
});
