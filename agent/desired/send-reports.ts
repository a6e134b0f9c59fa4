/**
 * Typed senders for the agent's desired-state reports: each value is checked against the same
 * schema the server validates with before it leaves, so a bug shows here, in the agent's log,
 * instead of as a refused report.
 */
import type { z } from 'zod';
import { type ObservedReport, observedReportSchema } from '../../manifests/index.js';
import { type CronRunsReport, type ProcessEventsReport, cronRunsReportSchema, processEventsReportSchema } from '../../protocol/index.js';
import { type ChangeReport, changeReportSchema } from '../../protocol/change-report.schema.js';
import type { LinkSession } from '../link/agent-link.js';

async function send<S extends z.ZodType>(session: LinkSession, mutation: string, schema: S, value: z.input<S>): Promise<void> {
  const checked = schema.safeParse(value);
  if (!checked.success) throw new Error(`refusing to send an invalid report: ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`);
  await session.request(mutation, { r: JSON.stringify(checked.data) });
}

export const sendObservedState = (session: LinkSession, report: ObservedReport) =>
  send(session, 'mutation($r: String!) { reportObservedState(report: $r) }', observedReportSchema, report);

export const sendProcessEvents = (session: LinkSession, events: ProcessEventsReport) =>
  send(session, 'mutation($r: String!) { reportProcessEvents(report: $r) }', processEventsReportSchema, events);

export const sendCronRuns = (session: LinkSession, runs: CronRunsReport) =>
  send(session, 'mutation($r: String!) { reportCronRuns(report: $r) }', cronRunsReportSchema, runs);

export const sendChanges = (session: LinkSession, changes: ChangeReport) =>
  send(session, 'mutation($r: String!) { reportAppliedChanges(report: $r) }', changeReportSchema, changes);
