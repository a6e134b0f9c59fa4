/**
 * Typed senders for the agent → server reports: each value is checked against the protocol/
 * schema the server validates it with before it leaves, so the agent cannot send an
 * unvalidated report and a bug shows here, in the agent's log, instead of as a refused report.
 * The wire is the server's GraphQL mutations (one per report kind, the report as JSON text).
 *
 * To add a report: a schema in protocol/, a mutation on the server, one sender here.
 */
import type { z } from 'zod';
import {
  commandResultReportSchema,
  commandStartedReportSchema,
  heartbeatSchema,
  inventorySchema,
  metricsSampleSchema,
  processLogsChunkSchema,
  type CommandStartedReport,
  type Heartbeat,
  type Inventory,
  type MetricsSample,
  type ProcessLogsChunk,
} from '../../protocol/index.js';
import type { LinkSession } from './agent-link.js';

/** The report failed its own schema on the agent: nothing was sent. */
export class InvalidReportError extends Error {
  override readonly name = 'InvalidReportError';
}

/** `value` checked against `schema` (unknown fields dropped); throws {@link InvalidReportError}, never quoting the value. */
export function checkReport<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  const checked = schema.safeParse(value);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  throw new InvalidReportError(`refusing to send an invalid report: ${issue?.path.join('.')}: ${issue?.message}`);
}

/** Sends `value` as the JSON text argument `r` of `mutation` once it passes `schema`; resolves the mutation's field. */
export async function sendReport<S extends z.ZodType, T = unknown>(session: LinkSession, mutation: string, schema: S, value: z.input<S>): Promise<T> {
  const data = await session.request<Record<string, T>>(mutation, { r: JSON.stringify(checkReport(schema, value)) });
  return Object.values(data ?? {})[0] as T;
}

/** True when the server stored it as a change. */
export const sendInventory = (session: LinkSession, inventory: Inventory): Promise<boolean> =>
  sendReport(session, 'mutation($r: String!) { reportInventory(report: $r) }', inventorySchema, inventory);

export const sendHeartbeat = (session: LinkSession, beat: Heartbeat): Promise<unknown> =>
  sendReport(session, 'mutation($r: String!) { reportHeartbeat(report: $r) }', heartbeatSchema, beat);

export const sendMetrics = (session: LinkSession, sample: MetricsSample): Promise<unknown> =>
  sendReport(session, 'mutation($r: String!) { reportMetrics(report: $r) }', metricsSampleSchema, sample);

export const sendProcessLogs = (session: LinkSession, chunk: ProcessLogsChunk): Promise<unknown> =>
  sendReport(session, 'mutation($r: String!) { reportProcessLogs(report: $r) }', processLogsChunkSchema, chunk);

/** The one report whose wire is plain arguments (`id`, `attempt`), checked all the same. */
export async function sendCommandStarted(session: LinkSession, started: CommandStartedReport): Promise<void> {
  const { id, attempt } = checkReport(commandStartedReportSchema, started);
  await session.request(attempt ? 'mutation($id: String!, $attempt: Int) { reportCommandStarted(id: $id, attempt: $attempt) }' : 'mutation($id: String!) { reportCommandStarted(id: $id) }', attempt ? { id, attempt } : { id });
}

/** True once the server stored it (or had stored it before): the agent may then forget it. */
export const sendCommandResult = (session: LinkSession, result: z.input<typeof commandResultReportSchema>): Promise<boolean> =>
  sendReport(session, 'mutation($r: String!) { reportCommandResult(report: $r) }', commandResultReportSchema, result);
