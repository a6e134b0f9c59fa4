/**
 * Label selectors: one syntax for the CLI (`-l`), the API and manifests.
 *
 * ```
 * role=web,env!=prod,os in (linux,windows),tier notin (db),gpu,!legacy
 * ```
 *
 * Requirements are separated by commas and all must hold (AND). The empty
 * selector has no requirements and matches every host. The grammar and semantics
 * are Kubernetes' (apimachinery `pkg/labels`): `!=` and `notin` also match hosts that
 * lack the label; any whitespace (space, tab, CR, LF) may separate tokens; a value set
 * may hold the empty value (`x in (a,)`, `x in ()` is the set of just `""`); `in` and
 * `notin` are operators, never keys; `k>n` / `k<n` compare integer values.
 *
 * | text | operator | matches when |
 * |---|---|---|
 * | `k=v`, `k==v` | `Equals` | label `k` is `v` |
 * | `k!=v` | `NotEquals` | label `k` is absent or not `v` |
 * | `k in (a,b)` | `In` | label `k` is `a` or `b` |
 * | `k notin (a,b)` | `NotIn` | label `k` is absent or neither `a` nor `b` |
 * | `k` | `Exists` | label `k` is present (any value) |
 * | `!k` | `DoesNotExist` | label `k` is absent |
 * | `k>5`, `k<5` | `GreaterThan`, `LessThan` | label `k` is an integer greater / less than 5 |
 */
import { type Labels, labelKeyProblem, labelValueProblem } from './labels.js';
import { SelectorError } from './selector-error.js';

/** Longest selector text accepted, in characters. */
export const MAX_SELECTOR_CHARS = 4096;

export type Requirement =
  | { readonly op: 'Equals'; readonly key: string; readonly value: string }
  | { readonly op: 'NotEquals'; readonly key: string; readonly value: string }
  | { readonly op: 'In'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'NotIn'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'Exists'; readonly key: string }
  | { readonly op: 'DoesNotExist'; readonly key: string }
  | { readonly op: 'GreaterThan'; readonly key: string; readonly value: string }
  | { readonly op: 'LessThan'; readonly key: string; readonly value: string };

/** A parsed selector: every requirement must hold. */
export interface Selector {
  readonly requirements: readonly Requirement[];
}

type TokenKind = 'word' | '=' | '==' | '!=' | '!' | '(' | ')' | ',' | '>' | '<' | 'end';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 1-based column. */
  readonly column: number;
}

const WORD_CHAR = /[A-Za-z0-9._/-]/;
/** Words that are operators wherever a key could stand. */
const OPERATOR_WORDS: ReadonlySet<string> = new Set(['in', 'notin']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const column = i + 1;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i += 1;
    } else if (ch === '=' || ch === '!') {
      const two = text.slice(i, i + 2);
      if (two === '==' || two === '!=') {
        tokens.push({ kind: two, text: two, column });
        i += 2;
      } else {
        tokens.push({ kind: ch, text: ch, column });
        i += 1;
      }
    } else if (ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<') {
      tokens.push({ kind: ch, text: ch, column });
      i += 1;
    } else if (WORD_CHAR.test(ch)) {
      let end = i + 1;
      while (end < text.length && WORD_CHAR.test(text[end] as string)) end += 1;
      tokens.push({ kind: 'word', text: text.slice(i, end), column });
      i = end;
    } else {
      throw new SelectorError('UNEXPECTED_CHARACTER', `unexpected character ${JSON.stringify(ch)}`, column);
    }
  }
  tokens.push({ kind: 'end', text: '', column: text.length + 1 });
  return tokens;
}

class SelectorParser {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  parse(): Selector {
    const requirements: Requirement[] = [];
    if (this.peek().kind === 'end') return { requirements };
    for (;;) {
      requirements.push(this.requirement());
      const token = this.next();
      if (token.kind === 'end') return { requirements };
      if (token.kind !== ',') {
        throw new SelectorError('UNEXPECTED_TOKEN', `expected "," or end of selector, found "${token.text}"`, token.column);
      }
    }
  }

  private key(): string {
    const token = this.next();
    if (token.kind !== 'word') {
      const found = token.kind === 'end' ? 'end of selector' : `"${token.text}"`;
      throw new SelectorError('EXPECTED_KEY', `expected a label key, found ${found}`, token.column);
    }
    if (OPERATOR_WORDS.has(token.text)) {
      throw new SelectorError('EXPECTED_KEY', `expected a label key, found the operator "${token.text}"`, token.column);
    }
    const problem = labelKeyProblem(token.text);
    if (problem) throw new SelectorError('INVALID_KEY', `${problem}: "${token.text}"`, token.column);
    return token.text;
  }

  private value(): string {
    const token = this.peek();
    if (token.kind !== 'word') return '';
    this.next();
    const problem = labelValueProblem(token.text);
    if (problem) throw new SelectorError('INVALID_VALUE', `${problem}: "${token.text}"`, token.column);
    return token.text;
  }

  private valueSet(): string[] {
    const open = this.next();
    if (open.kind !== '(') {
      throw new SelectorError('EXPECTED_OPEN_PAREN', `expected "(" to start a value set, found "${open.text}"`, open.column);
    }
    // As Kubernetes: a missing value between "(", "," and ")" is the empty value, so
    // `(a,)`, `(,a)` and `(a,,b)` hold "" and `()` is the set of just "".
    const values: string[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'word' && token.kind !== ',' && token.kind !== ')') {
        const found = token.kind === 'end' ? 'end of selector' : `"${token.text}"`;
        throw new SelectorError('EXPECTED_CLOSE_PAREN', `expected a value, "," or ")" in the value set, found ${found}`, token.column);
      }
      const value = this.value();
      if (!values.includes(value)) values.push(value);
      const sep = this.next();
      if (sep.kind === ')') return values;
      if (sep.kind !== ',') {
        const found = sep.kind === 'end' ? 'end of selector' : `"${sep.text}"`;
        throw new SelectorError('EXPECTED_CLOSE_PAREN', `expected "," or ")" in the value set, found ${found}`, sep.column);
      }
    }
  }

  private requirement(): Requirement {
    if (this.peek().kind === '!') {
      this.next();
      return { op: 'DoesNotExist', key: this.key() };
    }
    const key = this.key();
    const token = this.peek();
    switch (token.kind) {
      case '=':
      case '==':
        this.next();
        return { op: 'Equals', key, value: this.value() };
      case '!=':
        this.next();
        return { op: 'NotEquals', key, value: this.value() };
      case '>':
      case '<': {
        this.next();
        const at = this.peek();
        const value = this.value();
        if (!/^\d{1,18}$/.test(value)) {
          throw new SelectorError('INVALID_VALUE', `"${token.text}" compares integers: expected a whole number after it`, at.column);
        }
        return { op: token.kind === '>' ? 'GreaterThan' : 'LessThan', key, value };
      }
      case ',':
      case 'end':
        return { op: 'Exists', key };
      case 'word':
        if (token.text === 'in' || token.text === 'notin') {
          this.next();
          const values = this.valueSet();
          return token.text === 'in' ? { op: 'In', key, values } : { op: 'NotIn', key, values };
        }
        break;
      default:
        break;
    }
    throw new SelectorError(
      'UNEXPECTED_TOKEN',
      `expected =, ==, !=, in, notin, >, <, "," or end after "${key}", found "${token.text}"`,
      token.column,
    );
  }
}

/**
 * Parses selector text (see the module comment for the syntax).
 *
 * @throws {SelectorError} with the 1-based column of the first problem.
 */
export function parseSelector(text: string): Selector {
  if (text.length > MAX_SELECTOR_CHARS) {
    throw new SelectorError('TOO_LONG', `selector is longer than ${MAX_SELECTOR_CHARS} characters`, MAX_SELECTOR_CHARS + 1);
  }
  return new SelectorParser(tokenize(text)).parse();
}

function matchesRequirement(req: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  switch (req.op) {
    case 'Equals':
      return has && value === req.value;
    case 'NotEquals':
      return !has || value !== req.value;
    case 'In':
      return has && req.values.includes(value as string);
    case 'NotIn':
      return !has || !req.values.includes(value as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'GreaterThan':
    case 'LessThan': {
      if (!has || !/^\d{1,18}$/.test(value as string)) return false;
      const n = Number(value);
      return req.op === 'GreaterThan' ? n > Number(req.value) : n < Number(req.value);
    }
  }
}

/** True when every requirement of `selector` holds for `labels`. */
export function matchesSelector(selector: Selector, labels: Labels): boolean {
  return selector.requirements.every((req) => matchesRequirement(req, labels));
}

function formatRequirement(req: Requirement): string {
  switch (req.op) {
    case 'Equals':
      return `${req.key}=${req.value}`;
    case 'NotEquals':
      return `${req.key}!=${req.value}`;
    case 'In':
      return `${req.key} in (${req.values.join(',')})`;
    case 'NotIn':
      return `${req.key} notin (${req.values.join(',')})`;
    case 'Exists':
      return req.key;
    case 'DoesNotExist':
      return `!${req.key}`;
    case 'GreaterThan':
      return `${req.key}>${req.value}`;
    case 'LessThan':
      return `${req.key}<${req.value}`;
  }
}

/**
 * Formats a selector in canonical text form; `parseSelector(formatSelector(s))`
 * gives back an equal selector. Requirements keep their order.
 */
export function formatSelector(selector: Selector): string {
  return selector.requirements.map(formatRequirement).join(',');
}

/** A selector requiring each label of `labels` to equal its value (`matchLabels`). */
export function selectorFromLabels(labels: Labels): Selector {
  return {
    requirements: Object.keys(labels)
      .sort()
      .map((key) => ({ op: 'Equals', key, value: labels[key] ?? '' })),
  };
}
