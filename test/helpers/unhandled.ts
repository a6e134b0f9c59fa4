import path from 'node:path';

/** Preload for server and agent processes: an unhandled rejection prints {@link UNHANDLED} and exits 70. */
export const FAIL_ON_UNHANDLED = path.join(import.meta.dirname, 'fail-on-unhandled.cjs');

/** Node arguments (for `spawnServer`) and environment (for `spawnAgent`) that load it. */
export const FAIL_ON_UNHANDLED_ARGS: readonly string[] = ['--require', FAIL_ON_UNHANDLED];
export const FAIL_ON_UNHANDLED_ENV: Readonly<Record<string, string>> = { NODE_OPTIONS: `--require ${FAIL_ON_UNHANDLED}` };

/** What the preload prints; a test fails when a process's output matches. */
export const UNHANDLED = /IOMS-TEST-UNHANDLED-REJECTION|IOMS-TEST-UNCAUGHT-EXCEPTION/;
