/**
 * Regenerates `manifests/schema.json` from the zod schemas:
 *
 *     npx tsx manifests/write-json-schema.ts
 *
 * `test/manifests/json-schema.test.ts` fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderManifestJsonSchema } from './json-schema.js';

const target = fileURLToPath(new URL('./schema.json', import.meta.url));
writeFileSync(target, renderManifestJsonSchema());
console.log(`wrote ${target}`);
