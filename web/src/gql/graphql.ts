/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant as an ISO-8601 string in UTC, e.g. 2026-11-26T12:00:00.000Z */
  DateTime: { input: string; output: string; }
  /** Any JSON value */
  JSON: { input: unknown; output: unknown; }
};

export type AgentEnrollment = {
  __typename?: 'AgentEnrollment';
  hostId: Scalars['Int']['output'];
  hostName: Scalars['String']['output'];
  /** The host’s own credential: store it 0600; the server keeps only its hash */
  secret: Scalars['String']['output'];
};

export type AgentInstruction = {
  __typename?: 'AgentInstruction';
  id: Scalars['ID']['output'];
  /** What to do, e.g. COLLECT_INVENTORY */
  kind: Scalars['String']['output'];
  payload?: Maybe<Scalars['JSON']['output']>;
};

export type ApplyManifestsInput = {
  /** Validate and plan only; store nothing */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  files: Array<ManifestFileInput>;
  message?: InputMaybe<Scalars['String']['input']>;
  /** Documents of the current revision missing from these files are removed (default: kept) */
  prune?: InputMaybe<Scalars['Boolean']['input']>;
  source?: InputMaybe<ManifestSourceInput>;
};

export type ApplyResult = {
  __typename?: 'ApplyResult';
  /** A new revision was stored */
  applied: Scalars['Boolean']['output'];
  /** Every error in every file (and conflicts); when any, nothing was stored */
  errors: Array<ManifestError>;
  /** Hosts whose desired state changes, with their plan */
  hosts: Array<HostPlan>;
  revision?: Maybe<ManifestRevision>;
  /** The documents equal the current revision: nothing to store */
  unchanged: Scalars['Boolean']['output'];
};

/** A whitelisted file name and its versions */
export type Artifact = {
  __typename?: 'Artifact';
  name: Scalars['String']['output'];
  /** Newest first */
  versions: Array<ArtifactVersion>;
};

export type ArtifactConnection = {
  __typename?: 'ArtifactConnection';
  nodes: Array<Artifact>;
  pageInfo: PageInfo;
};

export type ArtifactVerifyReport = {
  __typename?: 'ArtifactVerifyReport';
  /** name@version of every version whose blob is missing or corrupt */
  affected: Array<Scalars['String']['output']>;
  /** Distinct registered blobs re-hashed */
  checked: Scalars['Int']['output'];
  corrupt: Array<CorruptArtifactBlob>;
  /** Registered SHA-256s with no blob in the store */
  missing: Array<Scalars['String']['output']>;
  ok: Scalars['Int']['output'];
  /** Blobs in the store that no version registers */
  orphans: Array<Scalars['String']['output']>;
};

/** One immutable name@version and the blob it names */
export type ArtifactVersion = {
  __typename?: 'ArtifactVersion';
  createdAt: Scalars['DateTime']['output'];
  /** Lowercase hex MD5 (the original system’s checksum) */
  md5: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Manifests and jobs that reference this version; it cannot be deleted while any do */
  referencedBy: Array<Scalars['String']['output']>;
  /** Lowercase hex SHA-256; also the download URL /artifacts/<sha256> and the ETag */
  sha256: Scalars['String']['output'];
  /** Size in bytes */
  sizeBytes: Scalars['Float']['output'];
  uploadedBy: Scalars['String']['output'];
  version: Scalars['String']['output'];
};

export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  /** USER, AGENT, SYSTEM or ANONYMOUS */
  actorType: Scalars['String']['output'];
  /** Arguments, secrets redacted */
  args?: Maybe<Scalars['JSON']['output']>;
  at: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  ip: Scalars['String']['output'];
  outcome: AuditOutcome;
  reason?: Maybe<Scalars['String']['output']>;
  target?: Maybe<Scalars['String']['output']>;
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** This page's rows as RFC 4180 CSV (header row, CRLF, formula-looking cells neutralised), the writer the reports use */
  csv: Scalars['String']['output'];
  nodes: Array<AuditEvent>;
  pageInfo: PageInfo;
};

export type AuditFilterInput = {
  action?: InputMaybe<Scalars['String']['input']>;
  actor?: InputMaybe<Scalars['String']['input']>;
  outcome?: InputMaybe<AuditOutcome>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

export type AuditOutcome =
  | 'DENIED'
  | 'FAILURE'
  | 'SUCCESS';

export type AvailabilityReport = {
  __typename?: 'AvailabilityReport';
  /** IOMS_ALIVE_WINDOW the outages were dated back by */
  aliveWindowSeconds: Scalars['Int']['output'];
  /** One table of the report as RFC 4180 CSV — the same file `ioms report availability -o csv [--table NAME]` writes */
  csv: Scalars['String']['output'];
  rows: Array<AvailabilityRow>;
  scope: ReportScopeType;
};


export type AvailabilityReportCsvArgs = {
  table?: InputMaybe<Scalars['String']['input']>;
};

export type AvailabilityRow = {
  __typename?: 'AvailabilityRow';
  /** 100 × (1 − downtime / monitored time); null when nothing was monitored */
  availabilityPercent?: Maybe<Scalars['Float']['output']>;
  downtimeMinutes: Scalars['Float']['output'];
  /** Host name, or the label value ("" for hosts without the label) */
  group: Scalars['String']['output'];
  /** Hosts monitored in the period */
  hosts: Scalars['Int']['output'];
  /** Longest outage (its part inside the period) */
  longestOutageMinutes: Scalars['Float']['output'];
  monitoredMinutes: Scalars['Float']['output'];
  /** Outages overlapping the period */
  outages: Scalars['Int']['output'];
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
};

/** One change an agent made */
export type ChangeEntry = {
  __typename?: 'ChangeEntry';
  /** The plan action (PutFile, StartProcess, …) or SupervisorRestart */
  action: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  host: Scalars['String']['output'];
  kind: ChangeKind;
  outcome: ChangeOutcome;
  /** The plan reason (MISSING, CHECKSUM_MISMATCH, …) or EXITED */
  reason: Scalars['String']['output'];
  resource: Scalars['String']['output'];
  /** Manifest revision carried out */
  revision?: Maybe<Scalars['Int']['output']>;
};

/** INTENDED: a desired state the host had not converged to yet; CORRECTIVE: put back after the host drifted on its own */
export type ChangeKind =
  | 'CORRECTIVE'
  | 'INTENDED';

/** DONE, FAILED (tried), SKIPPED (not tried: a restart after a file that could not be written) */
export type ChangeOutcome =
  | 'DONE'
  | 'FAILED'
  | 'SKIPPED';

export type ChangeRow = {
  __typename?: 'ChangeRow';
  /** intended + corrective */
  changes: Scalars['Int']['output'];
  /** Put back after drift (a file edited or deleted, a process that died, a cron entry removed), supervisor restarts included */
  corrective: Scalars['Int']['output'];
  /** Changes tried but not carried out (FAILED or SKIPPED) */
  failed: Scalars['Int']['output'];
  /** Host name, or the label value */
  group: Scalars['String']['output'];
  /** Hosts with changes to the resource in the period */
  hosts: Scalars['Int']['output'];
  /** Changes that carried out a desired state the host had not converged to yet */
  intended: Scalars['Int']['output'];
  lastAt?: Maybe<Scalars['DateTime']['output']>;
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
  /** Resource key: process:NAME, file:PATH, cron:NAME */
  resource: Scalars['String']['output'];
  /** Of the corrective changes: guarded-process restarts by the supervisor */
  restarts: Scalars['Int']['output'];
};

export type ChangesReport = {
  __typename?: 'ChangesReport';
  /** The newest changes, at most 500 */
  changes: Array<ChangeEntry>;
  /** One table of the report as RFC 4180 CSV — the same file `ioms report changes -o csv [--table NAME]` writes */
  csv: Scalars['String']['output'];
  /** Per resource and host or label group (and period) */
  rows: Array<ChangeRow>;
  scope: ReportScopeType;
};


export type ChangesReportCsvArgs = {
  table?: InputMaybe<Scalars['String']['input']>;
};

export type CommandDayRow = {
  __typename?: 'CommandDayRow';
  cancelled: Scalars['Int']['output'];
  /** FAILED + TIMED_OUT */
  failed: Scalars['Int']['output'];
  jobs: Scalars['Int']['output'];
  /** QUEUED, SENT or RUNNING */
  pending: Scalars['Int']['output'];
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
  succeeded: Scalars['Int']['output'];
  /** 100 × succeeded / (succeeded + failed + unreachable) */
  successPercent?: Maybe<Scalars['Float']['output']>;
  targets: Scalars['Int']['output'];
  unreachable: Scalars['Int']['output'];
};

export type CommandHostRow = {
  __typename?: 'CommandHostRow';
  cancelled: Scalars['Int']['output'];
  /** FAILED + TIMED_OUT */
  failed: Scalars['Int']['output'];
  /** Host name, or the label value */
  group: Scalars['String']['output'];
  hosts: Scalars['Int']['output'];
  /** QUEUED, SENT or RUNNING */
  pending: Scalars['Int']['output'];
  succeeded: Scalars['Int']['output'];
  /** 100 × succeeded / (succeeded + failed + unreachable) */
  successPercent?: Maybe<Scalars['Float']['output']>;
  targets: Scalars['Int']['output'];
  unreachable: Scalars['Int']['output'];
};

export type CommandUserRow = {
  __typename?: 'CommandUserRow';
  cancelled: Scalars['Int']['output'];
  /** FAILED + TIMED_OUT */
  failed: Scalars['Int']['output'];
  jobs: Scalars['Int']['output'];
  /** QUEUED, SENT or RUNNING */
  pending: Scalars['Int']['output'];
  succeeded: Scalars['Int']['output'];
  /** 100 × succeeded / (succeeded + failed + unreachable) */
  successPercent?: Maybe<Scalars['Float']['output']>;
  targets: Scalars['Int']['output'];
  unreachable: Scalars['Int']['output'];
  user: Scalars['String']['output'];
};

export type CommandsReport = {
  __typename?: 'CommandsReport';
  /** One table of the report as RFC 4180 CSV — the same file `ioms report commands -o csv [--table NAME]` writes */
  csv: Scalars['String']['output'];
  /** Per day (or the week or month asked for) */
  days: Array<CommandDayRow>;
  /** Per host or label group */
  hosts: Array<CommandHostRow>;
  scope: ReportScopeType;
  /** The 20 slowest targets */
  slowest: Array<SlowCommand>;
  users: Array<CommandUserRow>;
};


export type CommandsReportCsvArgs = {
  table?: InputMaybe<Scalars['String']['input']>;
};

export type CorruptArtifactBlob = {
  __typename?: 'CorruptArtifactBlob';
  actualSha256: Scalars['String']['output'];
  actualSizeBytes: Scalars['Float']['output'];
  sha256: Scalars['String']['output'];
};

/** A process that gave up on a host: it reached its start limit and is not restarted by itself */
export type CrashLoop = {
  __typename?: 'CrashLoop';
  at: Scalars['DateTime']['output'];
  exitCode?: Maybe<Scalars['Int']['output']>;
  host: Scalars['String']['output'];
  process: Scalars['String']['output'];
  /** Restarts in the run that ended in the give-up */
  restarts: Scalars['Int']['output'];
  signal?: Maybe<Scalars['String']['output']>;
};

export type CreateEnrollmentTokenInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** Labels every host enrolled with it starts with */
  labels?: InputMaybe<Scalars['JSON']['input']>;
  /** How many hosts may enroll with it (default 1) */
  maxUses?: InputMaybe<Scalars['Int']['input']>;
  /** Lifetime in seconds (default 86400) */
  ttlSeconds?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateUserInput = {
  allowList?: InputMaybe<Array<Scalars['String']['input']>>;
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  password: Scalars['String']['input'];
  role: Role;
  username: Scalars['String']['input'];
};

export type CreatedEnrollmentToken = {
  __typename?: 'CreatedEnrollmentToken';
  enrollmentToken: EnrollmentToken;
  /** The token itself: shown only now */
  token: Scalars['String']['output'];
};

/** SCHEDULED: runs as desired; PENDING: not yet reported; FAILED: the agent could not schedule it; DRIFTED: runs another version; REMOVING: no longer desired */
export type CronEntryState =
  | 'DRIFTED'
  | 'FAILED'
  | 'PENDING'
  | 'REMOVING'
  | 'SCHEDULED';

/** A crontab entry of a host: schedule, state, last and next run */
export type CronEntryStatus = {
  __typename?: 'CronEntryStatus';
  command?: Maybe<Scalars['String']['output']>;
  host: Scalars['String']['output'];
  lastRun?: Maybe<HostCronRun>;
  name: Scalars['String']['output'];
  nextRunAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why FAILED, DRIFTED or REMOVING */
  reason?: Maybe<Scalars['String']['output']>;
  restartProcess?: Maybe<Scalars['String']['output']>;
  schedule?: Maybe<Scalars['String']['output']>;
  state: CronEntryState;
  /** The IANA zone the schedule is read in */
  timezone?: Maybe<Scalars['String']['output']>;
};

export type CronNextRuns = {
  __typename?: 'CronNextRuns';
  next: Array<Scalars['DateTime']['output']>;
  schedule: Scalars['String']['output'];
  timezone: Scalars['String']['output'];
};

export type CronReport = {
  __typename?: 'CronReport';
  /** One table of the report as RFC 4180 CSV — the same file `ioms report cron -o csv [--table NAME]` writes */
  csv: Scalars['String']['output'];
  rows: Array<CronRow>;
  scope: ReportScopeType;
};


export type CronReportCsvArgs = {
  table?: InputMaybe<Scalars['String']['input']>;
};

export type CronRow = {
  __typename?: 'CronRow';
  entry: Scalars['String']['output'];
  /** FAILED + TIMED_OUT */
  failures: Scalars['Int']['output'];
  group: Scalars['String']['output'];
  hosts: Scalars['Int']['output'];
  lastFailureAt?: Maybe<Scalars['DateTime']['output']>;
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
  /** Runs that started (SKIPPED ones excluded) */
  runs: Scalars['Int']['output'];
  /** Runs not started because the previous one was still going */
  skipped: Scalars['Int']['output'];
  succeeded: Scalars['Int']['output'];
  /** 100 × succeeded / runs; null without runs */
  successPercent?: Maybe<Scalars['Float']['output']>;
  timedOut: Scalars['Int']['output'];
};

export type CronRun = {
  __typename?: 'CronRun';
  exitCode?: Maybe<Scalars['Int']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  output?: Maybe<Scalars['String']['output']>;
  startedAt: Scalars['DateTime']['output'];
  status: Scalars['String']['output'];
};

export type DeleteArtifactResult = {
  __typename?: 'DeleteArtifactResult';
  /** SHA-256 of each blob removed from the store (no remaining version used it) */
  blobsRemoved: Array<Scalars['String']['output']>;
  deleted: Array<ArtifactVersion>;
};

/** When a mount fills at its 30-day trend (least squares over its daily average use) */
export type DiskForecast = {
  __typename?: 'DiskForecast';
  /** Days in the trend */
  days: Scalars['Int']['output'];
  /** Days from the end of the range until full; null unless GROWING */
  daysUntilFull?: Maybe<Scalars['Float']['output']>;
  fullAt?: Maybe<Scalars['DateTime']['output']>;
  /** Slope of the trend, bytes per day (negative: shrinking) */
  growthBytesPerDay?: Maybe<Scalars['Float']['output']>;
  host: Scalars['String']['output'];
  mount: Scalars['String']['output'];
  sizeBytes: Scalars['Float']['output'];
  trend: DiskTrend;
  /** Use at the end of the range on the trend line, percent of size */
  usedPercent?: Maybe<Scalars['Float']['output']>;
};

/** One mount of one host over the range, from the daily disk rollups (whole UTC days) */
export type DiskRow = {
  __typename?: 'DiskRow';
  /** Days with data */
  days: Scalars['Int']['output'];
  host: Scalars['String']['output'];
  mount: Scalars['String']['output'];
  /** Size in bytes (the largest seen) */
  sizeBytes: Scalars['Float']['output'];
  /** Highest sample, percent of size */
  usedMax: Scalars['Float']['output'];
  /** 95th percentile of the daily average use, whole percent of size */
  usedP95?: Maybe<Scalars['Float']['output']>;
};

/** GROWING (a date it fills), NOT_GROWING (flat or shrinking: no date), NOT_ENOUGH_DATA (fewer than 3 days) */
export type DiskTrend =
  | 'GROWING'
  | 'NOT_ENOUGH_DATA'
  | 'NOT_GROWING';

export type DiskUsage = {
  __typename?: 'DiskUsage';
  mount: Scalars['String']['output'];
  totalBytes: Scalars['Float']['output'];
  usedBytes: Scalars['Float']['output'];
};

export type DriftItem = {
  __typename?: 'DriftItem';
  action: Scalars['String']['output'];
  key: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  sentence: Scalars['String']['output'];
  since: Scalars['DateTime']['output'];
};

export type EnrollmentToken = {
  __typename?: 'EnrollmentToken';
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  labels: Scalars['JSON']['output'];
  maxUses: Scalars['Int']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** ACTIVE, EXPIRED, USED_UP or REVOKED */
  status: Scalars['String']['output'];
  uses: Scalars['Int']['output'];
};

export type FleetEvent = {
  __typename?: 'FleetEvent';
  at: Scalars['DateTime']['output'];
  /** STATUS: CONNECTED, DISCONNECTED, ALIVE, DEAD, ENROLLED, REVOKED; RESTART: RESTART, EXIT or FATAL */
  change: Scalars['String']['output'];
  /** STATUS: the reason; RESTART: exit code or signal */
  detail?: Maybe<Scalars['String']['output']>;
  host: Scalars['String']['output'];
  /** STATUS or RESTART */
  kind: Scalars['String']['output'];
  /** RESTART: the guarded process */
  process?: Maybe<Scalars['String']['output']>;
};

export type FleetMetricsPoint = {
  __typename?: 'FleetMetricsPoint';
  /** Start of the bucket */
  at: Scalars['DateTime']['output'];
  /** Highest host mean CPU % in the bucket */
  cpuMax: Scalars['Float']['output'];
  /** Mean of the hosts’ mean CPU % */
  cpuPercent: Scalars['Float']['output'];
  /** Hosts with a rollup in the bucket */
  hosts: Scalars['Int']['output'];
  /** Memory installed, summed over hosts */
  memTotalBytes: Scalars['Float']['output'];
  /** Memory in use, summed over hosts */
  memUsedBytes: Scalars['Float']['output'];
};

export type FleetSummary = {
  __typename?: 'FleetSummary';
  alive: Scalars['Int']['output'];
  dead: Scalars['Int']['output'];
  online: Scalars['Int']['output'];
  revoked: Scalars['Int']['output'];
  /** Enrolled hosts, revoked ones excluded */
  total: Scalars['Int']['output'];
};

export type FleetTiles = {
  __typename?: 'FleetTiles';
  /** Per host: mean CPU % of the samples of the last 5 minutes; null without any */
  cpuPercent: Array<Maybe<Scalars['Float']['output']>>;
  /** Host names, ascending */
  names: Array<Scalars['String']['output']>;
  /** Per host: ONLINE (connected), ALIVE (heartbeat in the window, not connected), DEAD or REVOKED */
  states: Array<Scalars['String']['output']>;
};

export type Host = {
  __typename?: 'Host';
  /** Address the agent last connected from */
  address?: Maybe<Scalars['String']['output']>;
  agentLabels: Scalars['JSON']['output'];
  agentVersion?: Maybe<Scalars['String']['output']>;
  /** A heartbeat arrived within the alive window */
  alive: Scalars['Boolean']['output'];
  /** Mean CPU % of the last 5 minutes (null: no samples) */
  cpuPercent?: Maybe<Scalars['Float']['output']>;
  /** Cron entry runs, newest first */
  cronRuns: Array<CronRun>;
  /** What the manifests declare for this host */
  desiredState?: Maybe<Scalars['JSON']['output']>;
  drift: Array<DriftItem>;
  enrolledAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Hostname, OS, CPU, memory, disks, interfaces, addresses, time zone, locale, boot time */
  inventory?: Maybe<Scalars['JSON']['output']>;
  /** This host’s results of recent jobs, newest first */
  jobResults: Array<HostJobResult>;
  /** Effective labels: agent labels overlaid with server labels */
  labels: Scalars['JSON']['output'];
  lastConnectedAt?: Maybe<Scalars['DateTime']['output']>;
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  /** The newest metrics sample */
  latestMetrics?: Maybe<MetricsPoint>;
  /** Mean memory used of the last 5 minutes, in % of the total (null: no samples) */
  memoryPercent?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  /** What the agent last reported */
  observedState?: Maybe<Scalars['JSON']['output']>;
  /** Connected now */
  online: Scalars['Boolean']['output'];
  /** Operating system in a few words from the inventory (“Debian GNU/Linux 12”), for lists that do not want the whole inventory */
  os?: Maybe<Scalars['String']['output']>;
  /** Guarded-process restarts, newest first */
  restarts: Array<ProcessRestart>;
  revoked: Scalars['Boolean']['output'];
  serverLabels: Scalars['JSON']['output'];
  /** ONLINE, OFFLINE or REVOKED: the one status word every command shows */
  state: HostState;
  /** Availability history: connects, disconnects, alive/dead changes */
  statusHistory: Array<HostStatusEvent>;
};


export type HostCronRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};


export type HostJobResultsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type HostRestartsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  process?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


export type HostStatusHistoryArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

export type HostChange = {
  __typename?: 'HostChange';
  host: Scalars['String']['output'];
  part: HostPart;
};

export type HostConnection = {
  __typename?: 'HostConnection';
  nodes: Array<Host>;
  pageInfo: PageInfo;
  /** Hosts matching the filter, all pages */
  totalCount: Scalars['Int']['output'];
};

/** One run of a cron entry on a host */
export type HostCronRun = {
  __typename?: 'HostCronRun';
  /** finishedAt − startedAt in milliseconds */
  durationMs?: Maybe<Scalars['Int']['output']>;
  exitCode?: Maybe<Scalars['Int']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  host: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The tail of stdout then stderr, as text */
  output?: Maybe<Scalars['String']['output']>;
  startedAt: Scalars['DateTime']['output'];
  /** SUCCEEDED, FAILED, TIMED_OUT, CANCELLED or SKIPPED */
  status: Scalars['String']['output'];
};

export type HostJobResult = {
  __typename?: 'HostJobResult';
  /** Deliveries so far (a redelivery returns the stored result) */
  attempts: Scalars['Int']['output'];
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  /** -1 when the command never started or was killed by a signal */
  exitCode?: Maybe<Scalars['Int']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  host: Scalars['String']['output'];
  jobId: Scalars['ID']['output'];
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  signal?: Maybe<Scalars['String']['output']>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: TargetStatus;
  stderr?: Maybe<Scalars['String']['output']>;
  stderrTruncated: Scalars['Boolean']['output'];
  stdout?: Maybe<Scalars['String']['output']>;
  stdoutTruncated: Scalars['Boolean']['output'];
};

export type HostMetrics = {
  __typename?: 'HostMetrics';
  from: Scalars['DateTime']['output'];
  host: Scalars['String']['output'];
  /** Oldest first */
  points: Array<MetricsPoint>;
  /** 0 for raw samples, else the rollup bucket in seconds (300 or 3600) */
  step: Scalars['Int']['output'];
  to: Scalars['DateTime']['output'];
  /** More points matched than one answer carries; these are the newest */
  truncated: Scalars['Boolean']['output'];
};

/** A part of a host’s record that changed: RESTARTS, CRON_RUNS or STATE (observed, desired, drift) */
export type HostPart =
  | 'CRON_RUNS'
  | 'RESTARTS'
  | 'STATE';

export type HostPlan = {
  __typename?: 'HostPlan';
  /** What the agent will do, from its last observed state */
  actions: Array<PlanItem>;
  /** The desired state of this host changes */
  changed: Scalars['Boolean']['output'];
  /** Desired-state hash after this apply */
  desiredHash?: Maybe<Scalars['String']['output']>;
  host: Scalars['String']['output'];
  /** Profiles that select the host */
  profiles: Array<Scalars['String']['output']>;
};

export type HostRollout = {
  __typename?: 'HostRollout';
  /** Newest revision the host converged on */
  convergedRevision?: Maybe<Scalars['Int']['output']>;
  drift: Array<DriftItem>;
  error?: Maybe<Scalars['String']['output']>;
  host: Scalars['String']['output'];
  observedAt?: Maybe<Scalars['DateTime']['output']>;
  online: Scalars['Boolean']['output'];
  /** Revision the desired state comes from */
  revision?: Maybe<Scalars['Int']['output']>;
  /** PENDING, CONVERGED, DRIFTED or FAILED */
  status: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** What the hosts list is ordered by; ties (and the NAME order) by name. STATUS: online, alive, dead, revoked */
export type HostSort =
  | 'ADDRESS'
  | 'AGENT_VERSION'
  | 'CPU'
  | 'LAST_SEEN'
  | 'MEMORY'
  | 'NAME'
  | 'STATUS';

/** What a host is now: ONLINE (connected), OFFLINE (not connected) or REVOKED. Heartbeats are the separate `alive`. */
export type HostState =
  | 'OFFLINE'
  | 'ONLINE'
  | 'REVOKED';

/** ONLINE = connected now; ALIVE = a heartbeat within the alive window */
export type HostStatus =
  | 'ALIVE'
  | 'DEAD'
  | 'OFFLINE'
  | 'ONLINE'
  | 'REVOKED';

export type HostStatusEvent = {
  __typename?: 'HostStatusEvent';
  at: Scalars['DateTime']['output'];
  /** CONNECTED, DISCONNECTED, ALIVE, DEAD, ENROLLED or REVOKED */
  change: Scalars['String']['output'];
  reason?: Maybe<Scalars['String']['output']>;
};

/** The command goes to it as one argument: sh -c, bash -c, cmd.exe /d /s /c, powershell -Command */
export type Interpreter =
  | 'BASH'
  | 'CMD'
  | 'POWERSHELL'
  | 'SH';

export type Job = {
  __typename?: 'Job';
  /** Targets in flight at once (the resolved batch) */
  batchSize: Scalars['Int']['output'];
  command: Scalars['String']['output'];
  counts: JobCounts;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  hosts: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: JobKind;
  /** Sequence number of the latest progress event */
  lastSeq: Scalars['Int']['output'];
  maxFailures?: Maybe<Scalars['Int']['output']>;
  queueForSeconds: Scalars['Int']['output'];
  selector?: Maybe<Scalars['String']['output']>;
  status: JobStatus;
  /** Per-host results, by host name */
  targets: Array<JobTarget>;
  timeoutSeconds: Scalars['Int']['output'];
};


export type JobTargetsArgs = {
  status?: InputMaybe<TargetStatus>;
};

export type JobActionInput = {
  /** DOWNLOAD and UPGRADE_AGENT: artifact NAME or NAME@VERSION */
  artifact?: InputMaybe<Scalars['String']['input']>;
  kind: JobKind;
  /** DOWNLOAD: file mode, e.g. "0644" */
  mode?: InputMaybe<Scalars['String']['input']>;
  /** SET_PASSWORD: never stored, logged or audited */
  password?: InputMaybe<Scalars['String']['input']>;
  /** DOWNLOAD: absolute destination path on the host */
  path?: InputMaybe<Scalars['String']['input']>;
  /** RESTART_PROCESS: the guarded process */
  processName?: InputMaybe<Scalars['String']['input']>;
  /** SET_PASSWORD: the OS user */
  username?: InputMaybe<Scalars['String']['input']>;
};

export type JobConnection = {
  __typename?: 'JobConnection';
  nodes: Array<Job>;
  pageInfo: PageInfo;
};

export type JobCounts = {
  __typename?: 'JobCounts';
  cancelled: Scalars['Int']['output'];
  /** Targets in a final state */
  done: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  queued: Scalars['Int']['output'];
  running: Scalars['Int']['output'];
  sent: Scalars['Int']['output'];
  succeeded: Scalars['Int']['output'];
  timedOut: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
  unreachable: Scalars['Int']['output'];
};

export type JobEvent = {
  __typename?: 'JobEvent';
  at: Scalars['DateTime']['output'];
  /** TARGET: exitCode, durationMs, error, stdout/stderr (capped) once final */
  data: Scalars['JSON']['output'];
  host?: Maybe<Scalars['String']['output']>;
  jobId: Scalars['ID']['output'];
  /** Per job, from 1, without gaps */
  seq: Scalars['Int']['output'];
  status: Scalars['String']['output'];
  /** TARGET (a host changed status) or JOB (the job did) */
  type: Scalars['String']['output'];
};

/** A shell command or a built-in action */
export type JobKind =
  | 'COLLECT_INVENTORY'
  | 'DOWNLOAD'
  | 'RESTART_PROCESS'
  | 'SET_PASSWORD'
  | 'SHELL'
  | 'UPGRADE_AGENT';

/** STOPPED: failures passed the budget, nothing more is dispatched */
export type JobStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'PAUSED'
  | 'RUNNING'
  | 'STOPPED';

export type JobTarget = {
  __typename?: 'JobTarget';
  /** Deliveries so far (a redelivery returns the stored result) */
  attempts: Scalars['Int']['output'];
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  /** -1 when the command never started or was killed by a signal */
  exitCode?: Maybe<Scalars['Int']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  host: Scalars['String']['output'];
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  signal?: Maybe<Scalars['String']['output']>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: TargetStatus;
  stderr?: Maybe<Scalars['String']['output']>;
  stderrTruncated: Scalars['Boolean']['output'];
  stdout?: Maybe<Scalars['String']['output']>;
  stdoutTruncated: Scalars['Boolean']['output'];
};

export type LoginResult = {
  __typename?: 'LoginResult';
  expiresAt: Scalars['DateTime']['output'];
  /** Opaque bearer token: send as `Authorization: Bearer …` or in graphql-ws connectionParams */
  token: Scalars['String']['output'];
  user: User;
};

export type ManifestDocumentDiff = {
  __typename?: 'ManifestDocumentDiff';
  after?: Maybe<Scalars['JSON']['output']>;
  before?: Maybe<Scalars['JSON']['output']>;
  /** ADDED, REMOVED or CHANGED */
  change: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type ManifestDocumentRef = {
  __typename?: 'ManifestDocumentRef';
  file: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  line: Scalars['Int']['output'];
  name: Scalars['String']['output'];
};

export type ManifestError = {
  __typename?: 'ManifestError';
  code: Scalars['String']['output'];
  column: Scalars['Int']['output'];
  file: Scalars['String']['output'];
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

/** One YAML file as it was applied */
export type ManifestFile = {
  __typename?: 'ManifestFile';
  content: Scalars['String']['output'];
  path: Scalars['String']['output'];
};

export type ManifestFileInput = {
  content: Scalars['String']['input'];
  /** The file name errors will point at (relative path) */
  path: Scalars['String']['input'];
};

export type ManifestRevision = {
  __typename?: 'ManifestRevision';
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  /** The revision in force */
  current: Scalars['Boolean']['output'];
  documents: Array<ManifestDocumentRef>;
  /** Every document in force at this revision as one YAML text, sorted by kind and name (what two revisions are diffed on) */
  documentsYaml: Scalars['String']['output'];
  /** The YAML files of the apply that stored this revision, as sent */
  files: Array<ManifestFile>;
  id: Scalars['Int']['output'];
  message?: Maybe<Scalars['String']['output']>;
  rollbackOf?: Maybe<Scalars['Int']['output']>;
  /** paths, repository, commit, branch, dirty */
  source: Scalars['JSON']['output'];
};

export type ManifestRevisionConnection = {
  __typename?: 'ManifestRevisionConnection';
  nodes: Array<ManifestRevision>;
  pageInfo: PageInfo;
};

export type ManifestSourceInput = {
  branch?: InputMaybe<Scalars['String']['input']>;
  commit?: InputMaybe<Scalars['String']['input']>;
  /** The work tree had uncommitted changes */
  dirty?: InputMaybe<Scalars['Boolean']['input']>;
  repository?: InputMaybe<Scalars['String']['input']>;
};

export type MetricsPoint = {
  __typename?: 'MetricsPoint';
  /** When the sample was taken, or the start of the bucket */
  at: Scalars['DateTime']['output'];
  /** Rollups only */
  cpuMax?: Maybe<Scalars['Float']['output']>;
  /** Rollups only */
  cpuMin?: Maybe<Scalars['Float']['output']>;
  cpuPercent: Scalars['Float']['output'];
  /** Raw samples only */
  disks?: Maybe<Array<DiskUsage>>;
  load1: Scalars['Float']['output'];
  /** Rollups only */
  load1Max?: Maybe<Scalars['Float']['output']>;
  memTotalBytes: Scalars['Float']['output'];
  memUsedBytes: Scalars['Float']['output'];
  /** Rollups only */
  memUsedMax?: Maybe<Scalars['Float']['output']>;
  /** Rollups only */
  memUsedMin?: Maybe<Scalars['Float']['output']>;
  netRxBytesPerSec: Scalars['Float']['output'];
  /** Rollups only */
  netRxMax?: Maybe<Scalars['Float']['output']>;
  netTxBytesPerSec: Scalars['Float']['output'];
  /** Rollups only */
  netTxMax?: Maybe<Scalars['Float']['output']>;
  /** An average (not a whole number) for rollups */
  processCount: Scalars['Float']['output'];
  /** Rollups only */
  processCountMax?: Maybe<Scalars['Float']['output']>;
  /** Raw samples in the bucket; rollups only */
  samples?: Maybe<Scalars['Int']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** All or nothing: every error comes back with file:line:column and nothing is stored; a valid apply stores an immutable revision */
  applyManifests: ApplyResult;
  /** Targets not yet sent end CANCELLED; running ones finish and are recorded */
  cancelJob: Job;
  /** A token agents trade once for their own credential */
  createEnrollmentToken: CreatedEnrollmentToken;
  createUser: User;
  /** Deletes one version, or every version of the name when version is omitted (all or nothing); refused while referenced. A blob no other version uses is removed from the store. */
  deleteArtifact: DeleteArtifactResult;
  /** Revokes and forgets a host (its history and metrics go too) */
  deleteHost: Scalars['Boolean']['output'];
  /** Deletes the user and ends their sessions */
  deleteUser: User;
  /** Trades an enrollment token for a host credential (agents call this once) */
  enrollAgent: AgentEnrollment;
  login: LoginResult;
  /** Ends the current session and closes its sockets */
  logout: Scalars['Boolean']['output'];
  /** Stops sending to more hosts until resumed */
  pauseJob: Job;
  /** Plan actions the agent carried out, each INTENDED or CORRECTIVE (protocol/change-report.schema.ts); a change id already stored is ignored */
  reportAppliedChanges: Scalars['Boolean']['output'];
  /** A command’s result; true once stored (also when it was already stored): the agent may then forget it */
  reportCommandResult: Scalars['Boolean']['output'];
  /** The agent began running a command (`id` = t<target id>) */
  reportCommandStarted: Scalars['Boolean']['output'];
  /** Cron entry runs */
  reportCronRuns: Scalars['Boolean']['output'];
  /** Liveness: every 15 s by default */
  reportHeartbeat: Scalars['Boolean']['output'];
  /** Sent on connect and whenever it changes; true when it was stored as a change */
  reportInventory: Scalars['Boolean']['output'];
  /** One metrics sample; stored in batches */
  reportMetrics: Scalars['Boolean']['output'];
  /** The agent’s observed state (after applying a desired state, on change, on request) */
  reportObservedState: Scalars['Boolean']['output'];
  /** Guarded-process exits and what the supervisor did about them */
  reportProcessEvents: Scalars['Boolean']['output'];
  /** A chunk of a guarded process’s output, answering PROCESS_LOGS */
  reportProcessLogs: Scalars['Boolean']['output'];
  resumeJob: Job;
  revokeEnrollmentToken: EnrollmentToken;
  /** Revokes the host’s credential: its agent is disconnected within seconds and refused from then on */
  revokeHost: Host;
  /** Re-applies an old revision as a new one */
  rollbackManifests: ApplyResult;
  /** Sends a command to hosts; the job, its targets and the audit row are written before anything is sent */
  runCommand: Job;
  /** Sets and removes server-side labels (they win over the agent’s) */
  setHostLabels: Host;
  /** Lift the user’s sign-in lockout (failed sign-ins before now no longer count) */
  unlockUser: User;
  /** Changing role, password or allow-list, or disabling, ends the user’s sessions and closes their sockets at once */
  updateUser: User;
  /** Re-hashes every registered blob and reports missing, corrupt and orphaned ones (the original "regenerate MD5") */
  verifyArtifacts: ArtifactVerifyReport;
};


export type MutationApplyManifestsArgs = {
  input: ApplyManifestsInput;
};


export type MutationCancelJobArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateEnrollmentTokenArgs = {
  input: CreateEnrollmentTokenInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationDeleteArtifactArgs = {
  name: Scalars['String']['input'];
  version?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteHostArgs = {
  name: Scalars['String']['input'];
};


export type MutationDeleteUserArgs = {
  username: Scalars['String']['input'];
};


export type MutationEnrollAgentArgs = {
  labels?: InputMaybe<Scalars['JSON']['input']>;
  name: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationLoginArgs = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};


export type MutationPauseJobArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReportAppliedChangesArgs = {
  report: Scalars['String']['input'];
};


export type MutationReportCommandResultArgs = {
  report: Scalars['String']['input'];
};


export type MutationReportCommandStartedArgs = {
  attempt?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['String']['input'];
};


export type MutationReportCronRunsArgs = {
  report: Scalars['String']['input'];
};


export type MutationReportHeartbeatArgs = {
  report: Scalars['String']['input'];
};


export type MutationReportInventoryArgs = {
  report: Scalars['String']['input'];
};


export type MutationReportMetricsArgs = {
  report: Scalars['String']['input'];
};


export type MutationReportObservedStateArgs = {
  report: Scalars['String']['input'];
};


export type MutationReportProcessEventsArgs = {
  report: Scalars['String']['input'];
};


export type MutationReportProcessLogsArgs = {
  report: Scalars['String']['input'];
};


export type MutationResumeJobArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeEnrollmentTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeHostArgs = {
  name: Scalars['String']['input'];
};


export type MutationRollbackManifestsArgs = {
  revision: Scalars['Int']['input'];
};


export type MutationRunCommandArgs = {
  input: RunCommandInput;
};


export type MutationSetHostLabelsArgs = {
  name: Scalars['String']['input'];
  remove?: InputMaybe<Array<Scalars['String']['input']>>;
  set?: InputMaybe<Scalars['JSON']['input']>;
};


export type MutationUnlockUserArgs = {
  username: Scalars['String']['input'];
};


export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
  username: Scalars['String']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PlanItem = {
  __typename?: 'PlanItem';
  /** process:<name>, cron:<name>, file:<path> */
  key: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** MISSING, SPEC_CHANGED, NOT_RUNNING, FATAL, CHECKSUM_MISMATCH, MODE_CHANGED, NOT_DESIRED */
  reason: Scalars['String']['output'];
  /** + creates, ~ changes in place, - removes, ! held (drift left to a human); manifests/plan-sign.ts */
  sign: Scalars['String']['output'];
  /** RemoveCron, StopProcess, RemoveFile, PutFile, UpdateProcess, StartProcess, RestartProcess, SetCron, Hold */
  type: Scalars['String']['output'];
};

export type ProcessLogChunk = {
  __typename?: 'ProcessLogChunk';
  /** The last chunk: the tail was sent, or the follow ended */
  done: Scalars['Boolean']['output'];
  /** Why the agent could not read the logs */
  error?: Maybe<Scalars['String']['output']>;
  lines: Array<ProcessLogLine>;
};

export type ProcessLogLine = {
  __typename?: 'ProcessLogLine';
  /** stdout or stderr */
  stream: Scalars['String']['output'];
  /** One line, without its newline; control characters as the process wrote them */
  text: Scalars['String']['output'];
};

export type ProcessRestart = {
  __typename?: 'ProcessRestart';
  at: Scalars['DateTime']['output'];
  /** The delay before the restart, in milliseconds (RESTART) */
  backoffMs?: Maybe<Scalars['Int']['output']>;
  count: Scalars['Int']['output'];
  exitCode?: Maybe<Scalars['Int']['output']>;
  /** The pid started after the backoff (RESTART, once started) */
  newPid?: Maybe<Scalars['Int']['output']>;
  /** RESTART, EXIT or FATAL */
  outcome: Scalars['String']['output'];
  /** The pid that exited */
  pid?: Maybe<Scalars['Int']['output']>;
  process: Scalars['String']['output'];
  signal?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** One artifact with all its versions, newest first */
  artifact?: Maybe<Artifact>;
  /** Whitelisted artifacts by name, ascending; search is a case-insensitive substring of the name */
  artifacts: ArtifactConnection;
  /** Newest first */
  auditEvents: AuditEventConnection;
  /** Every crontab entry of the selected hosts (all when neither is given): schedule, zone, state, last and next run */
  cronEntries: Array<CronEntryStatus>;
  /** The next run times of a schedule, from the engine the agents run entries by */
  cronNextRuns: CronNextRuns;
  /** Cron run records, newest first */
  cronRuns: Array<HostCronRun>;
  enrollmentTokens: Array<EnrollmentToken>;
  /** Newest status changes and guarded-process exits across the fleet, newest first */
  fleetEvents: Array<FleetEvent>;
  /** Fleet CPU and memory per 5-minute bucket, oldest first: from the rollups, and from raw samples for the minutes not rolled up yet */
  fleetMetrics: Array<FleetMetricsPoint>;
  fleetSummary: FleetSummary;
  /** Every enrolled host’s status and CPU of the last 5 minutes, by name: the fleet map */
  fleetTiles: FleetTiles;
  /** A host by name (any case) */
  host?: Maybe<Host>;
  /** A host's metrics over a range: raw samples up to 6 h, 5-minute rollups up to 14 days, 1-hour rollups beyond, or the step asked for */
  hostMetrics: HostMetrics;
  /** Hosts by selector (`role=web,env!=prod`), names or globs, status and search; ordered by `sort` (default NAME) then name, a page at a time */
  hosts: HostConnection;
  job?: Maybe<Job>;
  /** Newest first */
  jobs: JobConnection;
  /** Documents added, removed or changed between two revisions */
  manifestDiff: Array<ManifestDocumentDiff>;
  /** A revision; without id, the one in force */
  manifestRevision?: Maybe<ManifestRevision>;
  /** Newest first */
  manifestRevisions: ManifestRevisionConnection;
  /** The signed-in user */
  me: User;
  /** What applyManifests would do with these documents, storing nothing (every error with file:line:column, the per-host plan) */
  planManifests: ApplyResult;
  /** Availability per host or label group (and per day, week or month): availability %, downtime, outages, longest outage — see docs/reports.md */
  reportAvailability: AvailabilityReport;
  /** Drift history: every change agents made per resource and host or label group (and period), INTENDED or CORRECTIVE, and the newest changes — see docs/reports.md */
  reportChanges: ChangesReport;
  /** Jobs and targets per day, success rate per user and per host or label group, the slowest commands */
  reportCommands: CommandsReport;
  /** Cron runs, failures and success rate per entry and host or label group (and period) */
  reportCron: CronReport;
  /** Top hosts by CPU and memory over the range (p95 of hourly averages and max, from the daily histograms and 1-hour rollups), fullest disks and the disk-full forecast (from the daily disk rollups) */
  reportResources: ResourcesReport;
  /** Guarded-process restarts per process and host or label group (and period), and crash loops (processes that gave up) */
  reportRestarts: RestartsReport;
  /** Per host: converged, drifted (with reasons), pending or failed */
  rolloutStatus: RolloutStatus;
  user?: Maybe<User>;
  users: Array<User>;
};


export type QueryArtifactArgs = {
  name: Scalars['String']['input'];
};


export type QueryArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCronEntriesArgs = {
  hosts?: InputMaybe<Array<Scalars['String']['input']>>;
  selector?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCronNextRunsArgs = {
  count?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  schedule: Scalars['String']['input'];
  timezone?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCronRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  hosts?: InputMaybe<Array<Scalars['String']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  selector?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryFleetEventsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryFleetMetricsArgs = {
  hours?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryHostArgs = {
  name: Scalars['String']['input'];
};


export type QueryHostMetricsArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  step?: InputMaybe<Scalars['Int']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryHostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  direction?: InputMaybe<SortDirection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  search?: InputMaybe<Scalars['String']['input']>;
  selector?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<HostSort>;
  status?: InputMaybe<HostStatus>;
};


export type QueryJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<JobStatus>;
};


export type QueryManifestDiffArgs = {
  from: Scalars['Int']['input'];
  to: Scalars['Int']['input'];
};


export type QueryManifestRevisionArgs = {
  id?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryManifestRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPlanManifestsArgs = {
  input: ApplyManifestsInput;
};


export type QueryReportAvailabilityArgs = {
  input?: InputMaybe<ReportInput>;
};


export type QueryReportChangesArgs = {
  input?: InputMaybe<ReportInput>;
};


export type QueryReportCommandsArgs = {
  input?: InputMaybe<ReportInput>;
};


export type QueryReportCronArgs = {
  input?: InputMaybe<ReportInput>;
};


export type QueryReportResourcesArgs = {
  input?: InputMaybe<ReportInput>;
  top?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReportRestartsArgs = {
  input?: InputMaybe<ReportInput>;
};


export type QueryRolloutStatusArgs = {
  selector?: InputMaybe<Scalars['String']['input']>;
};


export type QueryUserArgs = {
  username: Scalars['String']['input'];
};

/** What every report takes */
export type ReportInput = {
  /** "host" (default) or "label:KEY", e.g. label:role */
  by?: InputMaybe<Scalars['String']['input']>;
  /** Default: 30 days before `to` */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Default: ALL */
  period?: InputMaybe<ReportPeriod>;
  /** Only hosts matching this selector (the -l syntax, e.g. role=web,env!=prod) */
  selector?: InputMaybe<Scalars['String']['input']>;
  /** Default and latest: now */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** ALL: one row per group for the whole range; DAY, WEEK (ISO, Monday) or MONTH: one row per group and UTC period */
export type ReportPeriod =
  | 'ALL'
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** The range and grouping a report was computed for (defaults filled in) */
export type ReportScopeType = {
  __typename?: 'ReportScopeType';
  /** "host" or "label:KEY" */
  by: Scalars['String']['output'];
  from: Scalars['DateTime']['output'];
  /** When the report was computed */
  generatedAt: Scalars['DateTime']['output'];
  period: ReportPeriod;
  selector?: Maybe<Scalars['String']['output']>;
  to: Scalars['DateTime']['output'];
};

export type ResourceRow = {
  __typename?: 'ResourceRow';
  /** Highest CPU sample, percent */
  cpuMax: Scalars['Float']['output'];
  /** 95th percentile of the hourly CPU averages, in whole percent */
  cpuP95?: Maybe<Scalars['Float']['output']>;
  host: Scalars['String']['output'];
  /** Hours with metrics in the range (1-hour rollups) */
  hours: Scalars['Int']['output'];
  /** Highest memory-used sample, percent of total */
  memMax: Scalars['Float']['output'];
  /** 95th percentile of the hourly memory-used averages, whole percent of total */
  memP95?: Maybe<Scalars['Float']['output']>;
};

export type ResourcesReport = {
  __typename?: 'ResourcesReport';
  /** Busiest hosts by CPU p95 (then max) */
  cpu: Array<ResourceRow>;
  /** One table of the report as RFC 4180 CSV — the same file `ioms report resources -o csv [--table NAME]` writes */
  csv: Scalars['String']['output'];
  /** Fullest mounts by p95 of daily use (then max) */
  disks: Array<DiskRow>;
  /** Mounts by when they fill: growing ones soonest first, then not growing, then without enough data */
  forecast: Array<DiskForecast>;
  /** Busiest hosts by memory p95 (then max) */
  memory: Array<ResourceRow>;
  scope: ReportScopeType;
};


export type ResourcesReportCsvArgs = {
  table?: InputMaybe<Scalars['String']['input']>;
};

export type RestartRow = {
  __typename?: 'RestartRow';
  /** Exits left down by the restart policy */
  exits: Scalars['Int']['output'];
  /** Times the supervisor gave up (start limit reached) */
  gaveUp: Scalars['Int']['output'];
  group: Scalars['String']['output'];
  /** Hosts where the process exited in the period */
  hosts: Scalars['Int']['output'];
  lastAt?: Maybe<Scalars['DateTime']['output']>;
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
  process: Scalars['String']['output'];
  /** Exits the supervisor restarted */
  restarts: Scalars['Int']['output'];
};

export type RestartsReport = {
  __typename?: 'RestartsReport';
  /** Newest first, at most 500 */
  crashLoops: Array<CrashLoop>;
  /** One table of the report as RFC 4180 CSV — the same file `ioms report restarts -o csv [--table NAME]` writes */
  csv: Scalars['String']['output'];
  rows: Array<RestartRow>;
  scope: ReportScopeType;
};


export type RestartsReportCsvArgs = {
  table?: InputMaybe<Scalars['String']['input']>;
};

/** ADMIN manages users and everything else; OPERATOR runs commands and applies manifests; VIEWER reads. */
export type Role =
  | 'ADMIN'
  | 'OPERATOR'
  | 'VIEWER';

export type RolloutStatus = {
  __typename?: 'RolloutStatus';
  converged: Scalars['Int']['output'];
  drifted: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  hosts: Array<HostRollout>;
  pending: Scalars['Int']['output'];
  /** The revision in force */
  revision?: Maybe<Scalars['Int']['output']>;
};

export type RunCommandInput = {
  /** A built-in action instead of a command */
  action?: InputMaybe<JobActionInput>;
  /** Rolling window: "10" hosts or "25%" of the targets in flight at once */
  batch?: InputMaybe<Scalars['String']['input']>;
  /** Shell command (kind SHELL) */
  command?: InputMaybe<Scalars['String']['input']>;
  cwd?: InputMaybe<Scalars['String']['input']>;
  /** Environment variables for the command */
  env?: InputMaybe<Scalars['JSON']['input']>;
  /** Host names or globs */
  hosts?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Default: sh on POSIX hosts, cmd on Windows */
  interpreter?: InputMaybe<Interpreter>;
  /** Stop dispatching once more than this many targets failed */
  maxFailures?: InputMaybe<Scalars['Int']['input']>;
  /** Offline hosts get the command if they connect within this many seconds (default 600) */
  queueForSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Label selector, e.g. role=web,env!=prod ("" = every host) */
  selector?: InputMaybe<Scalars['String']['input']>;
  /** Seconds; the whole process tree is killed after it (default 60) */
  timeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
};

export type SlowCommand = {
  __typename?: 'SlowCommand';
  command: Scalars['String']['output'];
  durationMs: Scalars['Int']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  host: Scalars['String']['output'];
  jobId: Scalars['ID']['output'];
  status: Scalars['String']['output'];
  user: Scalars['String']['output'];
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type Subscription = {
  __typename?: 'Subscription';
  /** What the server asks of this agent; one long subscription per agent */
  agentInstructions: AgentInstruction;
  /** Every audit row as it is written */
  auditEventRecorded: AuditEvent;
  /** A restart or cron run was recorded for the host, or its observed state, desired state or drift changed: refetch that part */
  hostChanged: HostChange;
  /** A host connected, disconnected, became alive or dead, or changed inventory or labels */
  hostUpdated: Host;
  /** Per-host status changes and output of a job; pass the last seq you saw to resume without gaps or duplicates */
  jobProgressed: JobEvent;
  /** A guarded process’s stdout and stderr, read by its agent: the last `tail` lines of each, then (with `follow`) what it writes, until the subscription ends or one hour passes. Audited. */
  processLogs: ProcessLogChunk;
  /** A host’s rollout row whenever it changes */
  rolloutProgressed: HostRollout;
};


export type SubscriptionHostChangedArgs = {
  name: Scalars['String']['input'];
};


export type SubscriptionJobProgressedArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  jobId: Scalars['ID']['input'];
};


export type SubscriptionProcessLogsArgs = {
  follow?: InputMaybe<Scalars['Boolean']['input']>;
  host: Scalars['String']['input'];
  process: Scalars['String']['input'];
  tail?: InputMaybe<Scalars['Int']['input']>;
};

export type TargetStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SENT'
  | 'SUCCEEDED'
  | 'TIMED_OUT'
  | 'UNREACHABLE';

export type UpdateUserInput = {
  allowList?: InputMaybe<Array<Scalars['String']['input']>>;
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
};

export type User = {
  __typename?: 'User';
  /** CIDRs the user may connect from; empty means anywhere */
  allowList: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  disabled: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** Sign-ins are refused for now: too many failed sign-ins in the throttle window (unlockUser lifts it; so does the window passing) */
  locked: Scalars['Boolean']['output'];
  role: Role;
  updatedAt: Scalars['DateTime']['output'];
  username: Scalars['String']['output'];
};

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'User', username: string, role: Role } };

export type HostRowFragment = { __typename?: 'Host', id: string, name: string, online: boolean, alive: boolean, revoked: boolean, lastSeenAt?: string | null, lastConnectedAt?: string | null, agentVersion?: string | null, address?: string | null, labels: unknown, os?: string | null };

export type HostUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type HostUpdatedSubscription = { __typename?: 'Subscription', hostUpdated: { __typename?: 'Host', id: string, name: string, online: boolean, alive: boolean, revoked: boolean, lastSeenAt?: string | null, lastConnectedAt?: string | null, agentVersion?: string | null, address?: string | null, labels: unknown, os?: string | null } };

export type HostChangedSubscriptionVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type HostChangedSubscription = { __typename?: 'Subscription', hostChanged: { __typename?: 'HostChange', host: string, part: HostPart } };

export type AdminHostsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type AdminHostsQuery = { __typename?: 'Query', hosts: { __typename?: 'HostConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean }, nodes: Array<{ __typename?: 'Host', id: string, name: string, online: boolean, alive: boolean, revoked: boolean, lastSeenAt?: string | null, agentLabels: unknown, serverLabels: unknown }> } };

export type SetHostLabelsMutationVariables = Exact<{
  name: Scalars['String']['input'];
  set?: InputMaybe<Scalars['JSON']['input']>;
  remove?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type SetHostLabelsMutation = { __typename?: 'Mutation', setHostLabels: { __typename?: 'Host', id: string, labels: unknown, serverLabels: unknown } };

export type RevokeHostMutationVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type RevokeHostMutation = { __typename?: 'Mutation', revokeHost: { __typename?: 'Host', id: string, revoked: boolean, online: boolean } };

export type EnrollmentTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type EnrollmentTokensQuery = { __typename?: 'Query', enrollmentTokens: Array<{ __typename?: 'EnrollmentToken', id: string, description?: string | null, labels: unknown, expiresAt: string, maxUses: number, uses: number, createdBy: string, createdAt: string, revokedAt?: string | null, status: string }> };

export type CreateEnrollmentTokenMutationVariables = Exact<{
  input: CreateEnrollmentTokenInput;
}>;


export type CreateEnrollmentTokenMutation = { __typename?: 'Mutation', createEnrollmentToken: { __typename?: 'CreatedEnrollmentToken', token: string, enrollmentToken: { __typename?: 'EnrollmentToken', id: string, expiresAt: string, maxUses: number } } };

export type RevokeEnrollmentTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeEnrollmentTokenMutation = { __typename?: 'Mutation', revokeEnrollmentToken: { __typename?: 'EnrollmentToken', id: string, status: string } };

export type UsersQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersQuery = { __typename?: 'Query', users: Array<{ __typename?: 'User', id: string, username: string, role: Role, allowList: Array<string>, disabled: boolean, locked: boolean, createdAt: string, updatedAt: string }> };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { __typename?: 'Mutation', createUser: { __typename?: 'User', id: string, username: string } };

export type UpdateUserMutationVariables = Exact<{
  username: Scalars['String']['input'];
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { __typename?: 'Mutation', updateUser: { __typename?: 'User', id: string, username: string, role: Role, allowList: Array<string>, disabled: boolean, updatedAt: string } };

export type DeleteUserMutationVariables = Exact<{
  username: Scalars['String']['input'];
}>;


export type DeleteUserMutation = { __typename?: 'Mutation', deleteUser: { __typename?: 'User', id: string } };

export type UnlockUserMutationVariables = Exact<{
  username: Scalars['String']['input'];
}>;


export type UnlockUserMutation = { __typename?: 'Mutation', unlockUser: { __typename?: 'User', id: string, locked: boolean } };

export type ArtifactsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ArtifactsQuery = { __typename?: 'Query', artifacts: { __typename?: 'ArtifactConnection', pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, nodes: Array<{ __typename?: 'Artifact', name: string, versions: Array<{ __typename?: 'ArtifactVersion', name: string, version: string, sizeBytes: number, sha256: string, md5: string, uploadedBy: string, createdAt: string, referencedBy: Array<string> }> }> } };

export type DeleteArtifactMutationVariables = Exact<{
  name: Scalars['String']['input'];
  version?: InputMaybe<Scalars['String']['input']>;
}>;


export type DeleteArtifactMutation = { __typename?: 'Mutation', deleteArtifact: { __typename?: 'DeleteArtifactResult', blobsRemoved: Array<string>, deleted: Array<{ __typename?: 'ArtifactVersion', name: string, version: string }> } };

export type AuditEventsQueryVariables = Exact<{
  filter?: InputMaybe<AuditFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditEventsQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, nodes: Array<{ __typename?: 'AuditEvent', id: string, at: string, actorType: string, actor: string, ip: string, action: string, target?: string | null, args?: unknown | null, outcome: AuditOutcome, reason?: string | null }> } };

export type AuditEventsCsvQueryVariables = Exact<{
  filter?: InputMaybe<AuditFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditEventsCsvQuery = { __typename?: 'Query', auditEvents: { __typename?: 'AuditEventConnection', csv: string, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean } } };

export type AuditRecordedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AuditRecordedSubscription = { __typename?: 'Subscription', auditEventRecorded: { __typename?: 'AuditEvent', id: string } };

export type PlanManifestsQueryVariables = Exact<{
  input: ApplyManifestsInput;
}>;


export type PlanManifestsQuery = { __typename?: 'Query', planManifests: { __typename?: 'ApplyResult', applied: boolean, unchanged: boolean, revision?: { __typename?: 'ManifestRevision', id: number } | null, errors: Array<{ __typename?: 'ManifestError', file: string, line: number, column: number, code: string, message: string }>, hosts: Array<{ __typename?: 'HostPlan', host: string, desiredHash?: string | null, changed: boolean, profiles: Array<string>, actions: Array<{ __typename?: 'PlanItem', type: string, key: string, reason: string, message: string, sign: string }> }> } };

export type ApplyManifestsMutationVariables = Exact<{
  input: ApplyManifestsInput;
}>;


export type ApplyManifestsMutation = { __typename?: 'Mutation', applyManifests: { __typename?: 'ApplyResult', applied: boolean, unchanged: boolean, revision?: { __typename?: 'ManifestRevision', id: number } | null, errors: Array<{ __typename?: 'ManifestError', file: string, line: number, column: number, code: string, message: string }>, hosts: Array<{ __typename?: 'HostPlan', host: string, desiredHash?: string | null, changed: boolean, profiles: Array<string>, actions: Array<{ __typename?: 'PlanItem', type: string, key: string, reason: string, message: string, sign: string }> }> } };

export type ApplyResultFieldsFragment = { __typename?: 'ApplyResult', applied: boolean, unchanged: boolean, revision?: { __typename?: 'ManifestRevision', id: number } | null, errors: Array<{ __typename?: 'ManifestError', file: string, line: number, column: number, code: string, message: string }>, hosts: Array<{ __typename?: 'HostPlan', host: string, desiredHash?: string | null, changed: boolean, profiles: Array<string>, actions: Array<{ __typename?: 'PlanItem', type: string, key: string, reason: string, message: string, sign: string }> }> };

export type ManifestRevisionDetailQueryVariables = Exact<{
  id: Scalars['Int']['input'];
}>;


export type ManifestRevisionDetailQuery = { __typename?: 'Query', manifestRevision?: { __typename?: 'ManifestRevision', id: number, createdBy: string, createdAt: string, message?: string | null, source: unknown, rollbackOf?: number | null, current: boolean, documentsYaml: string, documents: Array<{ __typename?: 'ManifestDocumentRef', kind: string, name: string, file: string, line: number }>, files: Array<{ __typename?: 'ManifestFile', path: string, content: string }> } | null };

export type RevisionChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type RevisionChoicesQuery = { __typename?: 'Query', manifestRevisions: { __typename?: 'ManifestRevisionConnection', nodes: Array<{ __typename?: 'ManifestRevision', id: number, message?: string | null, current: boolean }> } };

export type RevisionDiffQueryVariables = Exact<{
  from: Scalars['Int']['input'];
  to: Scalars['Int']['input'];
}>;


export type RevisionDiffQuery = { __typename?: 'Query', manifestDiff: Array<{ __typename?: 'ManifestDocumentDiff', kind: string, name: string, change: string }>, before?: { __typename?: 'ManifestRevision', id: number, documentsYaml: string } | null, after?: { __typename?: 'ManifestRevision', id: number, documentsYaml: string } | null };

export type ManifestRevisionsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ManifestRevisionsQuery = { __typename?: 'Query', manifestRevisions: { __typename?: 'ManifestRevisionConnection', pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, nodes: Array<{ __typename?: 'ManifestRevision', id: number, createdBy: string, createdAt: string, message?: string | null, source: unknown, rollbackOf?: number | null, current: boolean, documents: Array<{ __typename?: 'ManifestDocumentRef', kind: string, name: string }> }> } };

export type RevisionFilesQueryVariables = Exact<{
  id: Scalars['Int']['input'];
}>;


export type RevisionFilesQuery = { __typename?: 'Query', manifestRevision?: { __typename?: 'ManifestRevision', id: number, files: Array<{ __typename?: 'ManifestFile', path: string, content: string }> } | null };

export type RollbackPlanQueryVariables = Exact<{
  input: ApplyManifestsInput;
}>;


export type RollbackPlanQuery = { __typename?: 'Query', planManifests: { __typename?: 'ApplyResult', applied: boolean, unchanged: boolean, revision?: { __typename?: 'ManifestRevision', id: number } | null, errors: Array<{ __typename?: 'ManifestError', file: string, line: number, column: number, code: string, message: string }>, hosts: Array<{ __typename?: 'HostPlan', host: string, desiredHash?: string | null, changed: boolean, profiles: Array<string>, actions: Array<{ __typename?: 'PlanItem', type: string, key: string, reason: string, message: string, sign: string }> }> } };

export type RollbackManifestsMutationVariables = Exact<{
  revision: Scalars['Int']['input'];
}>;


export type RollbackManifestsMutation = { __typename?: 'Mutation', rollbackManifests: { __typename?: 'ApplyResult', applied: boolean, unchanged: boolean, revision?: { __typename?: 'ManifestRevision', id: number } | null, errors: Array<{ __typename?: 'ManifestError', file: string, line: number, column: number, code: string, message: string }>, hosts: Array<{ __typename?: 'HostPlan', host: string, desiredHash?: string | null, changed: boolean, profiles: Array<string>, actions: Array<{ __typename?: 'PlanItem', type: string, key: string, reason: string, message: string, sign: string }> }> } };

export type RolloutStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type RolloutStatusQuery = { __typename?: 'Query', rolloutStatus: { __typename?: 'RolloutStatus', revision?: number | null, hosts: Array<{ __typename?: 'HostRollout', host: string, online: boolean, status: string, revision?: number | null, convergedRevision?: number | null, error?: string | null, observedAt?: string | null, updatedAt: string, drift: Array<{ __typename?: 'DriftItem', key: string, reason: string, sentence: string }> }> } };

export type RolloutRowFragment = { __typename?: 'HostRollout', host: string, online: boolean, status: string, revision?: number | null, convergedRevision?: number | null, error?: string | null, observedAt?: string | null, updatedAt: string, drift: Array<{ __typename?: 'DriftItem', key: string, reason: string, sentence: string }> };

export type RolloutProgressedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RolloutProgressedSubscription = { __typename?: 'Subscription', rolloutProgressed: { __typename?: 'HostRollout', host: string, online: boolean, status: string, revision?: number | null, convergedRevision?: number | null, error?: string | null, observedAt?: string | null, updatedAt: string, drift: Array<{ __typename?: 'DriftItem', key: string, reason: string, sentence: string }> } };

export type HostDetailQueryVariables = Exact<{
  name: Scalars['String']['input'];
  since?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type HostDetailQuery = { __typename?: 'Query', host?: { __typename?: 'Host', id: string, name: string, online: boolean, alive: boolean, revoked: boolean, labels: unknown, agentLabels: unknown, serverLabels: unknown, lastSeenAt?: string | null, lastConnectedAt?: string | null, enrolledAt: string, agentVersion?: string | null, address?: string | null, inventory?: unknown | null, latestMetrics?: { __typename?: 'MetricsPoint', at: string, cpuPercent: number, memUsedBytes: number, memTotalBytes: number, load1: number, processCount: number, disks?: Array<{ __typename?: 'DiskUsage', mount: string, usedBytes: number, totalBytes: number }> | null } | null, statusHistory: Array<{ __typename?: 'HostStatusEvent', at: string, change: string, reason?: string | null }>, jobResults: Array<{ __typename?: 'HostJobResult', jobId: string, status: TargetStatus, exitCode?: number | null, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null, error?: string | null }> } | null };

export type HostStatePanelsQueryVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type HostStatePanelsQuery = { __typename?: 'Query', host?: { __typename?: 'Host', id: string, desiredState?: unknown | null, observedState?: unknown | null, drift: Array<{ __typename?: 'DriftItem', key: string, action: string, reason: string, sentence: string, since: string }> } | null };

export type HostRestartsQueryVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type HostRestartsQuery = { __typename?: 'Query', host?: { __typename?: 'Host', id: string, restarts: Array<{ __typename?: 'ProcessRestart', process: string, at: string, exitCode?: number | null, signal?: string | null, count: number, outcome: string }> } | null };

export type HostCronRunsQueryVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type HostCronRunsQuery = { __typename?: 'Query', host?: { __typename?: 'Host', id: string, cronRuns: Array<{ __typename?: 'CronRun', name: string, startedAt: string, status: string }> } | null };

export type HostMetricsRangeQueryVariables = Exact<{
  name: Scalars['String']['input'];
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  step?: InputMaybe<Scalars['Int']['input']>;
}>;


export type HostMetricsRangeQuery = { __typename?: 'Query', hostMetrics: { __typename?: 'HostMetrics', step: number, truncated: boolean, points: Array<{ __typename?: 'MetricsPoint', at: string, cpuPercent: number, cpuMax?: number | null, memUsedBytes: number, memUsedMax?: number | null, memTotalBytes: number, netRxBytesPerSec: number, netTxBytesPerSec: number, load1: number, disks?: Array<{ __typename?: 'DiskUsage', mount: string, usedBytes: number, totalBytes: number }> | null }> } };

export type HostsPageQueryVariables = Exact<{
  selector?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<HostStatus>;
  sort?: InputMaybe<HostSort>;
  direction?: InputMaybe<SortDirection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type HostsPageQuery = { __typename?: 'Query', hosts: { __typename?: 'HostConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, nodes: Array<{ __typename?: 'Host', cpuPercent?: number | null, memoryPercent?: number | null, id: string, name: string, online: boolean, alive: boolean, revoked: boolean, lastSeenAt?: string | null, lastConnectedAt?: string | null, agentVersion?: string | null, address?: string | null, labels: unknown, os?: string | null }> } };

export type JobLiveQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type JobLiveQuery = { __typename?: 'Query', job?: { __typename?: 'Job', id: string, kind: JobKind, command: string, status: JobStatus, selector?: string | null, hosts: Array<string>, batchSize: number, maxFailures?: number | null, timeoutSeconds: number, createdBy: string, createdAt: string, finishedAt?: string | null, lastSeq: number, targets: Array<{ __typename?: 'JobTarget', host: string, status: TargetStatus, exitCode?: number | null, signal?: string | null, stdout?: string | null, stderr?: string | null, stdoutTruncated: boolean, stderrTruncated: boolean, durationMs?: number | null, error?: string | null }> } | null };

export type JobProgressedSubscriptionVariables = Exact<{
  jobId: Scalars['ID']['input'];
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
}>;


export type JobProgressedSubscription = { __typename?: 'Subscription', jobProgressed: { __typename?: 'JobEvent', seq: number, type: string, host?: string | null, status: string, data: unknown } };

export type PauseJobMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PauseJobMutation = { __typename?: 'Mutation', pauseJob: { __typename?: 'Job', id: string, status: JobStatus } };

export type ResumeJobMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ResumeJobMutation = { __typename?: 'Mutation', resumeJob: { __typename?: 'Job', id: string, status: JobStatus } };

export type CancelJobMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelJobMutation = { __typename?: 'Mutation', cancelJob: { __typename?: 'Job', id: string, status: JobStatus } };

export type JobsQueryVariables = Exact<{
  status?: InputMaybe<JobStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type JobsQuery = { __typename?: 'Query', jobs: { __typename?: 'JobConnection', pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, nodes: Array<{ __typename?: 'Job', id: string, kind: JobKind, command: string, status: JobStatus, selector?: string | null, hosts: Array<string>, createdBy: string, createdAt: string, finishedAt?: string | null, counts: { __typename?: 'JobCounts', total: number, done: number, succeeded: number, failed: number, timedOut: number, unreachable: number } }> } };

export type RunPreviewQueryVariables = Exact<{
  selector?: InputMaybe<Scalars['String']['input']>;
  names?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type RunPreviewQuery = { __typename?: 'Query', hosts: { __typename?: 'HostConnection', totalCount: number, nodes: Array<{ __typename?: 'Host', name: string, online: boolean, alive: boolean, revoked: boolean }> } };

export type RunCommandMutationVariables = Exact<{
  input: RunCommandInput;
}>;


export type RunCommandMutation = { __typename?: 'Mutation', runCommand: { __typename?: 'Job', id: string, status: JobStatus } };

export type OverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewQuery = { __typename?: 'Query', fleetSummary: { __typename?: 'FleetSummary', total: number, online: number, alive: number, dead: number, revoked: number }, rolloutStatus: { __typename?: 'RolloutStatus', revision?: number | null, drifted: number, failed: number }, jobs: { __typename?: 'JobConnection', nodes: Array<{ __typename?: 'Job', id: string, command: string, kind: JobKind, status: JobStatus, createdBy: string, createdAt: string, counts: { __typename?: 'JobCounts', total: number, done: number } }> }, fleetEvents: Array<{ __typename?: 'FleetEvent', at: string, host: string, kind: string, change: string, process?: string | null, detail?: string | null }> };

export type FleetTilesQueryVariables = Exact<{ [key: string]: never; }>;


export type FleetTilesQuery = { __typename?: 'Query', fleetTiles: { __typename?: 'FleetTiles', names: Array<string>, states: Array<string>, cpuPercent: Array<number | null> } };

export type FleetMetricsQueryVariables = Exact<{ [key: string]: never; }>;


export type FleetMetricsQuery = { __typename?: 'Query', fleetMetrics: Array<{ __typename?: 'FleetMetricsPoint', at: string, cpuPercent: number, cpuMax: number, memUsedBytes: number, memTotalBytes: number, hosts: number }> };

export type ReportAvailabilityQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
}>;


export type ReportAvailabilityQuery = { __typename?: 'Query', reportAvailability: { __typename?: 'AvailabilityReport', aliveWindowSeconds: number, rows: Array<{ __typename?: 'AvailabilityRow', group: string, periodStart: string, periodEnd: string, hosts: number, availabilityPercent?: number | null, downtimeMinutes: number, outages: number, longestOutageMinutes: number, monitoredMinutes: number }> } };

export type ReportAvailabilityCsvQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
  table?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReportAvailabilityCsvQuery = { __typename?: 'Query', reportAvailability: { __typename?: 'AvailabilityReport', csv: string } };

export type ReportResourcesQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
}>;


export type ReportResourcesQuery = { __typename?: 'Query', reportResources: { __typename?: 'ResourcesReport', cpu: Array<{ __typename?: 'ResourceRow', host: string, hours: number, cpuP95?: number | null, cpuMax: number, memP95?: number | null, memMax: number }>, memory: Array<{ __typename?: 'ResourceRow', host: string, hours: number, cpuP95?: number | null, cpuMax: number, memP95?: number | null, memMax: number }>, disks: Array<{ __typename?: 'DiskRow', host: string, mount: string, days: number, usedP95?: number | null, usedMax: number, sizeBytes: number }>, forecast: Array<{ __typename?: 'DiskForecast', host: string, mount: string, days: number, sizeBytes: number, usedPercent?: number | null, growthBytesPerDay?: number | null, trend: DiskTrend, daysUntilFull?: number | null }> } };

export type ReportResourcesCsvQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
  table?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReportResourcesCsvQuery = { __typename?: 'Query', reportResources: { __typename?: 'ResourcesReport', csv: string } };

export type ReportRestartsQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
}>;


export type ReportRestartsQuery = { __typename?: 'Query', reportRestarts: { __typename?: 'RestartsReport', rows: Array<{ __typename?: 'RestartRow', group: string, process: string, periodStart: string, periodEnd: string, hosts: number, restarts: number, exits: number, gaveUp: number, lastAt?: string | null }>, crashLoops: Array<{ __typename?: 'CrashLoop', host: string, process: string, at: string, restarts: number, exitCode?: number | null, signal?: string | null }> } };

export type ReportRestartsCsvQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
  table?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReportRestartsCsvQuery = { __typename?: 'Query', reportRestarts: { __typename?: 'RestartsReport', csv: string } };

export type ReportCronQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
}>;


export type ReportCronQuery = { __typename?: 'Query', reportCron: { __typename?: 'CronReport', rows: Array<{ __typename?: 'CronRow', group: string, entry: string, periodStart: string, periodEnd: string, hosts: number, runs: number, succeeded: number, failures: number, timedOut: number, skipped: number, successPercent?: number | null, lastFailureAt?: string | null }> } };

export type ReportCronCsvQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
  table?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReportCronCsvQuery = { __typename?: 'Query', reportCron: { __typename?: 'CronReport', csv: string } };

export type ReportChangesQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
}>;


export type ReportChangesQuery = { __typename?: 'Query', reportChanges: { __typename?: 'ChangesReport', rows: Array<{ __typename?: 'ChangeRow', group: string, resource: string, periodStart: string, periodEnd: string, hosts: number, changes: number, intended: number, corrective: number, restarts: number, failed: number, lastAt?: string | null }>, changes: Array<{ __typename?: 'ChangeEntry', host: string, at: string, resource: string, action: string, reason: string, kind: ChangeKind, outcome: ChangeOutcome, revision?: number | null, error?: string | null }> } };

export type ReportChangesCsvQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
  table?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReportChangesCsvQuery = { __typename?: 'Query', reportChanges: { __typename?: 'ChangesReport', csv: string } };

export type ReportCommandsQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
}>;


export type ReportCommandsQuery = { __typename?: 'Query', reportCommands: { __typename?: 'CommandsReport', days: Array<{ __typename?: 'CommandDayRow', periodStart: string, periodEnd: string, jobs: number, targets: number, succeeded: number, failed: number, unreachable: number, cancelled: number, pending: number, successPercent?: number | null }>, users: Array<{ __typename?: 'CommandUserRow', user: string, jobs: number, targets: number, succeeded: number, failed: number, unreachable: number, successPercent?: number | null }>, hosts: Array<{ __typename?: 'CommandHostRow', group: string, hosts: number, targets: number, succeeded: number, failed: number, unreachable: number, successPercent?: number | null }>, slowest: Array<{ __typename?: 'SlowCommand', jobId: string, command: string, user: string, host: string, status: string, durationMs: number, finishedAt?: string | null }> } };

export type ReportCommandsCsvQueryVariables = Exact<{
  input?: InputMaybe<ReportInput>;
  table?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReportCommandsCsvQuery = { __typename?: 'Query', reportCommands: { __typename?: 'CommandsReport', csv: string } };

export const HostRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"alive"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastConnectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"os"}}]}}]} as unknown as DocumentNode<HostRowFragment, unknown>;
export const ApplyResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplyResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"revision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"desiredHash"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"profiles"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sign"}}]}}]}}]}}]} as unknown as DocumentNode<ApplyResultFieldsFragment, unknown>;
export const RolloutRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RolloutRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostRollout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"convergedRevision"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"drift"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}}]}}]} as unknown as DocumentNode<RolloutRowFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const HostUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HostUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"alive"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastConnectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"os"}}]}}]} as unknown as DocumentNode<HostUpdatedSubscription, HostUpdatedSubscriptionVariables>;
export const HostChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HostChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"part"}}]}}]}}]} as unknown as DocumentNode<HostChangedSubscription, HostChangedSubscriptionVariables>;
export const AdminHostsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminHosts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"alive"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"agentLabels"}},{"kind":"Field","name":{"kind":"Name","value":"serverLabels"}}]}}]}}]}}]} as unknown as DocumentNode<AdminHostsQuery, AdminHostsQueryVariables>;
export const SetHostLabelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetHostLabels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"set"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"remove"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setHostLabels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"set"},"value":{"kind":"Variable","name":{"kind":"Name","value":"set"}}},{"kind":"Argument","name":{"kind":"Name","value":"remove"},"value":{"kind":"Variable","name":{"kind":"Name","value":"remove"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"serverLabels"}}]}}]}}]} as unknown as DocumentNode<SetHostLabelsMutation, SetHostLabelsMutationVariables>;
export const RevokeHostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeHost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeHost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"online"}}]}}]}}]} as unknown as DocumentNode<RevokeHostMutation, RevokeHostMutationVariables>;
export const EnrollmentTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollmentTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"maxUses"}},{"kind":"Field","name":{"kind":"Name","value":"uses"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<EnrollmentTokensQuery, EnrollmentTokensQueryVariables>;
export const CreateEnrollmentTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEnrollmentToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEnrollmentTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEnrollmentToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"maxUses"}}]}}]}}]}}]} as unknown as DocumentNode<CreateEnrollmentTokenMutation, CreateEnrollmentTokenMutationVariables>;
export const RevokeEnrollmentTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeEnrollmentToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeEnrollmentToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RevokeEnrollmentTokenMutation, RevokeEnrollmentTokenMutationVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"allowList"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"allowList"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<UpdateUserMutation, UpdateUserMutationVariables>;
export const DeleteUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeleteUserMutation, DeleteUserMutationVariables>;
export const UnlockUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnlockUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlockUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}}]}}]}}]} as unknown as DocumentNode<UnlockUserMutation, UnlockUserMutationVariables>;
export const ArtifactsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Artifacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"artifacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"md5"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"referencedBy"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArtifactsQuery, ArtifactsQueryVariables>;
export const DeleteArtifactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteArtifact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteArtifact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"blobsRemoved"}}]}}]}}]} as unknown as DocumentNode<DeleteArtifactMutation, DeleteArtifactMutationVariables>;
export const AuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorType"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"args"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const AuditEventsCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEventsCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventsCsvQuery, AuditEventsCsvQueryVariables>;
export const AuditRecordedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AuditRecorded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEventRecorded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AuditRecordedSubscription, AuditRecordedSubscriptionVariables>;
export const PlanManifestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanManifests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyManifestsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planManifests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApplyResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplyResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"revision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"desiredHash"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"profiles"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sign"}}]}}]}}]}}]} as unknown as DocumentNode<PlanManifestsQuery, PlanManifestsQueryVariables>;
export const ApplyManifestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyManifests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyManifestsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyManifests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApplyResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplyResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"revision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"desiredHash"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"profiles"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sign"}}]}}]}}]}}]} as unknown as DocumentNode<ApplyManifestsMutation, ApplyManifestsMutationVariables>;
export const ManifestRevisionDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManifestRevisionDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manifestRevision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"rollbackOf"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"line"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentsYaml"}}]}}]}}]} as unknown as DocumentNode<ManifestRevisionDetailQuery, ManifestRevisionDetailQueryVariables>;
export const RevisionChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevisionChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manifestRevisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]}}]}}]} as unknown as DocumentNode<RevisionChoicesQuery, RevisionChoicesQueryVariables>;
export const RevisionDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevisionDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manifestDiff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"change"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"before"},"name":{"kind":"Name","value":"manifestRevision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsYaml"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"after"},"name":{"kind":"Name","value":"manifestRevision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"documentsYaml"}}]}}]}}]} as unknown as DocumentNode<RevisionDiffQuery, RevisionDiffQueryVariables>;
export const ManifestRevisionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManifestRevisions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manifestRevisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"rollbackOf"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManifestRevisionsQuery, ManifestRevisionsQueryVariables>;
export const RevisionFilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevisionFiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manifestRevision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]}}]} as unknown as DocumentNode<RevisionFilesQuery, RevisionFilesQueryVariables>;
export const RollbackPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RollbackPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyManifestsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planManifests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApplyResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplyResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"revision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"desiredHash"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"profiles"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sign"}}]}}]}}]}}]} as unknown as DocumentNode<RollbackPlanQuery, RollbackPlanQueryVariables>;
export const RollbackManifestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RollbackManifests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"revision"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollbackManifests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"revision"},"value":{"kind":"Variable","name":{"kind":"Name","value":"revision"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ApplyResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ApplyResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"revision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"desiredHash"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"profiles"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sign"}}]}}]}}]}}]} as unknown as DocumentNode<RollbackManifestsMutation, RollbackManifestsMutationVariables>;
export const RolloutStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RolloutStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolloutStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RolloutRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RolloutRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostRollout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"convergedRevision"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"drift"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}}]}}]} as unknown as DocumentNode<RolloutStatusQuery, RolloutStatusQueryVariables>;
export const RolloutProgressedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RolloutProgressed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolloutProgressed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RolloutRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RolloutRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostRollout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"convergedRevision"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"drift"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}}]}}]} as unknown as DocumentNode<RolloutProgressedSubscription, RolloutProgressedSubscriptionVariables>;
export const HostDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"alive"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"agentLabels"}},{"kind":"Field","name":{"kind":"Name","value":"serverLabels"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastConnectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"inventory"}},{"kind":"Field","name":{"kind":"Name","value":"latestMetrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memUsedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"memTotalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"load1"}},{"kind":"Field","name":{"kind":"Name","value":"processCount"}},{"kind":"Field","name":{"kind":"Name","value":"disks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mount"}},{"kind":"Field","name":{"kind":"Name","value":"usedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<HostDetailQuery, HostDetailQueryVariables>;
export const HostStatePanelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostStatePanels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"desiredState"}},{"kind":"Field","name":{"kind":"Name","value":"observedState"}},{"kind":"Field","name":{"kind":"Name","value":"drift"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}}]}}]} as unknown as DocumentNode<HostStatePanelsQuery, HostStatePanelsQueryVariables>;
export const HostRestartsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostRestarts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"restarts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]} as unknown as DocumentNode<HostRestartsQuery, HostRestartsQueryVariables>;
export const HostCronRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostCronRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cronRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<HostCronRunsQuery, HostCronRunsQueryVariables>;
export const HostMetricsRangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostMetricsRange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hostMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMax"}},{"kind":"Field","name":{"kind":"Name","value":"memUsedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"memUsedMax"}},{"kind":"Field","name":{"kind":"Name","value":"memTotalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"netRxBytesPerSec"}},{"kind":"Field","name":{"kind":"Name","value":"netTxBytesPerSec"}},{"kind":"Field","name":{"kind":"Name","value":"load1"}},{"kind":"Field","name":{"kind":"Name","value":"disks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mount"}},{"kind":"Field","name":{"kind":"Name","value":"usedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostMetricsRangeQuery, HostMetricsRangeQueryVariables>;
export const HostsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"selector"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostSort"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SortDirection"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"selector"},"value":{"kind":"Variable","name":{"kind":"Name","value":"selector"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostRow"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"memoryPercent"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Host"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"alive"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastConnectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"os"}}]}}]} as unknown as DocumentNode<HostsPageQuery, HostsPageQueryVariables>;
export const JobLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"selector"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"maxFailures"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeq"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"stdout"}},{"kind":"Field","name":{"kind":"Name","value":"stderr"}},{"kind":"Field","name":{"kind":"Name","value":"stdoutTruncated"}},{"kind":"Field","name":{"kind":"Name","value":"stderrTruncated"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<JobLiveQuery, JobLiveQueryVariables>;
export const JobProgressedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"JobProgressed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobProgressed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSeq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<JobProgressedSubscription, JobProgressedSubscriptionVariables>;
export const PauseJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PauseJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pauseJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PauseJobMutation, PauseJobMutationVariables>;
export const ResumeJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ResumeJobMutation, ResumeJobMutationVariables>;
export const CancelJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelJobMutation, CancelJobMutationVariables>;
export const JobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Jobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"selector"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"timedOut"}},{"kind":"Field","name":{"kind":"Name","value":"unreachable"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JobsQuery, JobsQueryVariables>;
export const RunPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"selector"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"names"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"selector"},"value":{"kind":"Variable","name":{"kind":"Name","value":"selector"}}},{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"Variable","name":{"kind":"Name","value":"names"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"12"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"alive"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}}]}}]}}]}}]} as unknown as DocumentNode<RunPreviewQuery, RunPreviewQueryVariables>;
export const RunCommandDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunCommand"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunCommandInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runCommand"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RunCommandMutation, RunCommandMutationVariables>;
export const OverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleetSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"alive"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rolloutStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"drifted"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"RUNNING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fleetEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"15"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const FleetTilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FleetTiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleetTiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"names"}},{"kind":"Field","name":{"kind":"Name","value":"states"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}}]}}]}}]} as unknown as DocumentNode<FleetTilesQuery, FleetTilesQueryVariables>;
export const FleetMetricsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FleetMetrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fleetMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hours"},"value":{"kind":"IntValue","value":"24"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"cpuPercent"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMax"}},{"kind":"Field","name":{"kind":"Name","value":"memUsedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"memTotalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"}}]}}]}}]} as unknown as DocumentNode<FleetMetricsQuery, FleetMetricsQueryVariables>;
export const ReportAvailabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportAvailability"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportAvailability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aliveWindowSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityPercent"}},{"kind":"Field","name":{"kind":"Name","value":"downtimeMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"outages"}},{"kind":"Field","name":{"kind":"Name","value":"longestOutageMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"monitoredMinutes"}}]}}]}}]}}]} as unknown as DocumentNode<ReportAvailabilityQuery, ReportAvailabilityQueryVariables>;
export const ReportAvailabilityCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportAvailabilityCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"table"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportAvailability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"table"},"value":{"kind":"Variable","name":{"kind":"Name","value":"table"}}}]}]}}]}}]} as unknown as DocumentNode<ReportAvailabilityCsvQuery, ReportAvailabilityCsvQueryVariables>;
export const ReportResourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportResources"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportResources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"cpuP95"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMax"}},{"kind":"Field","name":{"kind":"Name","value":"memP95"}},{"kind":"Field","name":{"kind":"Name","value":"memMax"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"cpuP95"}},{"kind":"Field","name":{"kind":"Name","value":"cpuMax"}},{"kind":"Field","name":{"kind":"Name","value":"memP95"}},{"kind":"Field","name":{"kind":"Name","value":"memMax"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"mount"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"usedP95"}},{"kind":"Field","name":{"kind":"Name","value":"usedMax"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"forecast"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"mount"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"usedPercent"}},{"kind":"Field","name":{"kind":"Name","value":"growthBytesPerDay"}},{"kind":"Field","name":{"kind":"Name","value":"trend"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilFull"}}]}}]}}]}}]} as unknown as DocumentNode<ReportResourcesQuery, ReportResourcesQueryVariables>;
export const ReportResourcesCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportResourcesCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"table"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportResources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"table"},"value":{"kind":"Variable","name":{"kind":"Name","value":"table"}}}]}]}}]}}]} as unknown as DocumentNode<ReportResourcesCsvQuery, ReportResourcesCsvQueryVariables>;
export const ReportRestartsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportRestarts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportRestarts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"}},{"kind":"Field","name":{"kind":"Name","value":"restarts"}},{"kind":"Field","name":{"kind":"Name","value":"exits"}},{"kind":"Field","name":{"kind":"Name","value":"gaveUp"}},{"kind":"Field","name":{"kind":"Name","value":"lastAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crashLoops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"restarts"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}}]}}]}}]}}]} as unknown as DocumentNode<ReportRestartsQuery, ReportRestartsQueryVariables>;
export const ReportRestartsCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportRestartsCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"table"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportRestarts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"table"},"value":{"kind":"Variable","name":{"kind":"Name","value":"table"}}}]}]}}]}}]} as unknown as DocumentNode<ReportRestartsCsvQuery, ReportRestartsCsvQueryVariables>;
export const ReportCronDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportCron"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCron"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"entry"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}},{"kind":"Field","name":{"kind":"Name","value":"timedOut"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"successPercent"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}}]}}]}}]}}]} as unknown as DocumentNode<ReportCronQuery, ReportCronQueryVariables>;
export const ReportCronCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportCronCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"table"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCron"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"table"},"value":{"kind":"Variable","name":{"kind":"Name","value":"table"}}}]}]}}]}}]} as unknown as DocumentNode<ReportCronCsvQuery, ReportCronCsvQueryVariables>;
export const ReportChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}},{"kind":"Field","name":{"kind":"Name","value":"intended"}},{"kind":"Field","name":{"kind":"Name","value":"corrective"}},{"kind":"Field","name":{"kind":"Name","value":"restarts"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"lastAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<ReportChangesQuery, ReportChangesQueryVariables>;
export const ReportChangesCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportChangesCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"table"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"table"},"value":{"kind":"Variable","name":{"kind":"Name","value":"table"}}}]}]}}]}}]} as unknown as DocumentNode<ReportChangesCsvQuery, ReportChangesCsvQueryVariables>;
export const ReportCommandsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportCommands"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCommands"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"jobs"}},{"kind":"Field","name":{"kind":"Name","value":"targets"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"unreachable"}},{"kind":"Field","name":{"kind":"Name","value":"cancelled"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"successPercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"jobs"}},{"kind":"Field","name":{"kind":"Name","value":"targets"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"unreachable"}},{"kind":"Field","name":{"kind":"Name","value":"successPercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"hosts"}},{"kind":"Field","name":{"kind":"Name","value":"targets"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"unreachable"}},{"kind":"Field","name":{"kind":"Name","value":"successPercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slowest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"user"}},{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ReportCommandsQuery, ReportCommandsQueryVariables>;
export const ReportCommandsCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportCommandsCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"table"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCommands"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"table"},"value":{"kind":"Variable","name":{"kind":"Name","value":"table"}}}]}]}}]}}]} as unknown as DocumentNode<ReportCommandsCsvQuery, ReportCommandsCsvQueryVariables>;