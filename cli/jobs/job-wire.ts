/**
 * The jobs API as the CLI sees it over GraphQL (`api/jobs/job.type.ts` is the contract).
 * Plain wire shapes: dates are ISO strings, ids are strings.
 */

export const JOB_STATUSES = ['RUNNING', 'PAUSED', 'STOPPED', 'CANCELLED', 'COMPLETED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** After one of these nothing more is dispatched (targets already in flight may still finish). */
export const FINAL_JOB_STATUSES: readonly JobStatus[] = ['COMPLETED', 'STOPPED', 'CANCELLED'];

export const TARGET_STATUSES = ['QUEUED', 'SENT', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'UNREACHABLE', 'CANCELLED'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const FINAL_TARGET_STATUSES: readonly TargetStatus[] = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'UNREACHABLE', 'CANCELLED'];
/** Handed to an agent and not finished yet. */
export const IN_FLIGHT_TARGET_STATUSES: readonly TargetStatus[] = ['SENT', 'RUNNING'];

export interface JobCounts {
  total: number;
  queued: number;
  sent: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  unreachable: number;
  cancelled: number;
  /** Targets in a final state. */
  done: number;
}

export interface JobTargetWire {
  host: string;
  status: TargetStatus;
  exitCode: number | null;
  signal: string | null;
  stdout: string | null;
  stderr: string | null;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
}

export interface JobWire {
  id: string;
  kind: string;
  command: string;
  status: JobStatus;
  selector: string | null;
  hosts: string[];
  batchSize: number;
  maxFailures: number | null;
  timeoutSeconds: number;
  queueForSeconds: number;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  lastSeq: number;
  counts: JobCounts;
}

export interface JobEventWire {
  seq: number;
  at: string;
  /** TARGET (a host changed status) or JOB (the job did). */
  type: string;
  host: string | null;
  status: string;
  data: Record<string, unknown> | null;
  jobId: string;
}

export interface JobPage {
  nodes: JobWire[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

const COUNT_FIELDS = 'total queued sent running succeeded failed timedOut unreachable cancelled done';
export const JOB_FIELDS = `id kind command status selector hosts batchSize maxFailures timeoutSeconds queueForSeconds createdBy createdAt finishedAt lastSeq counts { ${COUNT_FIELDS} }`;
export const TARGET_FIELDS = 'host status exitCode signal stdout stderr stdoutTruncated stderrTruncated startedAt finishedAt durationMs error';
export const EVENT_FIELDS = 'seq at type host status data jobId';

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
