import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Module specifiers imported by every .ts file under `dir` (relative to the repo root). */
function importsOf(dir: string): Array<{ file: string; specifier: string }> {
  const files = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.flatMap((file) => {
    const source = readFileSync(join(root, dir, file), 'utf8');
    return [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/g)].map((m) => ({ file: `${dir}/${file}`, specifier: (m[1] ?? m[2])! }));
  });
}

/** The project folder a relative specifier in `file` resolves to, or undefined for a package. */
function folderOf(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return join(file, '..', specifier).split(/[\\/]/)[0];
}

describe('dependency direction', () => {
  it('protocol imports only zod, node built-ins and itself', () => {
    const bad = importsOf('protocol').filter(({ specifier }) => specifier !== 'zod' && !specifier.startsWith('node:') && !/^\.\/[\w.-]+\.js$/.test(specifier));
    expect(bad).toEqual([]);
  });

  it('agent imports nothing of the project outside agent/, protocol/ and manifests/', () => {
    const all = importsOf('agent');
    expect(all.length).toBeGreaterThan(100);
    const bad = all.filter(({ file, specifier }) => {
      const folder = folderOf(file, specifier);
      return folder !== undefined && !['agent', 'protocol', 'manifests'].includes(folder);
    });
    expect(bad).toEqual([]);
  });

  it('manifests imports nothing of the project outside manifests/ and protocol/', () => {
    const bad = importsOf('manifests').filter(({ file, specifier }) => {
      const folder = folderOf(file, specifier);
      return folder !== undefined && !['protocol', 'manifests'].includes(folder);
    });
    expect(bad).toEqual([]);
  });
});
