/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      username\n      role\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment HostRow on Host {\n    id\n    name\n    online\n    alive\n    revoked\n    lastSeenAt\n    lastConnectedAt\n    agentVersion\n    address\n    labels\n    os\n  }\n": typeof types.HostRowFragmentDoc,
    "\n  subscription HostUpdated {\n    hostUpdated {\n      ...HostRow\n    }\n  }\n": typeof types.HostUpdatedDocument,
    "\n  subscription HostChanged($name: String!) {\n    hostChanged(name: $name) {\n      host\n      part\n    }\n  }\n": typeof types.HostChangedDocument,
    "\n  query HostDetail($name: String!, $since: DateTime) {\n    host(name: $name) {\n      id\n      name\n      online\n      alive\n      revoked\n      labels\n      agentLabels\n      serverLabels\n      lastSeenAt\n      lastConnectedAt\n      enrolledAt\n      agentVersion\n      address\n      inventory\n      latestMetrics {\n        at\n        cpuPercent\n        memUsedBytes\n        memTotalBytes\n        load1\n        processCount\n        disks {\n          mount\n          usedBytes\n          totalBytes\n        }\n      }\n      statusHistory(since: $since) {\n        at\n        change\n        reason\n      }\n      jobResults(first: 10) {\n        jobId\n        status\n        exitCode\n        startedAt\n        finishedAt\n        durationMs\n        error\n      }\n    }\n  }\n": typeof types.HostDetailDocument,
    "\n  query HostStatePanels($name: String!) {\n    host(name: $name) {\n      id\n      desiredState\n      observedState\n      drift {\n        key\n        action\n        reason\n        sentence\n        since\n      }\n    }\n  }\n": typeof types.HostStatePanelsDocument,
    "\n  query HostRestarts($name: String!) {\n    host(name: $name) {\n      id\n      restarts(first: 20) {\n        process\n        at\n        exitCode\n        signal\n        count\n        outcome\n      }\n    }\n  }\n": typeof types.HostRestartsDocument,
    "\n  query HostCronRuns($name: String!) {\n    host(name: $name) {\n      id\n      cronRuns(first: 50) {\n        name\n        startedAt\n        status\n      }\n    }\n  }\n": typeof types.HostCronRunsDocument,
    "\n  query HostMetricsRange($name: String!, $from: DateTime, $to: DateTime, $step: Int) {\n    hostMetrics(name: $name, from: $from, to: $to, step: $step) {\n      step\n      truncated\n      points {\n        at\n        cpuPercent\n        cpuMax\n        memUsedBytes\n        memUsedMax\n        memTotalBytes\n        netRxBytesPerSec\n        netTxBytesPerSec\n        load1\n        disks {\n          mount\n          usedBytes\n          totalBytes\n        }\n      }\n    }\n  }\n": typeof types.HostMetricsRangeDocument,
    "\n  query HostsPage($selector: String, $search: String, $status: HostStatus, $sort: HostSort, $direction: SortDirection, $first: Int, $after: String) {\n    hosts(selector: $selector, search: $search, status: $status, sort: $sort, direction: $direction, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...HostRow\n        cpuPercent\n        memoryPercent\n      }\n    }\n  }\n": typeof types.HostsPageDocument,
    "\n  query JobLive($id: ID!) {\n    job(id: $id) {\n      id\n      kind\n      command\n      status\n      selector\n      hosts\n      batchSize\n      maxFailures\n      timeoutSeconds\n      createdBy\n      createdAt\n      finishedAt\n      lastSeq\n      targets {\n        host\n        status\n        exitCode\n        signal\n        stdout\n        stderr\n        stdoutTruncated\n        stderrTruncated\n        durationMs\n        error\n      }\n    }\n  }\n": typeof types.JobLiveDocument,
    "\n  subscription JobProgressed($jobId: ID!, $afterSeq: Int) {\n    jobProgressed(jobId: $jobId, afterSeq: $afterSeq) {\n      seq\n      type\n      host\n      status\n      data\n    }\n  }\n": typeof types.JobProgressedDocument,
    "\n  mutation PauseJob($id: ID!) {\n    pauseJob(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PauseJobDocument,
    "\n  mutation ResumeJob($id: ID!) {\n    resumeJob(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ResumeJobDocument,
    "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelJobDocument,
    "\n  query Jobs($status: JobStatus, $first: Int, $after: String) {\n    jobs(status: $status, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        kind\n        command\n        status\n        selector\n        hosts\n        createdBy\n        createdAt\n        finishedAt\n        counts {\n          total\n          done\n          succeeded\n          failed\n          timedOut\n          unreachable\n        }\n      }\n    }\n  }\n": typeof types.JobsDocument,
    "\n  query RunPreview($selector: String, $names: [String!]) {\n    hosts(selector: $selector, names: $names, first: 12) {\n      totalCount\n      nodes {\n        name\n        online\n        alive\n        revoked\n      }\n    }\n  }\n": typeof types.RunPreviewDocument,
    "\n  mutation RunCommand($input: RunCommandInput!) {\n    runCommand(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RunCommandDocument,
    "\n  query Overview {\n    fleetSummary {\n      total\n      online\n      alive\n      dead\n      revoked\n    }\n    rolloutStatus {\n      revision\n      drifted\n      failed\n    }\n    jobs(status: RUNNING, first: 10) {\n      nodes {\n        id\n        command\n        kind\n        status\n        createdBy\n        createdAt\n        counts {\n          total\n          done\n        }\n      }\n    }\n    fleetEvents(first: 15) {\n      at\n      host\n      kind\n      change\n      process\n      detail\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query FleetTiles {\n    fleetTiles {\n      names\n      states\n      cpuPercent\n    }\n  }\n": typeof types.FleetTilesDocument,
    "\n  query FleetMetrics {\n    fleetMetrics(hours: 24) {\n      at\n      cpuPercent\n      cpuMax\n      memUsedBytes\n      memTotalBytes\n      hosts\n    }\n  }\n": typeof types.FleetMetricsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      username\n      role\n    }\n  }\n": types.MeDocument,
    "\n  fragment HostRow on Host {\n    id\n    name\n    online\n    alive\n    revoked\n    lastSeenAt\n    lastConnectedAt\n    agentVersion\n    address\n    labels\n    os\n  }\n": types.HostRowFragmentDoc,
    "\n  subscription HostUpdated {\n    hostUpdated {\n      ...HostRow\n    }\n  }\n": types.HostUpdatedDocument,
    "\n  subscription HostChanged($name: String!) {\n    hostChanged(name: $name) {\n      host\n      part\n    }\n  }\n": types.HostChangedDocument,
    "\n  query HostDetail($name: String!, $since: DateTime) {\n    host(name: $name) {\n      id\n      name\n      online\n      alive\n      revoked\n      labels\n      agentLabels\n      serverLabels\n      lastSeenAt\n      lastConnectedAt\n      enrolledAt\n      agentVersion\n      address\n      inventory\n      latestMetrics {\n        at\n        cpuPercent\n        memUsedBytes\n        memTotalBytes\n        load1\n        processCount\n        disks {\n          mount\n          usedBytes\n          totalBytes\n        }\n      }\n      statusHistory(since: $since) {\n        at\n        change\n        reason\n      }\n      jobResults(first: 10) {\n        jobId\n        status\n        exitCode\n        startedAt\n        finishedAt\n        durationMs\n        error\n      }\n    }\n  }\n": types.HostDetailDocument,
    "\n  query HostStatePanels($name: String!) {\n    host(name: $name) {\n      id\n      desiredState\n      observedState\n      drift {\n        key\n        action\n        reason\n        sentence\n        since\n      }\n    }\n  }\n": types.HostStatePanelsDocument,
    "\n  query HostRestarts($name: String!) {\n    host(name: $name) {\n      id\n      restarts(first: 20) {\n        process\n        at\n        exitCode\n        signal\n        count\n        outcome\n      }\n    }\n  }\n": types.HostRestartsDocument,
    "\n  query HostCronRuns($name: String!) {\n    host(name: $name) {\n      id\n      cronRuns(first: 50) {\n        name\n        startedAt\n        status\n      }\n    }\n  }\n": types.HostCronRunsDocument,
    "\n  query HostMetricsRange($name: String!, $from: DateTime, $to: DateTime, $step: Int) {\n    hostMetrics(name: $name, from: $from, to: $to, step: $step) {\n      step\n      truncated\n      points {\n        at\n        cpuPercent\n        cpuMax\n        memUsedBytes\n        memUsedMax\n        memTotalBytes\n        netRxBytesPerSec\n        netTxBytesPerSec\n        load1\n        disks {\n          mount\n          usedBytes\n          totalBytes\n        }\n      }\n    }\n  }\n": types.HostMetricsRangeDocument,
    "\n  query HostsPage($selector: String, $search: String, $status: HostStatus, $sort: HostSort, $direction: SortDirection, $first: Int, $after: String) {\n    hosts(selector: $selector, search: $search, status: $status, sort: $sort, direction: $direction, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...HostRow\n        cpuPercent\n        memoryPercent\n      }\n    }\n  }\n": types.HostsPageDocument,
    "\n  query JobLive($id: ID!) {\n    job(id: $id) {\n      id\n      kind\n      command\n      status\n      selector\n      hosts\n      batchSize\n      maxFailures\n      timeoutSeconds\n      createdBy\n      createdAt\n      finishedAt\n      lastSeq\n      targets {\n        host\n        status\n        exitCode\n        signal\n        stdout\n        stderr\n        stdoutTruncated\n        stderrTruncated\n        durationMs\n        error\n      }\n    }\n  }\n": types.JobLiveDocument,
    "\n  subscription JobProgressed($jobId: ID!, $afterSeq: Int) {\n    jobProgressed(jobId: $jobId, afterSeq: $afterSeq) {\n      seq\n      type\n      host\n      status\n      data\n    }\n  }\n": types.JobProgressedDocument,
    "\n  mutation PauseJob($id: ID!) {\n    pauseJob(id: $id) {\n      id\n      status\n    }\n  }\n": types.PauseJobDocument,
    "\n  mutation ResumeJob($id: ID!) {\n    resumeJob(id: $id) {\n      id\n      status\n    }\n  }\n": types.ResumeJobDocument,
    "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelJobDocument,
    "\n  query Jobs($status: JobStatus, $first: Int, $after: String) {\n    jobs(status: $status, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        kind\n        command\n        status\n        selector\n        hosts\n        createdBy\n        createdAt\n        finishedAt\n        counts {\n          total\n          done\n          succeeded\n          failed\n          timedOut\n          unreachable\n        }\n      }\n    }\n  }\n": types.JobsDocument,
    "\n  query RunPreview($selector: String, $names: [String!]) {\n    hosts(selector: $selector, names: $names, first: 12) {\n      totalCount\n      nodes {\n        name\n        online\n        alive\n        revoked\n      }\n    }\n  }\n": types.RunPreviewDocument,
    "\n  mutation RunCommand($input: RunCommandInput!) {\n    runCommand(input: $input) {\n      id\n      status\n    }\n  }\n": types.RunCommandDocument,
    "\n  query Overview {\n    fleetSummary {\n      total\n      online\n      alive\n      dead\n      revoked\n    }\n    rolloutStatus {\n      revision\n      drifted\n      failed\n    }\n    jobs(status: RUNNING, first: 10) {\n      nodes {\n        id\n        command\n        kind\n        status\n        createdBy\n        createdAt\n        counts {\n          total\n          done\n        }\n      }\n    }\n    fleetEvents(first: 15) {\n      at\n      host\n      kind\n      change\n      process\n      detail\n    }\n  }\n": types.OverviewDocument,
    "\n  query FleetTiles {\n    fleetTiles {\n      names\n      states\n      cpuPercent\n    }\n  }\n": types.FleetTilesDocument,
    "\n  query FleetMetrics {\n    fleetMetrics(hours: 24) {\n      at\n      cpuPercent\n      cpuMax\n      memUsedBytes\n      memTotalBytes\n      hosts\n    }\n  }\n": types.FleetMetricsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      username\n      role\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      username\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HostRow on Host {\n    id\n    name\n    online\n    alive\n    revoked\n    lastSeenAt\n    lastConnectedAt\n    agentVersion\n    address\n    labels\n    os\n  }\n"): (typeof documents)["\n  fragment HostRow on Host {\n    id\n    name\n    online\n    alive\n    revoked\n    lastSeenAt\n    lastConnectedAt\n    agentVersion\n    address\n    labels\n    os\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HostUpdated {\n    hostUpdated {\n      ...HostRow\n    }\n  }\n"): (typeof documents)["\n  subscription HostUpdated {\n    hostUpdated {\n      ...HostRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HostChanged($name: String!) {\n    hostChanged(name: $name) {\n      host\n      part\n    }\n  }\n"): (typeof documents)["\n  subscription HostChanged($name: String!) {\n    hostChanged(name: $name) {\n      host\n      part\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostDetail($name: String!, $since: DateTime) {\n    host(name: $name) {\n      id\n      name\n      online\n      alive\n      revoked\n      labels\n      agentLabels\n      serverLabels\n      lastSeenAt\n      lastConnectedAt\n      enrolledAt\n      agentVersion\n      address\n      inventory\n      latestMetrics {\n        at\n        cpuPercent\n        memUsedBytes\n        memTotalBytes\n        load1\n        processCount\n        disks {\n          mount\n          usedBytes\n          totalBytes\n        }\n      }\n      statusHistory(since: $since) {\n        at\n        change\n        reason\n      }\n      jobResults(first: 10) {\n        jobId\n        status\n        exitCode\n        startedAt\n        finishedAt\n        durationMs\n        error\n      }\n    }\n  }\n"): (typeof documents)["\n  query HostDetail($name: String!, $since: DateTime) {\n    host(name: $name) {\n      id\n      name\n      online\n      alive\n      revoked\n      labels\n      agentLabels\n      serverLabels\n      lastSeenAt\n      lastConnectedAt\n      enrolledAt\n      agentVersion\n      address\n      inventory\n      latestMetrics {\n        at\n        cpuPercent\n        memUsedBytes\n        memTotalBytes\n        load1\n        processCount\n        disks {\n          mount\n          usedBytes\n          totalBytes\n        }\n      }\n      statusHistory(since: $since) {\n        at\n        change\n        reason\n      }\n      jobResults(first: 10) {\n        jobId\n        status\n        exitCode\n        startedAt\n        finishedAt\n        durationMs\n        error\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostStatePanels($name: String!) {\n    host(name: $name) {\n      id\n      desiredState\n      observedState\n      drift {\n        key\n        action\n        reason\n        sentence\n        since\n      }\n    }\n  }\n"): (typeof documents)["\n  query HostStatePanels($name: String!) {\n    host(name: $name) {\n      id\n      desiredState\n      observedState\n      drift {\n        key\n        action\n        reason\n        sentence\n        since\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostRestarts($name: String!) {\n    host(name: $name) {\n      id\n      restarts(first: 20) {\n        process\n        at\n        exitCode\n        signal\n        count\n        outcome\n      }\n    }\n  }\n"): (typeof documents)["\n  query HostRestarts($name: String!) {\n    host(name: $name) {\n      id\n      restarts(first: 20) {\n        process\n        at\n        exitCode\n        signal\n        count\n        outcome\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostCronRuns($name: String!) {\n    host(name: $name) {\n      id\n      cronRuns(first: 50) {\n        name\n        startedAt\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query HostCronRuns($name: String!) {\n    host(name: $name) {\n      id\n      cronRuns(first: 50) {\n        name\n        startedAt\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostMetricsRange($name: String!, $from: DateTime, $to: DateTime, $step: Int) {\n    hostMetrics(name: $name, from: $from, to: $to, step: $step) {\n      step\n      truncated\n      points {\n        at\n        cpuPercent\n        cpuMax\n        memUsedBytes\n        memUsedMax\n        memTotalBytes\n        netRxBytesPerSec\n        netTxBytesPerSec\n        load1\n        disks {\n          mount\n          usedBytes\n          totalBytes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HostMetricsRange($name: String!, $from: DateTime, $to: DateTime, $step: Int) {\n    hostMetrics(name: $name, from: $from, to: $to, step: $step) {\n      step\n      truncated\n      points {\n        at\n        cpuPercent\n        cpuMax\n        memUsedBytes\n        memUsedMax\n        memTotalBytes\n        netRxBytesPerSec\n        netTxBytesPerSec\n        load1\n        disks {\n          mount\n          usedBytes\n          totalBytes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostsPage($selector: String, $search: String, $status: HostStatus, $sort: HostSort, $direction: SortDirection, $first: Int, $after: String) {\n    hosts(selector: $selector, search: $search, status: $status, sort: $sort, direction: $direction, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...HostRow\n        cpuPercent\n        memoryPercent\n      }\n    }\n  }\n"): (typeof documents)["\n  query HostsPage($selector: String, $search: String, $status: HostStatus, $sort: HostSort, $direction: SortDirection, $first: Int, $after: String) {\n    hosts(selector: $selector, search: $search, status: $status, sort: $sort, direction: $direction, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...HostRow\n        cpuPercent\n        memoryPercent\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobLive($id: ID!) {\n    job(id: $id) {\n      id\n      kind\n      command\n      status\n      selector\n      hosts\n      batchSize\n      maxFailures\n      timeoutSeconds\n      createdBy\n      createdAt\n      finishedAt\n      lastSeq\n      targets {\n        host\n        status\n        exitCode\n        signal\n        stdout\n        stderr\n        stdoutTruncated\n        stderrTruncated\n        durationMs\n        error\n      }\n    }\n  }\n"): (typeof documents)["\n  query JobLive($id: ID!) {\n    job(id: $id) {\n      id\n      kind\n      command\n      status\n      selector\n      hosts\n      batchSize\n      maxFailures\n      timeoutSeconds\n      createdBy\n      createdAt\n      finishedAt\n      lastSeq\n      targets {\n        host\n        status\n        exitCode\n        signal\n        stdout\n        stderr\n        stdoutTruncated\n        stderrTruncated\n        durationMs\n        error\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JobProgressed($jobId: ID!, $afterSeq: Int) {\n    jobProgressed(jobId: $jobId, afterSeq: $afterSeq) {\n      seq\n      type\n      host\n      status\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription JobProgressed($jobId: ID!, $afterSeq: Int) {\n    jobProgressed(jobId: $jobId, afterSeq: $afterSeq) {\n      seq\n      type\n      host\n      status\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseJob($id: ID!) {\n    pauseJob(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PauseJob($id: ID!) {\n    pauseJob(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeJob($id: ID!) {\n    resumeJob(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeJob($id: ID!) {\n    resumeJob(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jobs($status: JobStatus, $first: Int, $after: String) {\n    jobs(status: $status, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        kind\n        command\n        status\n        selector\n        hosts\n        createdBy\n        createdAt\n        finishedAt\n        counts {\n          total\n          done\n          succeeded\n          failed\n          timedOut\n          unreachable\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Jobs($status: JobStatus, $first: Int, $after: String) {\n    jobs(status: $status, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        kind\n        command\n        status\n        selector\n        hosts\n        createdBy\n        createdAt\n        finishedAt\n        counts {\n          total\n          done\n          succeeded\n          failed\n          timedOut\n          unreachable\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunPreview($selector: String, $names: [String!]) {\n    hosts(selector: $selector, names: $names, first: 12) {\n      totalCount\n      nodes {\n        name\n        online\n        alive\n        revoked\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunPreview($selector: String, $names: [String!]) {\n    hosts(selector: $selector, names: $names, first: 12) {\n      totalCount\n      nodes {\n        name\n        online\n        alive\n        revoked\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunCommand($input: RunCommandInput!) {\n    runCommand(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RunCommand($input: RunCommandInput!) {\n    runCommand(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview {\n    fleetSummary {\n      total\n      online\n      alive\n      dead\n      revoked\n    }\n    rolloutStatus {\n      revision\n      drifted\n      failed\n    }\n    jobs(status: RUNNING, first: 10) {\n      nodes {\n        id\n        command\n        kind\n        status\n        createdBy\n        createdAt\n        counts {\n          total\n          done\n        }\n      }\n    }\n    fleetEvents(first: 15) {\n      at\n      host\n      kind\n      change\n      process\n      detail\n    }\n  }\n"): (typeof documents)["\n  query Overview {\n    fleetSummary {\n      total\n      online\n      alive\n      dead\n      revoked\n    }\n    rolloutStatus {\n      revision\n      drifted\n      failed\n    }\n    jobs(status: RUNNING, first: 10) {\n      nodes {\n        id\n        command\n        kind\n        status\n        createdBy\n        createdAt\n        counts {\n          total\n          done\n        }\n      }\n    }\n    fleetEvents(first: 15) {\n      at\n      host\n      kind\n      change\n      process\n      detail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FleetTiles {\n    fleetTiles {\n      names\n      states\n      cpuPercent\n    }\n  }\n"): (typeof documents)["\n  query FleetTiles {\n    fleetTiles {\n      names\n      states\n      cpuPercent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FleetMetrics {\n    fleetMetrics(hours: 24) {\n      at\n      cpuPercent\n      cpuMax\n      memUsedBytes\n      memTotalBytes\n      hosts\n    }\n  }\n"): (typeof documents)["\n  query FleetMetrics {\n    fleetMetrics(hours: 24) {\n      at\n      cpuPercent\n      cpuMax\n      memUsedBytes\n      memTotalBytes\n      hosts\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;