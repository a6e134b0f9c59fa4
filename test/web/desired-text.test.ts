import { describe, expect, it } from 'vitest';
import { diffRows } from '../../web/src/ui/desired/diff-rows.js';
import { yamlLines, type YamlTokenKind } from '../../web/src/ui/desired/yaml-tokens.js';

const kinds = (line: ReturnType<typeof yamlLines>[number]) => line.filter((t) => t.kind !== 'text').map((t): [YamlTokenKind, string] => [t.kind, t.text]);

describe('YAML tokens for the highlighted view', () => {
  it.each([
    { name: 'a key and a plain string', yaml: 'kind: Profile', want: [['key', 'kind'], ['punct', ':'], ['string', 'Profile']] },
    { name: 'numbers, booleans and null', yaml: 'a: [1, true, ~]', want: [['key', 'a'], ['punct', ':'], ['punct', '['], ['number', '1'], ['punct', ','], ['bool', 'true'], ['punct', ','], ['null', '~'], ['punct', ']']] },
    { name: 'a quoted key in a flow map', yaml: '{ "k": \'v\' }', want: [['punct', '{'], ['key', '"k"'], ['punct', ':'], ['string', "'v'"], ['punct', '}']] },
    { name: 'a comment with markup in it', yaml: '# <img src=x onerror=alert(1)>', want: [['comment', '# <img src=x onerror=alert(1)>']] },
    { name: 'a document marker', yaml: '---', want: [['doc', '---']] },
    { name: 'a sequence item', yaml: '- name: x', want: [['punct', '-'], ['key', 'name'], ['punct', ':'], ['string', 'x']] },
  ])('$name', ({ yaml, want }) => {
    expect(kinds(yamlLines(yaml)[0]!)).toEqual(want);
  });

  it.each([
    'apiVersion: ioms/v1\nkind: Profile\nspec:\n  s: |\n    a\n    b\n  - x\n---\nk: ~\n',
    'a: "unterminated\nb: [1, 2\n',
    'x:\r\n  - \u0000 \u202e odd\r\n',
    '',
  ])('gives the text back line by line (%j)', (yaml) => {
    expect(yamlLines(yaml).map((l) => l.map((t) => t.text).join('')).join('\n')).toBe(yaml.replace(/\r\n?/g, '\n'));
  });

  it('colours a block scalar body as one block', () => {
    const lines = yamlLines('s: |\n  one\n  two\n');
    expect(kinds(lines[1]!)).toEqual([['block', '  one']]);
    expect(kinds(lines[2]!)).toEqual([['block', '  two']]);
  });
});

describe('the line diff of two revisions', () => {
  const text = (n: number, changed?: number) => Array.from({ length: n }, (_, i) => (i === changed ? `changed ${i}` : `line ${i}`)).join('\n') + '\n';
  it('numbers old and new lines and counts changes', () => {
    const d = diffRows('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(d).toMatchObject({ added: 2, removed: 1 });
    expect(d.rows).toEqual([
      { kind: 'same', oldNo: 1, newNo: 1, text: 'a' },
      { kind: 'del', oldNo: 2, newNo: null, text: 'b' },
      { kind: 'add', oldNo: null, newNo: 2, text: 'B' },
      { kind: 'same', oldNo: 3, newNo: 3, text: 'c' },
      { kind: 'add', oldNo: null, newNo: 4, text: 'd' },
    ]);
  });
  it('folds long unchanged runs, keeping the context around a change', () => {
    const d = diffRows(text(30), text(30, 15), 3);
    expect(d.rows.map((r) => (r.kind === 'fold' ? `fold ${r.count}` : r.kind))).toEqual(['fold 12', 'same', 'same', 'same', 'del', 'add', 'same', 'same', 'same', 'fold 11']);
  });
  it('has no rows of change for equal texts', () => {
    expect(diffRows(text(5), text(5))).toMatchObject({ added: 0, removed: 0 });
  });
});
