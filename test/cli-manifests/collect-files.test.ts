import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectManifestFiles, CollectError, displayPath, isManifestFileName } from '../../cli/manifests/collect-files.js';

/**
 * A tree:
 *   fleet/b.yaml  fleet/a.yml  fleet/README.md  fleet/sub/c.yaml  fleet/sub/z/d.YAML
 *   fleet/.github/ci.yml  fleet/.hidden.yaml  fleet/link -> fleet (a directory cycle)
 *   single.txt  empty/  empty/notes.md  bad.yaml (not UTF-8)  bom.yaml
 */
let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-collect-'));
  const write = (rel: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  };
  write('fleet/b.yaml', 'kind: B\n');
  write('fleet/a.yml', 'kind: A\n');
  write('fleet/README.md', '# not a manifest\n');
  write('fleet/sub/c.yaml', 'kind: C\n');
  write('fleet/sub/z/d.YAML', 'kind: D\n');
  write('fleet/.github/ci.yml', 'on: push\n');
  write('fleet/.hidden.yaml', 'kind: Hidden\n');
  fs.symlinkSync(path.join(root, 'fleet'), path.join(root, 'fleet', 'link'));
  write('single.txt', 'kind: Single\n');
  write('empty/notes.md', 'nothing\n');
  write('bad.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0x0a, 0x20, 0xff, 0x0a]));
  write('bom.yaml', '\uFEFFkind: Bom\n');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('collectManifestFiles', () => {
  const cases: { name: string; inputs: string[]; want: string[] }[] = [
    { name: 'a directory: *.yaml and *.yml recursively, sorted, dot entries and symlinked directories skipped', inputs: ['fleet'], want: ['fleet/a.yml', 'fleet/b.yaml', 'fleet/sub/c.yaml', 'fleet/sub/z/d.YAML'] },
    { name: 'a named file is sent whatever its extension', inputs: ['single.txt'], want: ['single.txt'] },
    { name: 'several -f keep their order', inputs: ['single.txt', 'fleet/sub'], want: ['single.txt', 'fleet/sub/c.yaml', 'fleet/sub/z/d.YAML'] },
    { name: 'a file reached twice is sent once', inputs: ['fleet/sub/c.yaml', 'fleet/sub', './fleet/sub/c.yaml'], want: ['fleet/sub/c.yaml', 'fleet/sub/z/d.YAML'] },
    { name: 'a named dot file is sent', inputs: ['fleet/.hidden.yaml'], want: ['fleet/.hidden.yaml'] },
    { name: 'an absolute path is shown relative to the current directory', inputs: [path.join('/', 'ROOT', 'fleet', 'a.yml')], want: ['fleet/a.yml'] },
  ];
  it.each(cases)('$name', ({ inputs, want }) => {
    const files = collectManifestFiles(
      inputs.map((i) => i.replace(`${path.sep}ROOT`, root)),
      { cwd: root },
    );
    expect(files.map((f) => f.path)).toEqual(want);
    for (const f of files) expect(f.content).toBe(fs.readFileSync(f.absolute, 'utf8'));
  });

  it('paths are relative to the current directory, also from inside a subdirectory', () => {
    const files = collectManifestFiles(['../../single.txt', '.'], { cwd: path.join(root, 'fleet', 'sub') });
    expect(files.map((f) => f.path)).toEqual(['../../single.txt', 'c.yaml', 'z/d.YAML']);
  });

  it('drops a UTF-8 byte order mark from the text', () => {
    expect(collectManifestFiles(['bom.yaml'], { cwd: root })[0]!.content).toBe('kind: Bom\n');
  });

  const refusals: { name: string; inputs: string[]; code: string; message: RegExp; maxTotalBytes?: number }[] = [
    { name: 'no -f at all', inputs: [], code: 'NO_FILES', message: /no manifests given: pass -f FILE or -f DIR/ },
    { name: 'a directory without manifests', inputs: ['empty'], code: 'NO_FILES', message: /no \*\.yaml or \*\.yml files in empty/ },
    { name: 'a missing path', inputs: ['fleet', 'nope.yaml'], code: 'NOT_FOUND', message: /^nope\.yaml: no such file or directory$/ },
    { name: 'bytes that are not UTF-8, with their position', inputs: ['bad.yaml'], code: 'INVALID_UTF8', message: /^bad\.yaml:2:2: invalid UTF-8 byte 0xff \[INVALID_UTF8\]$/ },
    { name: 'more bytes than the server accepts', inputs: ['fleet'], code: 'TOO_LARGE', message: /add up to 32 bytes; the server accepts at most 10/, maxTotalBytes: 10 },
  ];
  it.each(refusals)('refuses $name (exit 2)', ({ inputs, code, message, maxTotalBytes }) => {
    let caught: unknown;
    try {
      collectManifestFiles(inputs, { cwd: root, maxTotalBytes });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CollectError);
    expect(caught).toMatchObject({ code, exitCode: 2 });
    expect((caught as Error).message).toMatch(message);
  });
});

describe('isManifestFileName', () => {
  it.each([
    ['web.yaml', true],
    ['web.yml', true],
    ['WEB.YML', true],
    ['web.yaml.bak', false],
    ['.web.yaml', false],
    ['yaml', false],
    ['web.json', false],
  ] as const)('%s → %s', (name, want) => {
    expect(isManifestFileName(name)).toBe(want);
  });
});

describe('displayPath', () => {
  it.each([
    ['a file below', '/w/a/b.yaml', '/w', 'a/b.yaml'],
    ['a file above', '/x/b.yaml', '/w/y', '../../x/b.yaml'],
    ['the directory itself', '/w', '/w', 'w'],
  ])('%s', (_name, abs, cwd, want) => {
    expect(displayPath(abs, cwd)).toBe(want);
  });
});
