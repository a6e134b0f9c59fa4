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

describe('dependency direction', () => {
  it('api/protocol imports only zod, node built-ins and itself', () => {
    const bad = importsOf('api/protocol').filter(({ specifier }) => specifier !== 'zod' && !specifier.startsWith('node:') && !/^\.\/[\w.-]+\.js$/.test(specifier));
    expect(bad).toEqual([]);
  });

  it('agent/observe reaches into api/ only through api/protocol', () => {
    const all = importsOf('agent/observe');
    expect(all.length).toBeGreaterThan(0);
    const bad = all.filter(({ specifier }) => specifier.includes('/api/') && !specifier.startsWith('../../api/protocol/'));
    expect(bad).toEqual([]);
    expect(all.filter(({ specifier }) => specifier.includes('/db/'))).toEqual([]);
  });
});
