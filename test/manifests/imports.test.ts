import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../manifests/', import.meta.url));
const protocol = fileURLToPath(new URL('../../protocol/', import.meta.url));
const sources = (readdirSync(root, { recursive: true }) as string[]).filter((name) => name.endsWith('.ts')).sort();
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g;

/** A relative `.js` specifier of `file` that resolves inside manifests/ or to a file of protocol/. */
function allowedRelative(file: string, specifier: string): boolean {
  if (!/^(\.\.?\/)+([a-z0-9-]+\/)*[a-z0-9.-]+\.js$/.test(specifier)) return false;
  const target = path.resolve(path.dirname(path.join(root, file)), specifier);
  return target.startsWith(root) || path.dirname(target) === path.resolve(protocol);
}

describe('manifests/ imports nothing of the project but protocol/', () => {
  it.each(sources)('%s imports only manifests/ files, protocol/, node built-ins, zod and yaml', (name) => {
    const text = readFileSync(path.join(root, name), 'utf8');
    const specifiers = [...text.matchAll(IMPORT_RE)].map((m) => m[1] as string);
    const foreign = specifiers.filter((s) => !(allowedRelative(name, s) || s.startsWith('node:') || s === 'zod' || s === 'yaml'));
    expect(foreign).toEqual([]);
  });
});
