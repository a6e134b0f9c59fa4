import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderManifestJsonSchema } from '../../manifests/index.js';

describe('manifests/schema.json', () => {
  it('is up to date with the zod schemas (regenerate: npx tsx manifests/write-json-schema.ts)', () => {
    const committed = readFileSync(new URL('../../manifests/schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderManifestJsonSchema());
  });

  it('describes both kinds, strictly', () => {
    const schema = JSON.parse(renderManifestJsonSchema()) as { oneOf: { properties: { kind: { const: string } }; additionalProperties: boolean }[] };
    expect(schema.oneOf.map((s) => s.properties.kind.const).sort()).toEqual(['Host', 'Profile']);
    expect(schema.oneOf.every((s) => s.additionalProperties === false)).toBe(true);
  });
});
