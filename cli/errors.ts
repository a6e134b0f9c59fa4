/**
 * The CLI's one-line error. Declared in `agent/` because the agent's own commands (which ship
 * in the agent bundle, without `cli/`) throw it too; the CLI and the agent print it the same way.
 */
export { CliError } from '../agent/cli-error.js';

/**
 * Exit statuses of every `ioms` command (docs/cli.md). `diff` and `rollout status` add theirs
 * (docs/rollout.md); nothing else exits with another number.
 */
export const EXIT_OK = 0;
/** The command failed: a server error, a host that did not succeed, a check that found a problem. */
export const EXIT_FAILURE = 1;
/** Bad usage: unknown command or option, a missing or malformed argument. Nothing was sent. */
export const EXIT_USAGE = 2;
/** Stopped by Ctrl-C while waiting (the server goes on). */
export const EXIT_INTERRUPTED = 130;
