/**
 * The wire protocol between agent and server. Depends on zod and Node built-ins only, so the
 * agent (which ships alone and imports nothing outside `agent/`, `protocol/` and `manifests/`)
 * and the server share one definition of every message.
 */
export * from './limits.js';
export * from './error-codes.js';
export * from './inventory.schema.js';
export * from './heartbeat.schema.js';
export * from './metrics-sample.schema.js';
export * from './agent-report.js';
export * from './inventory-fingerprint.js';
export * from './command.schema.js';
export * from './canonical-json.js';
export * from './instruction.schema.js';
export * from './desired-reports.schema.js';
export * from './process-logs.schema.js';
export * from './artifact-upload.schema.js';
