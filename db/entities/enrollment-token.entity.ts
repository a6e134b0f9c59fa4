import { EntitySchema } from '@mikro-orm/core';
import { JsonColumnType } from '../json-column.type.js';

/** A token an agent trades once for its own credential. Only the token's SHA-256 is stored. */
export class EnrollmentTokenRecord {
  id!: number;
  tokenHash!: string;
  description?: string | null;
  /** Labels every host enrolled with this token starts with. */
  labels: Record<string, string> = {};
  expiresAt!: Date;
  maxUses!: number;
  uses = 0;
  createdBy!: string;
  createdAt!: Date;
  revokedAt?: Date | null;
}

export const EnrollmentTokenSchema = new EntitySchema<EnrollmentTokenRecord>({
  class: EnrollmentTokenRecord,
  tableName: 'enrollment_tokens',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    tokenHash: { type: 'string', length: 64, unique: true },
    description: { type: 'string', length: 255, nullable: true },
    labels: { type: JsonColumnType },
    expiresAt: { type: 'datetime', length: 3 },
    maxUses: { type: 'integer' },
    uses: { type: 'integer', default: 0 },
    createdBy: { type: 'string', length: 64 },
    createdAt: { type: 'datetime', length: 3 },
    revokedAt: { type: 'datetime', length: 3, nullable: true },
  },
});
