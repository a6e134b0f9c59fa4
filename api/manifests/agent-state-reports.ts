/** The agent's desired-state reports: one schema each, shared with the agent (manifests/, protocol/). */
export { MAX_STATE_REPORT_BYTES, observedReportSchema } from '../../manifests/index.js';
export { cronRunsReportSchema, processEventsReportSchema } from '../../protocol/index.js';
