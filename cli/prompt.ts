import readline from 'node:readline';
import { CliError } from './errors.js';

/**
 * Reads a secret: hidden typing on a terminal, one line from stdin when piped
 * (`echo "$PW" | ioms login`).
 */
export async function promptSecret(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const line = await readOneLine(input);
    if (line === undefined) throw new CliError(`${question.replace(/:\s*$/, '')} required: no terminal to ask on and nothing on stdin`);
    return line;
  }
  const rl = readline.createInterface({ input, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let asked = false;
  output._writeToOutput = (s: string) => {
    if (!asked) {
      process.stderr.write(s);
      asked = true;
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
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
