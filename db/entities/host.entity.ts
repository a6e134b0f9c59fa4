import { EntitySchema } from '@mikro-orm/core';
import { JsonColumnType } from '../json-column.type.js';

/**
 * One managed host (agent). Persistence only. Liveness:
 *
 *   online = a socket to some replica is open now (set on connect, cleared on close);
 *   alive  = a heartbeat arrived within IOMS_ALIVE_WINDOW (kept in `alive` by the sweeper so a
 *            change of state can be recorded and published exactly once, cluster-wide).
 */
export class HostRecord {
  id!: number;
  name!: string;
  /** SHA-256 of the host's 256-bit secret; the secret itself lives only on the host (0600). */
  credentialHash!: string;
  /** Labels from the enrollment token and the agent's flags. */
  agentLabels: Record<string, string> = {};
  /** Labels set by admins (`ioms host label`); they win over agent labels. */
  serverLabels: Record<string, string> = {};
  inventory?: Record<string, unknown> | null;
  inventoryFingerprint?: string | null;
  agentVersion?: string | null;
  enrolledAt!: Date;
  /** Enrollment token id this host came in with. */
  enrolledWith?: number | null;
  lastSeenAt?: Date | null;
  lastConnectedAt?: Date | null;
  online = false;
  alive = false;
  /** The replica holding the host's socket, when online. */
  connectedTo?: string | null;
  /** Address the agent connected from, last time. */
  lastAddress?: string | null;
  revokedAt?: Date | null;
}

export const HostSchema = new EntitySchema<HostRecord>({
  class: HostRecord,
  tableName: 'hosts',
  indexes: [{ properties: ['online'] }, { properties: ['lastSeenAt'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    name: { type: 'string', length: 253, unique: true },
    credentialHash: { type: 'string', length: 64 },
    agentLabels: { type: JsonColumnType },
    serverLabels: { type: JsonColumnType },
    inventory: { type: JsonColumnType, nullable: true },
    inventoryFingerprint: { type: 'string', length: 64, nullable: true },
    agentVersion: { type: 'string', length: 64, nullable: true },
    enrolledAt: { type: 'datetime', length: 3 },
    enrolledWith: { type: 'integer', nullable: true },
    lastSeenAt: { type: 'datetime', length: 3, nullable: true },
    lastConnectedAt: { type: 'datetime', length: 3, nullable: true },
    online: { type: 'boolean', default: false },
    alive: { type: 'boolean', default: false },
    connectedTo: { type: 'string', length: 128, nullable: true },
    lastAddress: { type: 'string', length: 64, nullable: true },
    revokedAt: { type: 'datetime', length: 3, nullable: true },
  },
});
