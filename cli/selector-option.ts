/** `-l SELECTOR` checked on the command line, before anything is sent: a bad one is a usage error. */
import { SelectorError, parseSelector } from '../manifests/index.js';
import { CliError } from './errors.js';

/**
 * Returns `text` unchanged when it parses as a selector.
 * @throws CliError exit 2 naming the selector, the problem and its column
 */
export function checkedSelector(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    parseSelector(text);
    return text;
  } catch (err) {
    if (!(err instanceof SelectorError)) throw err;
    throw new CliError(`invalid selector ${JSON.stringify(text)}: ${err.message}`, 2);
  }
}
