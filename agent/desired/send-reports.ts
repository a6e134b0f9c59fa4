/**
 * Typed senders for the agent's desired-state reports (built on `link/reports.ts`): each value
 * is checked against the same schema the server validates with before it leaves.
 */
import { type ObservedReport, observedReportSchema } from '../../manifests/index.js';
import { type CronRunsReport, type ProcessEventsReport, cronRunsReportSchema, processEventsReportSchema } from '../../protocol/index.js';
import { type ChangeReport, changeReportSchema } from '../../protocol/change-report.schema.js';
import type { LinkSession } from '../link/agent-link.js';
import { sendReport } from '../link/reports.js';

export const sendObservedState = async (session: LinkSession, report: ObservedReport): Promise<void> =>
  void (await sendReport(session, 'mutation($r: String!) { reportObservedState(report: $r) }', observedReportSchema, report));

export const sendProcessEvents = async (session: LinkSession, events: ProcessEventsReport): Promise<void> =>
  void (await sendReport(session, 'mutation($r: String!) { reportProcessEvents(report: $r) }', processEventsReportSchema, events));

export const sendCronRuns = async (session: LinkSession, runs: CronRunsReport): Promise<void> =>
  void (await sendReport(session, 'mutation($r: String!) { reportCronRuns(report: $r) }', cronRunsReportSchema, runs));

export const sendChanges = async (session: LinkSession, changes: ChangeReport): Promise<void> =>
  void (await sendReport(session, 'mutation($r: String!) { reportAppliedChanges(report: $r) }', changeReportSchema, changes));
