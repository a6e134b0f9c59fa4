import { EntitySchema } from '@mikro-orm/core';
import { JsonColumnType } from '../json-column.type.js';

/** Where an apply came from: the files, and the git work tree they were in, if any. */
export interface RevisionSource {
  paths?: string[];
  repository?: string | null;
  commit?: string | null;
  branch?: string | null;
  dirty?: boolean;
}

/**
 * An immutable revision of the fleet's desired state: every manifest document in force after an
 * apply. The newest revision is the one in force; rollback re-applies an old one as a new one.
 */
export class ManifestRevisionRecord {
  id!: number;
  createdBy!: string;
  createdAt!: Date;
  message?: string | null;
  source: RevisionSource = {};
  /** The YAML files as applied: [{ file, text }]. */
  files: { file: string; text: string }[] = [];
  /** The validated, normalized documents: [{ manifest, source: { file, line } }]. */
  documents: unknown[] = [];
  /** Set when this revision re-applied an older one. */
  rollbackOf?: number | null;
}

export const ManifestRevisionSchema = new EntitySchema<ManifestRevisionRecord>({
  class: ManifestRevisionRecord,
  tableName: 'manifest_revisions',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    createdBy: { type: 'string', length: 64 },
    createdAt: { type: 'datetime', length: 3 },
    message: { type: 'string', length: 1024, nullable: true },
    source: { type: JsonColumnType },
    files: { type: JsonColumnType, columnType: 'longtext' },
    documents: { type: JsonColumnType, columnType: 'longtext' },
    rollbackOf: { type: 'integer', nullable: true },
  },
});
