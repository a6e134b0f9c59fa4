import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type LoadOptions, type ManifestFile, formatManifestError, guardYaml, loadManifests } from '../../manifests/index.js';
import { VALID_HOST, VALID_PROFILE, edit } from './load-fixtures.js';

/** `file:line:column CODE` of every error, in reported order. */
function where(files: readonly ManifestFile[], opts?: LoadOptions): string[] {
  return loadManifests(files, opts).errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.code}`);
}

const one = (content: string | Uint8Array): ManifestFile[] => [{ path: 'm.yaml', content }];

describe('loadManifests accepts valid input', () => {
  it('loads a Profile and a Host from one multi-document file, keeping their sources', () => {
    const result = loadManifests(one(`${VALID_PROFILE}---\n${VALID_HOST}`));
    expect(result.errors).toEqual([]);
    expect(result.documents.map((d) => [d.manifest.kind, d.manifest.metadata.name, d.source])).toEqual([
      ['Profile', 'game-servers', { file: 'm.yaml', line: 1, index: 0 }],
      ['Host', 'web-01', { file: 'm.yaml', line: 20, index: 1 }],
    ]);
  });

  it.each([
    { name: 'a byte-order mark', content: `\uFEFF${VALID_HOST}` },
    { name: 'UTF-8 bytes', content: new TextEncoder().encode(VALID_HOST) },
    { name: 'UTF-8 bytes with a BOM', content: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(VALID_HOST)]) },
    { name: 'CRLF line ends', content: VALID_HOST.replace(/\n/g, '\r\n') },
    { name: 'a leading and a trailing document marker', content: `---\n${VALID_HOST}---\n` },
    { name: 'single-quoted checksums', content: edit(VALID_PROFILE, '"9e107d9d372bb6826bd81d3542a419d6"', "'9e107d9d372bb6826bd81d3542a419d6'") },
    { name: 'brackets inside quoted strings', content: edit(VALID_PROFILE, '"--port"', `"${'['.repeat(500)}"`) },
    { name: 'brackets inside a block scalar', content: `${VALID_HOST}# ${'['.repeat(500)}\n` },
  ])('with $name', ({ content }) => {
    const result = loadManifests(one(content));
    expect(result.errors).toEqual([]);
    expect(result.documents).toHaveLength(1);
  });

  it('reads nothing from a file of comments and empty documents', () => {
    expect(loadManifests(one('# nothing here\n---\n---\n'))).toEqual({ documents: [], errors: [] });
  });
});

describe('loadManifests refuses hostile and bad input with file:line:column', () => {
  const cases: { name: string; content: string | Uint8Array; want: string[]; opts?: LoadOptions }[] = [
    { name: 'unquoted md5 that YAML reads as a number', content: edit(VALID_PROFILE, '"9e107d9d372bb6826bd81d3542a419d6"', '0e46130000000000000000000000000'), want: ['m.yaml:16:12 UNQUOTED_SCALAR'] },
    { name: 'unquoted md5 that is a plain string', content: edit(VALID_PROFILE, '"9e107d9d372bb6826bd81d3542a419d6"', '9e107d9d372bb6826bd81d3542a419d6'), want: ['m.yaml:16:12 UNQUOTED_SCALAR'] },
    { name: 'unquoted mode', content: edit(VALID_PROFILE, '"0644"', '0644'), want: ['m.yaml:17:13 UNQUOTED_SCALAR'] },
    { name: 'unquoted sha256', content: edit(VALID_PROFILE, '      mode:', `      sha256: ${'1'.repeat(64)}\n      mode:`), want: ['m.yaml:17:15 UNQUOTED_SCALAR'] },
    { name: 'block-scalar mode', content: edit(VALID_PROFILE, 'mode: "0644"', 'mode: |\n        0644'), want: ['m.yaml:17:13 UNQUOTED_SCALAR'] },
    { name: 'anchor and alias', content: edit(VALID_PROFILE, 'command: /opt/game/server', 'command: &cmd /opt/game/server\n      cwd: *cmd'), want: ['m.yaml:8:16 ANCHOR', 'm.yaml:9:12 ALIAS'] },
    { name: 'unquoted cron schedule starting with * (one error for the line, not one per *)', content: edit(VALID_PROFILE, '"0 4 * * *"', '* * * * *'), want: ['m.yaml:12:42 ALIAS'] },
    { name: 'a never-running schedule points at its day-of-month', content: edit(VALID_PROFILE, '"0 4 * * *"', '"0 0 30 2 *"'), want: ['m.yaml:12:47 SCHEMA'] },
    { name: 'a bad schedule in a plain scalar', content: edit(VALID_PROFILE, '"0 4 * * *"', '0 4 * * 8'), want: ['m.yaml:12:50 SCHEMA'] },
    { name: 'an escape before the problem: the value itself', content: edit(VALID_PROFILE, '"0 4 * * *"', '"0\\t25 * * *"'), want: ['m.yaml:12:42 SCHEMA'] },
    { name: 'a %YAML directive', content: `%YAML 1.2\n---\n${VALID_HOST}`, want: ['m.yaml:1:1 DIRECTIVE'] },
    { name: 'a %TAG directive', content: `%TAG ! tag:example.com,2000:\n---\n${VALID_HOST}`, want: ['m.yaml:1:1 DIRECTIVE'] },
    { name: 'a core-schema tag', content: edit(VALID_HOST, 'role: game', 'role: !!str game'), want: ['m.yaml:5:19 TAG'] },
    { name: 'a local tag', content: edit(VALID_HOST, 'kind: Host', 'kind: !host Host'), want: ['m.yaml:2:7 TAG'] },
    { name: 'a duplicate key', content: edit(VALID_HOST, 'env: prod', 'env: prod, role: web'), want: ['m.yaml:5:36 DUPLICATE_KEY'] },
    { name: 'a duplicate top-level key', content: `${VALID_HOST}kind: Profile\n`, want: ['m.yaml:6:1 DUPLICATE_KEY'] },
    { name: 'a __proto__ key', content: edit(VALID_PROFILE, '      args:', '      env: { __proto__: x }\n      args:'), want: ['m.yaml:9:14 INVALID_KEY'] },
    { name: 'a collection as key', content: edit(VALID_HOST, 'spec:\n', 'spec:\n  ? [a, b]\n  : c\n'), want: ['m.yaml:5:5 INVALID_KEY'] },
    { name: 'an unknown field', content: edit(VALID_PROFILE, '      args:', '      argz: []\n      args:'), want: ['m.yaml:9:7 UNKNOWN_FIELD'] },
    { name: 'an unknown top-level field', content: `${VALID_HOST}status: {}\n`, want: ['m.yaml:6:1 UNKNOWN_FIELD'] },
    { name: 'a missing command', content: edit(VALID_PROFILE, '      command: /opt/game/server\n', ''), want: ['m.yaml:7:7 MISSING_FIELD'] },
    { name: 'a missing apiVersion', content: VALID_HOST.replace('apiVersion: ioms/v1\n', ''), want: ['m.yaml:1:1 MISSING_FIELD'] },
    { name: 'a wrong kind', content: edit(VALID_HOST, 'kind: Host', 'kind: Hots'), want: ['m.yaml:2:7 SCHEMA'] },
    { name: 'a bad cron expression (pointing inside the quoted value)', content: edit(VALID_PROFILE, '"0 4 * * *"', '"0 25 * * *"'), want: ['m.yaml:12:45 SCHEMA'] },
    { name: 'a relative path', content: edit(VALID_PROFILE, 'path: /opt/game/update.zip', 'path: game/update.zip'), want: ['m.yaml:14:13 SCHEMA'] },
    { name: 'a traversing path', content: edit(VALID_PROFILE, 'path: /opt/game/update.zip', 'path: /opt/game/../../etc/cron.d/x'), want: ['m.yaml:14:13 SCHEMA'] },
    { name: 'a traversing extractTo', content: edit(VALID_PROFILE, 'extractTo: /opt/game/', 'extractTo: /opt/game/../..'), want: ['m.yaml:18:18 SCHEMA'] },
    { name: 'a number where a string belongs', content: edit(VALID_PROFILE, '"7000"', '7000'), want: ['m.yaml:9:24 SCHEMA'] },
    { name: 'a scalar document', content: 'just text\n', want: ['m.yaml:1:1 SCHEMA'] },
    { name: 'a nested compact mapping', content: edit(VALID_HOST, 'kind: Host', 'kind: Host: x'), want: ['m.yaml:2:7 YAML_SYNTAX'] },
    { name: 'a tab as indentation', content: edit(VALID_HOST, '  labels:', '\tlabels:'), want: ['m.yaml:5:1 YAML_SYNTAX'] },
    { name: 'invalid UTF-8', content: new Uint8Array([...new TextEncoder().encode('kind: Host\nmetadata:\n  na'), 0xff, 0x0a]), want: ['m.yaml:3:5 INVALID_UTF8'] },
    { name: 'an overlong UTF-8 encoding', content: new Uint8Array([0x61, 0x3a, 0x20, 0xc0, 0xaf]), want: ['m.yaml:1:4 INVALID_UTF8'] },
    { name: 'a lone surrogate in a string', content: `a: 1\nb: x\uD800\n`, want: ['m.yaml:2:5 INVALID_UTF8'] },
    { name: 'a file over the size cap', content: VALID_PROFILE, opts: { maxFileBytes: 100 }, want: ['m.yaml:1:1 FILE_TOO_LARGE'] },
    { name: 'flow nesting 100k deep', content: '['.repeat(100_000), want: ['m.yaml:1:64 TOO_DEEP'] },
    { name: 'flow mappings 100k deep', content: '{a: '.repeat(100_000), want: ['m.yaml:1:253 TOO_DEEP'] },
    { name: 'compact sequences 100k deep', content: `${'- '.repeat(100_000)}x\n`, want: ['m.yaml:1:129 TOO_DEEP'] },
    { name: 'deep flow after valid lines', content: `a: 1\nb: 2\nc: ${'['.repeat(70)}`, want: ['m.yaml:3:67 TOO_DEEP'] },
    { name: 'deep block indentation', content: 'a:\n b:\n  c:\n   d: 1\n', opts: { maxDepth: 3 }, want: ['m.yaml:4:4 TOO_DEEP'] },
    { name: 'block plus flow depth', content: 'a:\n  b: [[1]]\n', opts: { maxDepth: 3 }, want: ['m.yaml:2:7 TOO_DEEP'] },
  ];
  it.each(cases)('$name', ({ content, want, opts }) => {
    expect(where(one(content), opts)).toEqual(want);
  });

  it('handles 1 MiB of nested brackets quickly and stays up', () => {
    const started = performance.now();
    expect(where(one('['.repeat(1_048_576)))).toEqual(['m.yaml:1:64 TOO_DEEP']);
    expect(where(one('[{a: '.repeat(200_000)))).toEqual(['m.yaml:1:157 TOO_DEEP']);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('reports every error of every file at once, in file order then position', () => {
    const bad1 = edit(edit(VALID_PROFILE, '"0644"', '0644'), '"0 4 * * *"', '"0 4 * *"');
    const bad2 = `${edit(VALID_HOST, 'kind: Host', 'kind: !x Host')}---\n${edit(VALID_HOST, 'env: prod', 'env: "a b"')}`;
    expect(where([{ path: 'a.yaml', content: bad1 }, { path: 'b.yaml', content: VALID_HOST }, { path: 'c.yaml', content: `${VALID_HOST.replace('web-01', 'web-02')}---\n${edit(VALID_HOST.replace('web-01', 'web-03'), 'env: prod', 'env: "a b"')}` }, { path: 'd.yaml', content: bad2 }])).toEqual([
      'a.yaml:12:42 SCHEMA',
      'a.yaml:17:13 UNQUOTED_SCALAR',
      'c.yaml:11:30 SCHEMA',
      'd.yaml:2:7 TAG',
    ]);
  });

  it('refuses a second document with the same kind and name, naming the first', () => {
    const result = loadManifests([
      { path: 'a.yaml', content: VALID_HOST },
      { path: 'b.yaml', content: `${VALID_PROFILE}---\n${VALID_HOST.replace('web-01', 'WEB-01')}` },
    ]);
    expect(result.errors.map(formatManifestError)).toEqual([
      'b.yaml:22:19: Host "WEB-01" is already defined at a.yaml:1 [DUPLICATE_DOCUMENT]',
    ]);
    expect(result.documents.map((d) => `${d.source.file}:${d.manifest.metadata.name}`)).toEqual(['a.yaml:web-01', 'b.yaml:game-servers']);
  });

  it('caps the total size of all files', () => {
    const files = ['a', 'b', 'c'].map((n) => ({ path: `${n}.yaml`, content: VALID_HOST.replace('web-01', n) }));
    expect(where(files, { maxTotalBytes: VALID_HOST.length * 2 })).toEqual(['c.yaml:1:1 TOTAL_TOO_LARGE']);
  });

  it('stops after maxErrors with a final TOO_MANY_ERRORS', () => {
    const errors = where(one(`${'- !t x\n'.repeat(50)}`), { maxErrors: 10 });
    expect(errors).toHaveLength(11);
    expect(errors[10]).toBe('m.yaml:10:3 TOO_MANY_ERRORS');
  });

  it('gives messages that name the field and say what to do', () => {
    const { errors } = loadManifests(one(edit(VALID_PROFILE, '"0644"', '0644')));
    expect(errors[0]).toMatchObject({ path: 'spec.files[0].mode', message: expect.stringMatching(/spec\.files\[0\]\.mode must be a quoted string such as "0644"/) });
  });
});

describe('guardYaml depth scan agrees with real nesting', () => {
  const nest = (depth: number, kind: 'map' | 'seq' | 'alternating'): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i += 1) {
      const map = kind === 'map' || (kind === 'alternating' && i % 2 === 1);
      value = map ? { k: value } : [value];
    }
    return value;
  };
  const styles = [
    { name: 'block mappings', kind: 'map', flow: false },
    { name: 'block sequences', kind: 'seq', flow: false },
    { name: 'block sequences under keys at the same indentation', kind: 'alternating', flow: false },
    { name: 'flow mappings', kind: 'map', flow: true },
    { name: 'flow sequences', kind: 'seq', flow: true },
    { name: 'flow mixed', kind: 'alternating', flow: true },
  ] as const;
  it.each(styles)('$name: 60 levels pass, 70 are refused', ({ kind, flow }) => {
    const text = (depth: number) => stringify(nest(depth, kind), { collectionStyle: flow ? 'flow' : 'block', indentSeq: false });
    expect(guardYaml(text(60))).toEqual([]);
    expect(guardYaml(text(70)).map((issue) => issue.code)).toEqual(['TOO_DEEP']);
  });
});
