/**
 * The JSON Schema of a manifest document, for editors (yaml-language-server) and
 * other tools. Generated from the zod schemas in their input form, so fields
 * with defaults are optional. Rules zod expresses as code (paths, cron
 * expressions, selectors, uniqueness) are not in the JSON Schema: `ioms apply`
 * and `loadManifests` remain the authority.
 */
import { z } from 'zod';
import { manifestSchema } from './schema.js';

export const MANIFEST_SCHEMA_ID = 'https://ioms.dev/schemas/ioms-v1.json';

/** Builds the JSON Schema (draft-07, which editors support best) as a plain object. */
export function buildManifestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(manifestSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
  return { ...schema, $id: MANIFEST_SCHEMA_ID, title: 'IOMS manifest (ioms/v1)' };
}

/** The schema file's exact text: two-space JSON with a final newline. */
export function renderManifestJsonSchema(): string {
  return `${JSON.stringify(buildManifestJsonSchema(), null, 2)}\n`;
}
