import { BigIntType, EntitySchema } from '@mikro-orm/core';

export const HOST_STATUS_CHANGES = ['CONNECTED', 'DISCONNECTED', 'ALIVE', 'DEAD', 'ENROLLED', 'REVOKED'] as const;
export type HostStatusChange = (typeof HOST_STATUS_CHANGES)[number];

/** A host's availability history: one row per change, for availability reports. */
export class HostStatusEventRecord {
  id!: number;
  hostId!: number;
  at!: Date;
  change!: HostStatusChange;
  reason?: string | null;
}

export const HostStatusEventSchema = new EntitySchema<HostStatusEventRecord>({
  class: HostStatusEventRecord,
  tableName: 'host_status_events',
  // (hostId, at): a host's history. The availability report's reads are index-only: (hostId,
  // change, at) its state before a range, (at, hostId, change) the changes inside it.
  indexes: [{ properties: ['hostId', 'at'] }, { properties: ['hostId', 'change', 'at'] }, { properties: ['at', 'hostId', 'change'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    hostId: { type: 'integer' },
    at: { type: 'datetime', length: 3 },
    change: { type: 'string', length: 16 },
    reason: { type: 'string', length: 255, nullable: true },
  },
});
