import readline from 'node:readline';
import { CliError } from './errors.js';
import { writeErr } from './output.js';

/**
 * Reads a secret: hidden typing on a terminal, one line from stdin when piped
 * (`echo "$PW" | ioms login`). `instead` names what replaces the prompt where none can be shown
 * (a flag or a variable, e.g. "set IOMS_PASSWORD"): the error says it.
 */
export async function promptSecret(question: string, instead: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const line = await readOneLine(input);
    if (line === undefined) throw new CliError(`${question.replace(/:\s*$/, '')} required and there is no terminal to ask on: ${instead}, or pipe it on stdin`, 2);
    return line;
  }
  const rl = readline.createInterface({ input, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let asked = false;
  output._writeToOutput = (s: string) => {
    if (!asked) {
      writeErr(s);
      asked = true;
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    writeErr('\n');
  }
}

function readOneLine(input: NodeJS.ReadStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) resolve(undefined);
    });
  });
}
