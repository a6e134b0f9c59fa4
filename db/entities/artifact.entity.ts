import { BigIntType, EntitySchema } from '@mikro-orm/core';

/**
 * One whitelisted artifact version: `name@version` → a blob in the content-addressed store
 * (`IOMS_DATA_DIR/artifacts/<sha256>`). Only registered blobs can be downloaded.
 */
export class ArtifactRecord {
  id!: number;
  name!: string;
  version!: string;
  sha256!: string;
  md5!: string;
  sizeBytes!: number;
  uploadedBy!: string;
  createdAt!: Date;
}

export const ArtifactSchema = new EntitySchema<ArtifactRecord>({
  class: ArtifactRecord,
  tableName: 'artifacts',
  uniques: [{ properties: ['name', 'version'] }],
  indexes: [{ properties: ['sha256'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    name: { type: 'string', length: 128 },
    version: { type: 'string', length: 64 },
    sha256: { type: 'string', length: 64 },
    md5: { type: 'string', length: 32 },
    sizeBytes: { type: new BigIntType('number') },
    uploadedBy: { type: 'string', length: 64 },
    createdAt: { type: 'datetime', length: 3 },
  },
});
