import { CST, Lexer } from 'yaml';

/** What a run of YAML text is, for colouring: a closed set of class suffixes (`yaml-key`, …). */
export type YamlTokenKind = 'key' | 'string' | 'number' | 'bool' | 'null' | 'comment' | 'punct' | 'anchor' | 'tag' | 'doc' | 'block' | 'directive' | 'text';

export interface YamlToken {
  readonly kind: YamlTokenKind;
  readonly text: string;
}

const NUMBER = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)$/;
const BOOL = /^(true|false|True|False|TRUE|FALSE)$/;
const NULL = /^(null|Null|NULL|~)$/;

function scalarKind(text: string): YamlTokenKind {
  if (NUMBER.test(text)) return 'number';
  if (BOOL.test(text)) return 'bool';
  if (NULL.test(text)) return 'null';
  return 'string';
}

/**
 * YAML text → lines of coloured tokens, using the project's YAML library's own lexer (the same
 * one that parses manifests), so what is coloured as a key is what the parser reads as a key.
 * Nothing is evaluated: the tokens are substrings of the input, to be rendered as React text.
 * Joining every token's text of every line with `\n` gives the input back.
 */
export function yamlLines(source: string): YamlToken[][] {
  const raw: { type: string; text: string }[] = [];
  let scalarNext = false;
  for (const lexeme of new Lexer().lex(source.replace(/\r\n?/g, '\n'))) {
    // Control lexemes carry no source text; SCALAR announces that the next lexeme is a plain or block scalar.
    if (lexeme === CST.SCALAR) {
      scalarNext = true;
      continue;
    }
    if (lexeme === CST.DOCUMENT || lexeme === CST.FLOW_END || lexeme === CST.BOM) continue;
    raw.push({ type: scalarNext ? 'scalar' : (CST.tokenType(lexeme) ?? 'text'), text: lexeme });
    scalarNext = false;
  }
  const tokens: YamlToken[] = raw.map((t, i) => ({ kind: kindOf(raw, i), text: t.text }));
  const lines: YamlToken[][] = [[]];
  for (const t of tokens) {
    const parts = t.text.split('\n');
    parts.forEach((part, j) => {
      if (j > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ kind: t.kind, text: part });
    });
  }
  return lines;
}

function kindOf(raw: readonly { type: string; text: string }[], i: number): YamlTokenKind {
  const t = raw[i]!;
  switch (t.type) {
    case 'comment':
      return 'comment';
    case 'doc-start':
    case 'doc-end':
      return 'doc';
    case 'directive-line':
      return 'directive';
    case 'anchor':
    case 'alias':
      return 'anchor';
    case 'tag':
      return 'tag';
    case 'block-scalar-header':
      return 'punct';
    case 'seq-item-ind':
    case 'explicit-key-ind':
    case 'map-value-ind':
    case 'flow-map-start':
    case 'flow-map-end':
    case 'flow-seq-start':
    case 'flow-seq-end':
    case 'comma':
      return 'punct';
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar': {
      // A scalar followed (past spaces) by `:` is a mapping key.
      let j = i + 1;
      while (j < raw.length && raw[j]!.type === 'space') j++;
      if (raw[j]?.type === 'map-value-ind') return 'key';
      if (t.type !== 'scalar') return 'string';
      // A block scalar's body is a plain `scalar` lexeme after its header and newline.
      if (raw[i - 1]?.type === 'newline' && raw[i - 2]?.type === 'block-scalar-header') return 'block';
      return scalarKind(t.text);
    }
    default:
      return 'text';
  }
}
