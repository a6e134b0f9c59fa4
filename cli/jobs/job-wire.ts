/**
 * The jobs API as the CLI sees it over GraphQL. Derived, not restated: every shape is picked
 * from the types GraphQL Code Generator writes from `api/schema.graphql` (`npm run codegen`,
 * web/src/gql/graphql.ts, imported for its types only), by the same field lists the queries
 * select, and the status tuples the CLI needs at run time must equal the schema's enums (the
 * compile fails otherwise). Dates are ISO strings, ids strings.
 */
import type * as Gql from '../../web/src/gql/graphql.js';

/** Compiles only when A and B are the same union. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** A GraphQL object type as JSON brings it: no `__typename`, nullable fields present as null. */
type Wire<T> = { [K in keyof T as K extends '__typename' ? never : K]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };

export const JOB_STATUSES = ['RUNNING', 'PAUSED', 'STOPPED', 'CANCELLED', 'COMPLETED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
const jobStatusesMatchSchema: Same<JobStatus, Gql.JobStatus> = true;

/** After one of these nothing more is dispatched (targets already in flight may still finish). */
export const FINAL_JOB_STATUSES: readonly JobStatus[] = ['COMPLETED', 'STOPPED', 'CANCELLED'];

export const TARGET_STATUSES = ['QUEUED', 'SENT', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'UNREACHABLE', 'CANCELLED'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
const targetStatusesMatchSchema: Same<TargetStatus, Gql.TargetStatus> = true;
export const FINAL_TARGET_STATUSES: readonly TargetStatus[] = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'UNREACHABLE', 'CANCELLED'];
/** Handed to an agent and not finished yet. */
export const IN_FLIGHT_TARGET_STATUSES: readonly TargetStatus[] = ['SENT', 'RUNNING'];
void [jobStatusesMatchSchema, targetStatusesMatchSchema];

const COUNT_KEYS = ['total', 'queued', 'sent', 'running', 'succeeded', 'failed', 'timedOut', 'unreachable', 'cancelled', 'done'] as const satisfies readonly (keyof Gql.JobCounts)[];
const JOB_KEYS = ['id', 'kind', 'command', 'status', 'selector', 'hosts', 'batchSize', 'maxFailures', 'timeoutSeconds', 'queueForSeconds', 'createdBy', 'createdAt', 'finishedAt', 'lastSeq'] as const satisfies readonly (keyof Gql.Job)[];
const TARGET_KEYS = ['host', 'status', 'exitCode', 'signal', 'stdout', 'stderr', 'stdoutTruncated', 'stderrTruncated', 'startedAt', 'finishedAt', 'durationMs', 'error'] as const satisfies readonly (keyof Gql.JobTarget)[];
const EVENT_KEYS = ['seq', 'at', 'type', 'host', 'status', 'data', 'jobId'] as const satisfies readonly (keyof Gql.JobEvent)[];

/** `done`: targets in a final state. */
export type JobCounts = Pick<Wire<Gql.JobCounts>, (typeof COUNT_KEYS)[number]>;
export type JobTargetWire = Pick<Wire<Gql.JobTarget>, (typeof TARGET_KEYS)[number]>;
export type JobWire = Pick<Wire<Gql.Job>, (typeof JOB_KEYS)[number]> & { counts: JobCounts };
/** `type`: TARGET (a host changed status) or JOB (the job did); `data` is JSON, shaped per type by the server. */
export type JobEventWire = Omit<Pick<Wire<Gql.JobEvent>, (typeof EVENT_KEYS)[number]>, 'data'> & { data: Record<string, unknown> | null };

export interface JobPage {
  nodes: JobWire[];
  pageInfo: Pick<Wire<Gql.PageInfo>, 'endCursor' | 'hasNextPage'>;
}

export const JOB_FIELDS = `${JOB_KEYS.join(' ')} counts { ${COUNT_KEYS.join(' ')} }`;
export const TARGET_FIELDS = TARGET_KEYS.join(' ');
export const EVENT_FIELDS = EVENT_KEYS.join(' ');

/** The submitted job with each target's status, to seed the progress before following events. */
export const RUN_COMMAND = `mutation($input: RunCommandInput!) { runCommand(input: $input) { ${JOB_FIELDS} targets { host status } } }`;
export const JOB_WITH_TARGETS = `query($id: ID!) { job(id: $id) { ${JOB_FIELDS} targets { ${TARGET_FIELDS} } } }`;
export const JOB_ONLY = `query($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`;
export const JOBS_PAGE = `query($status: JobStatus, $first: Int, $after: String) { jobs(status: $status, first: $first, after: $after) { nodes { ${JOB_FIELDS} } pageInfo { endCursor hasNextPage } } }`;
export const JOB_PROGRESSED = `subscription($jobId: ID!, $afterSeq: Int) { jobProgressed(jobId: $jobId, afterSeq: $afterSeq) { ${EVENT_FIELDS} } }`;

/** The mutation behind `ioms job cancel|pause|resume`. */
export const JOB_CONTROL = {
  cancel: `mutation($id: ID!) { cancelJob(id: $id) { ${JOB_FIELDS} } }`,
  pause: `mutation($id: ID!) { pauseJob(id: $id) { ${JOB_FIELDS} } }`,
  resume: `mutation($id: ID!) { resumeJob(id: $id) { ${JOB_FIELDS} } }`,
} as const;
export type JobControl = keyof typeof JOB_CONTROL;
