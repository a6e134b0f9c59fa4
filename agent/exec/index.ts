/**
 * Public surface of the agent's command runner. The link uses `createExecutor` over a
 * `ResultSpool`; the rest is exported for tests, tools and docs.
 */
export {
  commandRequestSchema,
  parseCommandRequest,
  INTERPRETERS,
  DEFAULT_MAX_OUTPUT_BYTES,
  MAX_OUTPUT_BYTES_LIMIT,
  MAX_TIMEOUT_MS,
  MAX_COMMAND_LENGTH,
  COMMAND_ID_PATTERN,
  type CommandRequest,
  type InterpreterName,
} from './command-request.schema.js';
export { commandResultSchema, COMMAND_STATUSES, NO_EXIT_CODE, type CommandResult, type CommandStatus } from './command-result.schema.js';
export { ExecError, type ExecErrorCode } from './exec-error.js';
export { createExecutor, INTERRUPTED_ERROR, type Executor, type ExecutorOptions, type ExecutorSpool, type RunFn } from './executor.js';
export { defaultInterpreter, resolveInterpreter, type InterpreterInvocation } from './interpreter.js';
export { createKillTree, type KillTree } from './kill-tree.js';
export { createLimiter, DEFAULT_COMMAND_CONCURRENCY, type Limiter } from './limiter.js';
export { ResultSpool, DEFAULT_RESULT_RETENTION_MS, type SpoolEntry, type ResultSpoolOptions } from './result-spool.js';
export { runCommand, DEFAULT_DRAIN_MS, type CommandStarted, type RunCommandOptions } from './run-command.js';
