import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../manifests/', import.meta.url);
const sources = readdirSync(dir).filter((name) => name.endsWith('.ts'));
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g;

describe('manifests/ imports nothing of the project but protocol/', () => {
  it.each(sources)('%s imports only siblings, protocol/, node built-ins, zod and yaml', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const specifiers = [...text.matchAll(IMPORT_RE)].map((m) => m[1] as string);
    const foreign = specifiers.filter((s) => !(/^\.\/[a-z0-9-]+\.js$/.test(s) || /^\.\.\/protocol\/[a-z0-9.-]+\.js$/.test(s) || s.startsWith('node:') || s === 'zod' || s === 'yaml'));
    expect(foreign).toEqual([]);
  });
});
