/**
 * `-l SELECTOR` checked before anything is sent: a selector that does not parse is a usage
 * error (exit 2) with the parser's message and column, the same words the server would use.
 */
import { InvalidArgumentError } from 'commander';
import { parseSelector, SelectorError } from '../manifests/index.js';

/** The selector's problem in words, or undefined when it parses ('' = every host). */
export function selectorProblem(text: string): string | undefined {
  try {
    parseSelector(text);
    return undefined;
  } catch (err) {
    if (err instanceof SelectorError) return `bad label selector "${text}": ${err.message}`;
    throw err;
  }
}

/** A commander argument parser for `-l, --selector`. */
export function selectorArg(text: string): string {
  const problem = selectorProblem(text);
  if (problem) throw new InvalidArgumentError(problem);
  return text;
}
