import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_SHARED_SOURCES } from '../../cli/dashboard-build.js';

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

/** Every manifests/ file the dashboard imports (by relative path, web/src/**): the browser bundle takes it whole. */
const webRoot = fileURLToPath(new URL('../../web/src/', import.meta.url));
const webImports = (readdirSync(webRoot, { recursive: true }) as string[])
  .filter((name) => /\.tsx?$/.test(name))
  .flatMap((name) => {
    const text = readFileSync(path.join(webRoot, name), 'utf8');
    return [...text.matchAll(IMPORT_RE)].map((m) => path.resolve(path.dirname(path.join(webRoot, name)), m[1] as string)).filter((target) => target.startsWith(root));
  });
const browserShared = [...new Set(webImports.map((target) => path.relative(root, target)))].sort();

describe('manifests/ files the dashboard bundles', () => {
  it('are the ones a change to rebuilds the dashboard for (cli/dashboard-build.ts)', () => {
    expect(browserShared.map((name) => `manifests/${name}.ts`)).toEqual([...DASHBOARD_SHARED_SOURCES].sort());
  });
  it.each(browserShared)('%s imports nothing at all (no yaml, no node:, no files that do)', (name) => {
    const text = readFileSync(path.join(root, `${name}.ts`), 'utf8');
    expect([...text.matchAll(IMPORT_RE)].map((m) => m[1])).toEqual([]);
  });
});
