/**
 * `-l SELECTOR` checked before anything is sent: a selector that does not parse is a usage
 * error (exit 2) naming the selector, the parser's problem and its column — the same words the
 * server would use. Every command's `-l` goes through `selectorArg`.
 */
import { parseSelector, SelectorError } from '../manifests/index.js';
import { CliError, EXIT_USAGE } from './errors.js';

/** The selector's problem in words, or undefined when it parses ('' = every host). */
export function selectorProblem(text: string): string | undefined {
  try {
    parseSelector(text);
    return undefined;
  } catch (err) {
    if (err instanceof SelectorError) return `invalid selector ${JSON.stringify(text)}: ${err.message}`;
    throw err;
  }
}

/**
 * A commander argument parser for `-l, --selector`.
 * @throws CliError with the usage exit code when the selector does not parse
 */
export function selectorArg(text: string): string {
  const problem = selectorProblem(text);
  if (problem) throw new CliError(problem, EXIT_USAGE);
  return text;
}
