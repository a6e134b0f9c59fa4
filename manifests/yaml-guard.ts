/**
 * The scan that runs before any YAML is parsed. The `yaml` package composes
 * documents recursively, and deeply nested input (`[[[[…` or `{a: {a: …`
 * 100k deep) makes it stall for seconds or exhaust the stack; anchors and
 * aliases allow expansion bombs; directives and tags change how text is read.
 * None of these are needed in a manifest, so they are refused here, with the
 * offset of the offending token.
 *
 * The scan runs the `yaml` lexer (an iterative state machine, linear time) so
 * that quoted strings, comments and block scalars are recognized exactly as the
 * parser will see them, and stops at the first nesting violation.
 *
 * Depth = open flow collections (`[`, `{`, exact) + block nesting (an indentation
 * stack in which every `- `, `? `, `: ` indicator and the first node on a line
 * opens a level, and a sequence written at its parent key's indentation opens
 * one more). Block depth is an estimate that errs on the high side.
 */
import { CST, Lexer } from 'yaml';

/** Deepest nesting accepted. Real manifests stay below 10. */
export const DEFAULT_MAX_DEPTH = 64;

export type GuardIssueCode = 'TOO_DEEP' | 'DIRECTIVE' | 'ANCHOR' | 'ALIAS' | 'TAG';

export interface GuardIssue {
  readonly code: GuardIssueCode;
  /** Character offset of the token. */
  readonly offset: number;
  readonly message: string;
}

/** Zero-width markers the lexer emits that are not part of the source text. */
const MARKERS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

const MESSAGES: Readonly<Record<Exclude<GuardIssueCode, 'TOO_DEEP'>, string>> = {
  DIRECTIVE: 'YAML directives (%YAML, %TAG) are not allowed',
  ANCHOR: 'anchors (&name) are not allowed: write the value out',
  ALIAS: 'aliases (*name) are not allowed; quote values that start with * (schedule: "* * * * *")',
  TAG: 'tags (!name, !!type) are not allowed; quote the value instead',
};

const ISSUE_BY_TOKEN: Readonly<Record<string, Exclude<GuardIssueCode, 'TOO_DEEP'>>> = {
  'directive-line': 'DIRECTIVE',
  anchor: 'ANCHOR',
  alias: 'ALIAS',
  tag: 'TAG',
};

/**
 * Scans `text` and returns every directive, anchor, alias and tag, and the first
 * place nesting exceeds `maxDepth` (after which scanning stops).
 */
export function guardYaml(text: string, maxDepth: number = DEFAULT_MAX_DEPTH): GuardIssue[] {
  const issues: GuardIssue[] = [];
  const blockStack: number[] = [];
  let offset = 0;
  let lineStart = 0;
  let flowDepth = 0;
  let inLinePrefix = true;
  let rawScalarNext = false;
  /** A `key:` whose value has not started yet: a `- ` at the key's column nests under it. */
  let afterMapValue = false;

  const openBlockLevel = (column: number, nestsUnderKey = false): boolean => {
    const top = (): number => blockStack[blockStack.length - 1] as number;
    while (blockStack.length > 0 && (top() > column || (top() === column && !nestsUnderKey))) blockStack.pop();
    blockStack.push(column);
    return blockStack.length + flowDepth > maxDepth;
  };
  const tooDeep = (at: number): GuardIssue[] => {
    issues.push({ code: 'TOO_DEEP', offset: at, message: `nesting is deeper than ${maxDepth} levels` });
    return issues;
  };

  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) {
      if (token === CST.SCALAR) {
        rawScalarNext = true;
        afterMapValue = false;
        if (inLinePrefix && flowDepth === 0) {
          inLinePrefix = false;
          if (openBlockLevel(offset - lineStart)) return tooDeep(offset);
        }
      }
      continue;
    }
    const start = offset;
    offset += token.length;
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) lineStart = start + newline + 1;
    if (rawScalarNext) {
      // Plain or block scalar text: never a token of its own kind.
      rawScalarNext = false;
      if (newline === token.length - 1) inLinePrefix = true;
      continue;
    }
    const type = CST.tokenType(token);
    switch (type) {
      case 'newline':
        if (flowDepth === 0) inLinePrefix = true;
        break;
      case 'space':
      case 'comment':
      case 'byte-order-mark':
        break;
      case 'doc-start':
      case 'doc-end':
        blockStack.length = 0;
        flowDepth = 0;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind': {
        const nests = type === 'seq-item-ind' && afterMapValue;
        afterMapValue = type === 'map-value-ind';
        if (inLinePrefix && flowDepth === 0 && openBlockLevel(start - lineStart, nests)) return tooDeep(start);
        break;
      }
      case 'flow-map-start':
      case 'flow-seq-start':
        afterMapValue = false;
        if (inLinePrefix && flowDepth === 0 && openBlockLevel(start - lineStart)) return tooDeep(start);
        inLinePrefix = false;
        flowDepth += 1;
        if (blockStack.length + flowDepth > maxDepth) return tooDeep(start);
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flowDepth = Math.max(0, flowDepth - 1);
        break;
      default: {
        afterMapValue = false;
        const code = type == null ? undefined : ISSUE_BY_TOKEN[type];
        if (code !== undefined) issues.push({ code, offset: start, message: MESSAGES[code] });
        if (inLinePrefix && flowDepth === 0) {
          inLinePrefix = false;
          if (openBlockLevel(start - lineStart)) return tooDeep(start);
        }
      }
    }
  }
  return issues;
}
