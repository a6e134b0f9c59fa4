import { CommanderError } from 'commander';
import { writeErr, writeOut } from './output.js';
import { buildProgram } from './program.js';
import { CliError, EXIT_USAGE } from './errors.js';

const program = buildProgram();

// `ioms --version` is handled here rather than by commander, whose version flag would be taken
// wherever it appears (e.g. `ioms artifact push f --version 1.2`).
const first = process.argv[2];
if (first === '--version' || first === '-V') {
  writeOut('0.1.0\n');
  process.exit(0);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Commander's own errors (unknown command or option, missing argument, bad value) are usage errors.
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE);
  const message = err instanceof Error ? err.message : String(err);
  writeErr(`ioms: ${message}\n`);
  if (process.env.IOMS_DEBUG && err instanceof Error && !(err instanceof CliError)) writeErr(`${err.stack}\n`);
  process.exit(err instanceof CliError ? err.exitCode : 1);
}
