import { EntitySchema } from '@mikro-orm/core';
import { JsonColumnType } from '../json-column.type.js';

/** The three roles, most powerful first. Stored as their names. */
export const ROLES = ['ADMIN', 'OPERATOR', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** A person who uses IOMS through the CLI, the API or the dashboard. Persistence only. */
export class UserRecord {
  id!: number;
  username!: string;
  /** argon2id PHC string; never leaves the server. */
  passwordHash!: string;
  role!: Role;
  /** CIDRs (IPv4 or IPv6) the user may connect from; empty means anywhere. */
  allowList: string[] = [];
  disabled = false;
  createdAt!: Date;
  updatedAt!: Date;
}

export const UserSchema = new EntitySchema<UserRecord>({
  class: UserRecord,
  tableName: 'users',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    username: { type: 'string', length: 64, unique: true },
    passwordHash: { type: 'string', length: 255 },
    role: { type: 'string', length: 16 },
    allowList: { type: JsonColumnType },
    disabled: { type: 'boolean', default: false },
    createdAt: { type: 'datetime', length: 3 },
    updatedAt: { type: 'datetime', length: 3 },
  },
});
