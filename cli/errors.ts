/**
 * The CLI's one-line error. Declared in `agent/` because the agent's own commands (which ship
 * in the agent bundle, without `cli/`) throw it too; the CLI and the agent print it the same way.
 */
export { CliError } from '../agent/cli-error.js';
