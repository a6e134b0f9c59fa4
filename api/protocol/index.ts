/**
 * The wire protocol between agent and server. Depends on zod only, so the agent (which must
 * not import the rest of `api/`) can share these types and schemas.
 */
export * from './limits.js';
export * from './inventory.schema.js';
export * from './heartbeat.schema.js';
export * from './metrics-sample.schema.js';
export * from './agent-report.js';
export * from './inventory-fingerprint.js';
export * from './command.schema.js';
