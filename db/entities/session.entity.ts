import { EntitySchema } from '@mikro-orm/core';

/**
 * A login session. The bearer token itself is never stored: the primary key is its SHA-256,
 * so a leaked database does not leak usable tokens.
 */
export class SessionRecord {
  tokenHash!: string;
  userId!: number;
  createdAt!: Date;
  /** Refreshed at most once a minute; idle expiry counts from here. */
  lastUsedAt!: Date;
  /** Absolute expiry, fixed at login. */
  expiresAt!: Date;
  ip!: string;
  userAgent?: string | null;
}

export const SessionSchema = new EntitySchema<SessionRecord>({
  class: SessionRecord,
  tableName: 'sessions',
  indexes: [{ properties: ['userId'] }, { properties: ['expiresAt'] }],
  properties: {
    tokenHash: { type: 'string', length: 64, primary: true },
    userId: { type: 'integer' },
    createdAt: { type: 'datetime', length: 3 },
    lastUsedAt: { type: 'datetime', length: 3 },
    expiresAt: { type: 'datetime', length: 3 },
    ip: { type: 'string', length: 64 },
    userAgent: { type: 'string', length: 255, nullable: true },
  },
});
