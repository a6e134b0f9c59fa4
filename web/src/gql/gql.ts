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
    "\n  query AdminHosts($search: String, $first: Int) {\n    hosts(search: $search, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        online\n        alive\n        revoked\n        lastSeenAt\n        agentLabels\n        serverLabels\n      }\n    }\n  }\n": typeof types.AdminHostsDocument,
    "\n  mutation SetHostLabels($name: String!, $set: JSON, $remove: [String!]) {\n    setHostLabels(name: $name, set: $set, remove: $remove) {\n      id\n      labels\n      serverLabels\n    }\n  }\n": typeof types.SetHostLabelsDocument,
    "\n  mutation RevokeHost($name: String!) {\n    revokeHost(name: $name) {\n      id\n      revoked\n      online\n    }\n  }\n": typeof types.RevokeHostDocument,
    "\n  query EnrollmentTokens {\n    enrollmentTokens {\n      id\n      description\n      labels\n      expiresAt\n      maxUses\n      uses\n      createdBy\n      createdAt\n      revokedAt\n      status\n    }\n  }\n": typeof types.EnrollmentTokensDocument,
    "\n  mutation CreateEnrollmentToken($input: CreateEnrollmentTokenInput!) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        expiresAt\n        maxUses\n      }\n    }\n  }\n": typeof types.CreateEnrollmentTokenDocument,
    "\n  mutation RevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeEnrollmentTokenDocument,
    "\n  query Users {\n    users {\n      id\n      username\n      role\n      allowList\n      disabled\n      locked\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($username: String!, $input: UpdateUserInput!) {\n    updateUser(username: $username, input: $input) {\n      id\n      username\n      role\n      allowList\n      disabled\n      updatedAt\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeleteUser($username: String!) {\n    deleteUser(username: $username) {\n      id\n    }\n  }\n": typeof types.DeleteUserDocument,
    "\n  mutation UnlockUser($username: String!) {\n    unlockUser(username: $username) {\n      id\n      locked\n    }\n  }\n": typeof types.UnlockUserDocument,
    "\n  query Artifacts($search: String, $first: Int, $after: String) {\n    artifacts(search: $search, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        name\n        versions {\n          name\n          version\n          sizeBytes\n          sha256\n          md5\n          uploadedBy\n          createdAt\n          referencedBy\n        }\n      }\n    }\n  }\n": typeof types.ArtifactsDocument,
    "\n  mutation DeleteArtifact($name: String!, $version: String) {\n    deleteArtifact(name: $name, version: $version) {\n      deleted {\n        name\n        version\n      }\n      blobsRemoved\n    }\n  }\n": typeof types.DeleteArtifactDocument,
    "\n  query AuditEvents($filter: AuditFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        actorType\n        actor\n        ip\n        action\n        target\n        args\n        outcome\n        reason\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditEventsCsv($filter: AuditFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      csv\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AuditEventsCsvDocument,
    "\n  subscription AuditRecorded {\n    auditEventRecorded {\n      id\n    }\n  }\n": typeof types.AuditRecordedDocument,
    "\n  query PlanManifests($input: ApplyManifestsInput!) {\n    planManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n": typeof types.PlanManifestsDocument,
    "\n  mutation ApplyManifests($input: ApplyManifestsInput!) {\n    applyManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n": typeof types.ApplyManifestsDocument,
    "\n  fragment ApplyResultFields on ApplyResult {\n    applied\n    unchanged\n    revision {\n      id\n    }\n    errors {\n      file\n      line\n      column\n      code\n      message\n    }\n    hosts {\n      host\n      desiredHash\n      changed\n      profiles\n      actions {\n        type\n        key\n        reason\n        message\n        sign\n      }\n    }\n  }\n": typeof types.ApplyResultFieldsFragmentDoc,
    "\n  query ManifestRevisionDetail($id: Int!) {\n    manifestRevision(id: $id) {\n      id\n      createdBy\n      createdAt\n      message\n      source\n      rollbackOf\n      current\n      documents {\n        kind\n        name\n        file\n        line\n      }\n      files {\n        path\n        content\n      }\n      documentsYaml\n    }\n  }\n": typeof types.ManifestRevisionDetailDocument,
    "\n  query RevisionChoices {\n    manifestRevisions(first: 200) {\n      nodes {\n        id\n        message\n        current\n      }\n    }\n  }\n": typeof types.RevisionChoicesDocument,
    "\n  query RevisionDiff($from: Int!, $to: Int!) {\n    manifestDiff(from: $from, to: $to) {\n      kind\n      name\n      change\n    }\n    before: manifestRevision(id: $from) {\n      id\n      documentsYaml\n    }\n    after: manifestRevision(id: $to) {\n      id\n      documentsYaml\n    }\n  }\n": typeof types.RevisionDiffDocument,
    "\n  query ManifestRevisions($first: Int, $after: String) {\n    manifestRevisions(first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        createdBy\n        createdAt\n        message\n        source\n        rollbackOf\n        current\n        documents {\n          kind\n          name\n        }\n      }\n    }\n  }\n": typeof types.ManifestRevisionsDocument,
    "\n  query RevisionFiles($id: Int!) {\n    manifestRevision(id: $id) {\n      id\n      files {\n        path\n        content\n      }\n    }\n  }\n": typeof types.RevisionFilesDocument,
    "\n  query RollbackPlan($input: ApplyManifestsInput!) {\n    planManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n": typeof types.RollbackPlanDocument,
    "\n  mutation RollbackManifests($revision: Int!) {\n    rollbackManifests(revision: $revision) {\n      ...ApplyResultFields\n    }\n  }\n": typeof types.RollbackManifestsDocument,
    "\n  query RolloutStatus {\n    rolloutStatus {\n      revision\n      hosts {\n        ...RolloutRow\n      }\n    }\n  }\n": typeof types.RolloutStatusDocument,
    "\n  fragment RolloutRow on HostRollout {\n    host\n    online\n    status\n    revision\n    convergedRevision\n    error\n    observedAt\n    updatedAt\n    drift {\n      key\n      reason\n      sentence\n    }\n  }\n": typeof types.RolloutRowFragmentDoc,
    "\n  subscription RolloutProgressed {\n    rolloutProgressed {\n      ...RolloutRow\n    }\n  }\n": typeof types.RolloutProgressedDocument,
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
    "\n  query ReportAvailability($input: ReportInput) {\n    reportAvailability(input: $input) {\n      aliveWindowSeconds\n      rows {\n        group\n        periodStart\n        periodEnd\n        hosts\n        availabilityPercent\n        downtimeMinutes\n        outages\n        longestOutageMinutes\n        monitoredMinutes\n      }\n    }\n  }\n": typeof types.ReportAvailabilityDocument,
    "\n  query ReportAvailabilityCsv($input: ReportInput, $table: String) {\n    reportAvailability(input: $input) {\n      csv(table: $table)\n    }\n  }\n": typeof types.ReportAvailabilityCsvDocument,
    "\n  query ReportResources($input: ReportInput) {\n    reportResources(input: $input) {\n      cpu {\n        host\n        hours\n        cpuP95\n        cpuMax\n        memP95\n        memMax\n      }\n      memory {\n        host\n        hours\n        cpuP95\n        cpuMax\n        memP95\n        memMax\n      }\n      disks {\n        host\n        mount\n        days\n        usedP95\n        usedMax\n        sizeBytes\n      }\n      forecast {\n        host\n        mount\n        days\n        sizeBytes\n        usedPercent\n        growthBytesPerDay\n        trend\n        daysUntilFull\n      }\n    }\n  }\n": typeof types.ReportResourcesDocument,
    "\n  query ReportResourcesCsv($input: ReportInput, $table: String) {\n    reportResources(input: $input) {\n      csv(table: $table)\n    }\n  }\n": typeof types.ReportResourcesCsvDocument,
    "\n  query ReportRestarts($input: ReportInput) {\n    reportRestarts(input: $input) {\n      rows {\n        group\n        process\n        periodStart\n        periodEnd\n        hosts\n        restarts\n        exits\n        gaveUp\n        lastAt\n      }\n      crashLoops {\n        host\n        process\n        at\n        restarts\n        exitCode\n        signal\n      }\n    }\n  }\n": typeof types.ReportRestartsDocument,
    "\n  query ReportRestartsCsv($input: ReportInput, $table: String) {\n    reportRestarts(input: $input) {\n      csv(table: $table)\n    }\n  }\n": typeof types.ReportRestartsCsvDocument,
    "\n  query ReportCron($input: ReportInput) {\n    reportCron(input: $input) {\n      rows {\n        group\n        entry\n        periodStart\n        periodEnd\n        hosts\n        runs\n        succeeded\n        failures\n        timedOut\n        skipped\n        successPercent\n        lastFailureAt\n      }\n    }\n  }\n": typeof types.ReportCronDocument,
    "\n  query ReportCronCsv($input: ReportInput, $table: String) {\n    reportCron(input: $input) {\n      csv(table: $table)\n    }\n  }\n": typeof types.ReportCronCsvDocument,
    "\n  query ReportChanges($input: ReportInput) {\n    reportChanges(input: $input) {\n      rows {\n        group\n        resource\n        periodStart\n        periodEnd\n        hosts\n        changes\n        intended\n        corrective\n        restarts\n        failed\n        lastAt\n      }\n      changes {\n        host\n        at\n        resource\n        action\n        reason\n        kind\n        outcome\n        revision\n        error\n      }\n    }\n  }\n": typeof types.ReportChangesDocument,
    "\n  query ReportChangesCsv($input: ReportInput, $table: String) {\n    reportChanges(input: $input) {\n      csv(table: $table)\n    }\n  }\n": typeof types.ReportChangesCsvDocument,
    "\n  query ReportCommands($input: ReportInput) {\n    reportCommands(input: $input) {\n      days {\n        periodStart\n        periodEnd\n        jobs\n        targets\n        succeeded\n        failed\n        unreachable\n        cancelled\n        pending\n        successPercent\n      }\n      users {\n        user\n        jobs\n        targets\n        succeeded\n        failed\n        unreachable\n        successPercent\n      }\n      hosts {\n        group\n        hosts\n        targets\n        succeeded\n        failed\n        unreachable\n        successPercent\n      }\n      slowest {\n        jobId\n        command\n        user\n        host\n        status\n        durationMs\n        finishedAt\n      }\n    }\n  }\n": typeof types.ReportCommandsDocument,
    "\n  query ReportCommandsCsv($input: ReportInput, $table: String) {\n    reportCommands(input: $input) {\n      csv(table: $table)\n    }\n  }\n": typeof types.ReportCommandsCsvDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      username\n      role\n    }\n  }\n": types.MeDocument,
    "\n  fragment HostRow on Host {\n    id\n    name\n    online\n    alive\n    revoked\n    lastSeenAt\n    lastConnectedAt\n    agentVersion\n    address\n    labels\n    os\n  }\n": types.HostRowFragmentDoc,
    "\n  subscription HostUpdated {\n    hostUpdated {\n      ...HostRow\n    }\n  }\n": types.HostUpdatedDocument,
    "\n  subscription HostChanged($name: String!) {\n    hostChanged(name: $name) {\n      host\n      part\n    }\n  }\n": types.HostChangedDocument,
    "\n  query AdminHosts($search: String, $first: Int) {\n    hosts(search: $search, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        online\n        alive\n        revoked\n        lastSeenAt\n        agentLabels\n        serverLabels\n      }\n    }\n  }\n": types.AdminHostsDocument,
    "\n  mutation SetHostLabels($name: String!, $set: JSON, $remove: [String!]) {\n    setHostLabels(name: $name, set: $set, remove: $remove) {\n      id\n      labels\n      serverLabels\n    }\n  }\n": types.SetHostLabelsDocument,
    "\n  mutation RevokeHost($name: String!) {\n    revokeHost(name: $name) {\n      id\n      revoked\n      online\n    }\n  }\n": types.RevokeHostDocument,
    "\n  query EnrollmentTokens {\n    enrollmentTokens {\n      id\n      description\n      labels\n      expiresAt\n      maxUses\n      uses\n      createdBy\n      createdAt\n      revokedAt\n      status\n    }\n  }\n": types.EnrollmentTokensDocument,
    "\n  mutation CreateEnrollmentToken($input: CreateEnrollmentTokenInput!) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        expiresAt\n        maxUses\n      }\n    }\n  }\n": types.CreateEnrollmentTokenDocument,
    "\n  mutation RevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      status\n    }\n  }\n": types.RevokeEnrollmentTokenDocument,
    "\n  query Users {\n    users {\n      id\n      username\n      role\n      allowList\n      disabled\n      locked\n      createdAt\n      updatedAt\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($username: String!, $input: UpdateUserInput!) {\n    updateUser(username: $username, input: $input) {\n      id\n      username\n      role\n      allowList\n      disabled\n      updatedAt\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeleteUser($username: String!) {\n    deleteUser(username: $username) {\n      id\n    }\n  }\n": types.DeleteUserDocument,
    "\n  mutation UnlockUser($username: String!) {\n    unlockUser(username: $username) {\n      id\n      locked\n    }\n  }\n": types.UnlockUserDocument,
    "\n  query Artifacts($search: String, $first: Int, $after: String) {\n    artifacts(search: $search, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        name\n        versions {\n          name\n          version\n          sizeBytes\n          sha256\n          md5\n          uploadedBy\n          createdAt\n          referencedBy\n        }\n      }\n    }\n  }\n": types.ArtifactsDocument,
    "\n  mutation DeleteArtifact($name: String!, $version: String) {\n    deleteArtifact(name: $name, version: $version) {\n      deleted {\n        name\n        version\n      }\n      blobsRemoved\n    }\n  }\n": types.DeleteArtifactDocument,
    "\n  query AuditEvents($filter: AuditFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        actorType\n        actor\n        ip\n        action\n        target\n        args\n        outcome\n        reason\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditEventsCsv($filter: AuditFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      csv\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AuditEventsCsvDocument,
    "\n  subscription AuditRecorded {\n    auditEventRecorded {\n      id\n    }\n  }\n": types.AuditRecordedDocument,
    "\n  query PlanManifests($input: ApplyManifestsInput!) {\n    planManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n": types.PlanManifestsDocument,
    "\n  mutation ApplyManifests($input: ApplyManifestsInput!) {\n    applyManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n": types.ApplyManifestsDocument,
    "\n  fragment ApplyResultFields on ApplyResult {\n    applied\n    unchanged\n    revision {\n      id\n    }\n    errors {\n      file\n      line\n      column\n      code\n      message\n    }\n    hosts {\n      host\n      desiredHash\n      changed\n      profiles\n      actions {\n        type\n        key\n        reason\n        message\n        sign\n      }\n    }\n  }\n": types.ApplyResultFieldsFragmentDoc,
    "\n  query ManifestRevisionDetail($id: Int!) {\n    manifestRevision(id: $id) {\n      id\n      createdBy\n      createdAt\n      message\n      source\n      rollbackOf\n      current\n      documents {\n        kind\n        name\n        file\n        line\n      }\n      files {\n        path\n        content\n      }\n      documentsYaml\n    }\n  }\n": types.ManifestRevisionDetailDocument,
    "\n  query RevisionChoices {\n    manifestRevisions(first: 200) {\n      nodes {\n        id\n        message\n        current\n      }\n    }\n  }\n": types.RevisionChoicesDocument,
    "\n  query RevisionDiff($from: Int!, $to: Int!) {\n    manifestDiff(from: $from, to: $to) {\n      kind\n      name\n      change\n    }\n    before: manifestRevision(id: $from) {\n      id\n      documentsYaml\n    }\n    after: manifestRevision(id: $to) {\n      id\n      documentsYaml\n    }\n  }\n": types.RevisionDiffDocument,
    "\n  query ManifestRevisions($first: Int, $after: String) {\n    manifestRevisions(first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        createdBy\n        createdAt\n        message\n        source\n        rollbackOf\n        current\n        documents {\n          kind\n          name\n        }\n      }\n    }\n  }\n": types.ManifestRevisionsDocument,
    "\n  query RevisionFiles($id: Int!) {\n    manifestRevision(id: $id) {\n      id\n      files {\n        path\n        content\n      }\n    }\n  }\n": types.RevisionFilesDocument,
    "\n  query RollbackPlan($input: ApplyManifestsInput!) {\n    planManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n": types.RollbackPlanDocument,
    "\n  mutation RollbackManifests($revision: Int!) {\n    rollbackManifests(revision: $revision) {\n      ...ApplyResultFields\n    }\n  }\n": types.RollbackManifestsDocument,
    "\n  query RolloutStatus {\n    rolloutStatus {\n      revision\n      hosts {\n        ...RolloutRow\n      }\n    }\n  }\n": types.RolloutStatusDocument,
    "\n  fragment RolloutRow on HostRollout {\n    host\n    online\n    status\n    revision\n    convergedRevision\n    error\n    observedAt\n    updatedAt\n    drift {\n      key\n      reason\n      sentence\n    }\n  }\n": types.RolloutRowFragmentDoc,
    "\n  subscription RolloutProgressed {\n    rolloutProgressed {\n      ...RolloutRow\n    }\n  }\n": types.RolloutProgressedDocument,
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
    "\n  query ReportAvailability($input: ReportInput) {\n    reportAvailability(input: $input) {\n      aliveWindowSeconds\n      rows {\n        group\n        periodStart\n        periodEnd\n        hosts\n        availabilityPercent\n        downtimeMinutes\n        outages\n        longestOutageMinutes\n        monitoredMinutes\n      }\n    }\n  }\n": types.ReportAvailabilityDocument,
    "\n  query ReportAvailabilityCsv($input: ReportInput, $table: String) {\n    reportAvailability(input: $input) {\n      csv(table: $table)\n    }\n  }\n": types.ReportAvailabilityCsvDocument,
    "\n  query ReportResources($input: ReportInput) {\n    reportResources(input: $input) {\n      cpu {\n        host\n        hours\n        cpuP95\n        cpuMax\n        memP95\n        memMax\n      }\n      memory {\n        host\n        hours\n        cpuP95\n        cpuMax\n        memP95\n        memMax\n      }\n      disks {\n        host\n        mount\n        days\n        usedP95\n        usedMax\n        sizeBytes\n      }\n      forecast {\n        host\n        mount\n        days\n        sizeBytes\n        usedPercent\n        growthBytesPerDay\n        trend\n        daysUntilFull\n      }\n    }\n  }\n": types.ReportResourcesDocument,
    "\n  query ReportResourcesCsv($input: ReportInput, $table: String) {\n    reportResources(input: $input) {\n      csv(table: $table)\n    }\n  }\n": types.ReportResourcesCsvDocument,
    "\n  query ReportRestarts($input: ReportInput) {\n    reportRestarts(input: $input) {\n      rows {\n        group\n        process\n        periodStart\n        periodEnd\n        hosts\n        restarts\n        exits\n        gaveUp\n        lastAt\n      }\n      crashLoops {\n        host\n        process\n        at\n        restarts\n        exitCode\n        signal\n      }\n    }\n  }\n": types.ReportRestartsDocument,
    "\n  query ReportRestartsCsv($input: ReportInput, $table: String) {\n    reportRestarts(input: $input) {\n      csv(table: $table)\n    }\n  }\n": types.ReportRestartsCsvDocument,
    "\n  query ReportCron($input: ReportInput) {\n    reportCron(input: $input) {\n      rows {\n        group\n        entry\n        periodStart\n        periodEnd\n        hosts\n        runs\n        succeeded\n        failures\n        timedOut\n        skipped\n        successPercent\n        lastFailureAt\n      }\n    }\n  }\n": types.ReportCronDocument,
    "\n  query ReportCronCsv($input: ReportInput, $table: String) {\n    reportCron(input: $input) {\n      csv(table: $table)\n    }\n  }\n": types.ReportCronCsvDocument,
    "\n  query ReportChanges($input: ReportInput) {\n    reportChanges(input: $input) {\n      rows {\n        group\n        resource\n        periodStart\n        periodEnd\n        hosts\n        changes\n        intended\n        corrective\n        restarts\n        failed\n        lastAt\n      }\n      changes {\n        host\n        at\n        resource\n        action\n        reason\n        kind\n        outcome\n        revision\n        error\n      }\n    }\n  }\n": types.ReportChangesDocument,
    "\n  query ReportChangesCsv($input: ReportInput, $table: String) {\n    reportChanges(input: $input) {\n      csv(table: $table)\n    }\n  }\n": types.ReportChangesCsvDocument,
    "\n  query ReportCommands($input: ReportInput) {\n    reportCommands(input: $input) {\n      days {\n        periodStart\n        periodEnd\n        jobs\n        targets\n        succeeded\n        failed\n        unreachable\n        cancelled\n        pending\n        successPercent\n      }\n      users {\n        user\n        jobs\n        targets\n        succeeded\n        failed\n        unreachable\n        successPercent\n      }\n      hosts {\n        group\n        hosts\n        targets\n        succeeded\n        failed\n        unreachable\n        successPercent\n      }\n      slowest {\n        jobId\n        command\n        user\n        host\n        status\n        durationMs\n        finishedAt\n      }\n    }\n  }\n": types.ReportCommandsDocument,
    "\n  query ReportCommandsCsv($input: ReportInput, $table: String) {\n    reportCommands(input: $input) {\n      csv(table: $table)\n    }\n  }\n": types.ReportCommandsCsvDocument,
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
export function graphql(source: "\n  query AdminHosts($search: String, $first: Int) {\n    hosts(search: $search, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        online\n        alive\n        revoked\n        lastSeenAt\n        agentLabels\n        serverLabels\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminHosts($search: String, $first: Int) {\n    hosts(search: $search, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        online\n        alive\n        revoked\n        lastSeenAt\n        agentLabels\n        serverLabels\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetHostLabels($name: String!, $set: JSON, $remove: [String!]) {\n    setHostLabels(name: $name, set: $set, remove: $remove) {\n      id\n      labels\n      serverLabels\n    }\n  }\n"): (typeof documents)["\n  mutation SetHostLabels($name: String!, $set: JSON, $remove: [String!]) {\n    setHostLabels(name: $name, set: $set, remove: $remove) {\n      id\n      labels\n      serverLabels\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeHost($name: String!) {\n    revokeHost(name: $name) {\n      id\n      revoked\n      online\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeHost($name: String!) {\n    revokeHost(name: $name) {\n      id\n      revoked\n      online\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnrollmentTokens {\n    enrollmentTokens {\n      id\n      description\n      labels\n      expiresAt\n      maxUses\n      uses\n      createdBy\n      createdAt\n      revokedAt\n      status\n    }\n  }\n"): (typeof documents)["\n  query EnrollmentTokens {\n    enrollmentTokens {\n      id\n      description\n      labels\n      expiresAt\n      maxUses\n      uses\n      createdBy\n      createdAt\n      revokedAt\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEnrollmentToken($input: CreateEnrollmentTokenInput!) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        expiresAt\n        maxUses\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEnrollmentToken($input: CreateEnrollmentTokenInput!) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        expiresAt\n        maxUses\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users {\n      id\n      username\n      role\n      allowList\n      disabled\n      locked\n      createdAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    users {\n      id\n      username\n      role\n      allowList\n      disabled\n      locked\n      createdAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($username: String!, $input: UpdateUserInput!) {\n    updateUser(username: $username, input: $input) {\n      id\n      username\n      role\n      allowList\n      disabled\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($username: String!, $input: UpdateUserInput!) {\n    updateUser(username: $username, input: $input) {\n      id\n      username\n      role\n      allowList\n      disabled\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUser($username: String!) {\n    deleteUser(username: $username) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteUser($username: String!) {\n    deleteUser(username: $username) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockUser($username: String!) {\n    unlockUser(username: $username) {\n      id\n      locked\n    }\n  }\n"): (typeof documents)["\n  mutation UnlockUser($username: String!) {\n    unlockUser(username: $username) {\n      id\n      locked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Artifacts($search: String, $first: Int, $after: String) {\n    artifacts(search: $search, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        name\n        versions {\n          name\n          version\n          sizeBytes\n          sha256\n          md5\n          uploadedBy\n          createdAt\n          referencedBy\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Artifacts($search: String, $first: Int, $after: String) {\n    artifacts(search: $search, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        name\n        versions {\n          name\n          version\n          sizeBytes\n          sha256\n          md5\n          uploadedBy\n          createdAt\n          referencedBy\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteArtifact($name: String!, $version: String) {\n    deleteArtifact(name: $name, version: $version) {\n      deleted {\n        name\n        version\n      }\n      blobsRemoved\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteArtifact($name: String!, $version: String) {\n    deleteArtifact(name: $name, version: $version) {\n      deleted {\n        name\n        version\n      }\n      blobsRemoved\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        actorType\n        actor\n        ip\n        action\n        target\n        args\n        outcome\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        actorType\n        actor\n        ip\n        action\n        target\n        args\n        outcome\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEventsCsv($filter: AuditFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      csv\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEventsCsv($filter: AuditFilterInput, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      csv\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AuditRecorded {\n    auditEventRecorded {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription AuditRecorded {\n    auditEventRecorded {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanManifests($input: ApplyManifestsInput!) {\n    planManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n"): (typeof documents)["\n  query PlanManifests($input: ApplyManifestsInput!) {\n    planManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyManifests($input: ApplyManifestsInput!) {\n    applyManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyManifests($input: ApplyManifestsInput!) {\n    applyManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplyResultFields on ApplyResult {\n    applied\n    unchanged\n    revision {\n      id\n    }\n    errors {\n      file\n      line\n      column\n      code\n      message\n    }\n    hosts {\n      host\n      desiredHash\n      changed\n      profiles\n      actions {\n        type\n        key\n        reason\n        message\n        sign\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ApplyResultFields on ApplyResult {\n    applied\n    unchanged\n    revision {\n      id\n    }\n    errors {\n      file\n      line\n      column\n      code\n      message\n    }\n    hosts {\n      host\n      desiredHash\n      changed\n      profiles\n      actions {\n        type\n        key\n        reason\n        message\n        sign\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManifestRevisionDetail($id: Int!) {\n    manifestRevision(id: $id) {\n      id\n      createdBy\n      createdAt\n      message\n      source\n      rollbackOf\n      current\n      documents {\n        kind\n        name\n        file\n        line\n      }\n      files {\n        path\n        content\n      }\n      documentsYaml\n    }\n  }\n"): (typeof documents)["\n  query ManifestRevisionDetail($id: Int!) {\n    manifestRevision(id: $id) {\n      id\n      createdBy\n      createdAt\n      message\n      source\n      rollbackOf\n      current\n      documents {\n        kind\n        name\n        file\n        line\n      }\n      files {\n        path\n        content\n      }\n      documentsYaml\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevisionChoices {\n    manifestRevisions(first: 200) {\n      nodes {\n        id\n        message\n        current\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevisionChoices {\n    manifestRevisions(first: 200) {\n      nodes {\n        id\n        message\n        current\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevisionDiff($from: Int!, $to: Int!) {\n    manifestDiff(from: $from, to: $to) {\n      kind\n      name\n      change\n    }\n    before: manifestRevision(id: $from) {\n      id\n      documentsYaml\n    }\n    after: manifestRevision(id: $to) {\n      id\n      documentsYaml\n    }\n  }\n"): (typeof documents)["\n  query RevisionDiff($from: Int!, $to: Int!) {\n    manifestDiff(from: $from, to: $to) {\n      kind\n      name\n      change\n    }\n    before: manifestRevision(id: $from) {\n      id\n      documentsYaml\n    }\n    after: manifestRevision(id: $to) {\n      id\n      documentsYaml\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManifestRevisions($first: Int, $after: String) {\n    manifestRevisions(first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        createdBy\n        createdAt\n        message\n        source\n        rollbackOf\n        current\n        documents {\n          kind\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ManifestRevisions($first: Int, $after: String) {\n    manifestRevisions(first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        createdBy\n        createdAt\n        message\n        source\n        rollbackOf\n        current\n        documents {\n          kind\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevisionFiles($id: Int!) {\n    manifestRevision(id: $id) {\n      id\n      files {\n        path\n        content\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevisionFiles($id: Int!) {\n    manifestRevision(id: $id) {\n      id\n      files {\n        path\n        content\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RollbackPlan($input: ApplyManifestsInput!) {\n    planManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n"): (typeof documents)["\n  query RollbackPlan($input: ApplyManifestsInput!) {\n    planManifests(input: $input) {\n      ...ApplyResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollbackManifests($revision: Int!) {\n    rollbackManifests(revision: $revision) {\n      ...ApplyResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation RollbackManifests($revision: Int!) {\n    rollbackManifests(revision: $revision) {\n      ...ApplyResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RolloutStatus {\n    rolloutStatus {\n      revision\n      hosts {\n        ...RolloutRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query RolloutStatus {\n    rolloutStatus {\n      revision\n      hosts {\n        ...RolloutRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RolloutRow on HostRollout {\n    host\n    online\n    status\n    revision\n    convergedRevision\n    error\n    observedAt\n    updatedAt\n    drift {\n      key\n      reason\n      sentence\n    }\n  }\n"): (typeof documents)["\n  fragment RolloutRow on HostRollout {\n    host\n    online\n    status\n    revision\n    convergedRevision\n    error\n    observedAt\n    updatedAt\n    drift {\n      key\n      reason\n      sentence\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RolloutProgressed {\n    rolloutProgressed {\n      ...RolloutRow\n    }\n  }\n"): (typeof documents)["\n  subscription RolloutProgressed {\n    rolloutProgressed {\n      ...RolloutRow\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportAvailability($input: ReportInput) {\n    reportAvailability(input: $input) {\n      aliveWindowSeconds\n      rows {\n        group\n        periodStart\n        periodEnd\n        hosts\n        availabilityPercent\n        downtimeMinutes\n        outages\n        longestOutageMinutes\n        monitoredMinutes\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportAvailability($input: ReportInput) {\n    reportAvailability(input: $input) {\n      aliveWindowSeconds\n      rows {\n        group\n        periodStart\n        periodEnd\n        hosts\n        availabilityPercent\n        downtimeMinutes\n        outages\n        longestOutageMinutes\n        monitoredMinutes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportAvailabilityCsv($input: ReportInput, $table: String) {\n    reportAvailability(input: $input) {\n      csv(table: $table)\n    }\n  }\n"): (typeof documents)["\n  query ReportAvailabilityCsv($input: ReportInput, $table: String) {\n    reportAvailability(input: $input) {\n      csv(table: $table)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportResources($input: ReportInput) {\n    reportResources(input: $input) {\n      cpu {\n        host\n        hours\n        cpuP95\n        cpuMax\n        memP95\n        memMax\n      }\n      memory {\n        host\n        hours\n        cpuP95\n        cpuMax\n        memP95\n        memMax\n      }\n      disks {\n        host\n        mount\n        days\n        usedP95\n        usedMax\n        sizeBytes\n      }\n      forecast {\n        host\n        mount\n        days\n        sizeBytes\n        usedPercent\n        growthBytesPerDay\n        trend\n        daysUntilFull\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportResources($input: ReportInput) {\n    reportResources(input: $input) {\n      cpu {\n        host\n        hours\n        cpuP95\n        cpuMax\n        memP95\n        memMax\n      }\n      memory {\n        host\n        hours\n        cpuP95\n        cpuMax\n        memP95\n        memMax\n      }\n      disks {\n        host\n        mount\n        days\n        usedP95\n        usedMax\n        sizeBytes\n      }\n      forecast {\n        host\n        mount\n        days\n        sizeBytes\n        usedPercent\n        growthBytesPerDay\n        trend\n        daysUntilFull\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportResourcesCsv($input: ReportInput, $table: String) {\n    reportResources(input: $input) {\n      csv(table: $table)\n    }\n  }\n"): (typeof documents)["\n  query ReportResourcesCsv($input: ReportInput, $table: String) {\n    reportResources(input: $input) {\n      csv(table: $table)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportRestarts($input: ReportInput) {\n    reportRestarts(input: $input) {\n      rows {\n        group\n        process\n        periodStart\n        periodEnd\n        hosts\n        restarts\n        exits\n        gaveUp\n        lastAt\n      }\n      crashLoops {\n        host\n        process\n        at\n        restarts\n        exitCode\n        signal\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportRestarts($input: ReportInput) {\n    reportRestarts(input: $input) {\n      rows {\n        group\n        process\n        periodStart\n        periodEnd\n        hosts\n        restarts\n        exits\n        gaveUp\n        lastAt\n      }\n      crashLoops {\n        host\n        process\n        at\n        restarts\n        exitCode\n        signal\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportRestartsCsv($input: ReportInput, $table: String) {\n    reportRestarts(input: $input) {\n      csv(table: $table)\n    }\n  }\n"): (typeof documents)["\n  query ReportRestartsCsv($input: ReportInput, $table: String) {\n    reportRestarts(input: $input) {\n      csv(table: $table)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportCron($input: ReportInput) {\n    reportCron(input: $input) {\n      rows {\n        group\n        entry\n        periodStart\n        periodEnd\n        hosts\n        runs\n        succeeded\n        failures\n        timedOut\n        skipped\n        successPercent\n        lastFailureAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportCron($input: ReportInput) {\n    reportCron(input: $input) {\n      rows {\n        group\n        entry\n        periodStart\n        periodEnd\n        hosts\n        runs\n        succeeded\n        failures\n        timedOut\n        skipped\n        successPercent\n        lastFailureAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportCronCsv($input: ReportInput, $table: String) {\n    reportCron(input: $input) {\n      csv(table: $table)\n    }\n  }\n"): (typeof documents)["\n  query ReportCronCsv($input: ReportInput, $table: String) {\n    reportCron(input: $input) {\n      csv(table: $table)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportChanges($input: ReportInput) {\n    reportChanges(input: $input) {\n      rows {\n        group\n        resource\n        periodStart\n        periodEnd\n        hosts\n        changes\n        intended\n        corrective\n        restarts\n        failed\n        lastAt\n      }\n      changes {\n        host\n        at\n        resource\n        action\n        reason\n        kind\n        outcome\n        revision\n        error\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportChanges($input: ReportInput) {\n    reportChanges(input: $input) {\n      rows {\n        group\n        resource\n        periodStart\n        periodEnd\n        hosts\n        changes\n        intended\n        corrective\n        restarts\n        failed\n        lastAt\n      }\n      changes {\n        host\n        at\n        resource\n        action\n        reason\n        kind\n        outcome\n        revision\n        error\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportChangesCsv($input: ReportInput, $table: String) {\n    reportChanges(input: $input) {\n      csv(table: $table)\n    }\n  }\n"): (typeof documents)["\n  query ReportChangesCsv($input: ReportInput, $table: String) {\n    reportChanges(input: $input) {\n      csv(table: $table)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportCommands($input: ReportInput) {\n    reportCommands(input: $input) {\n      days {\n        periodStart\n        periodEnd\n        jobs\n        targets\n        succeeded\n        failed\n        unreachable\n        cancelled\n        pending\n        successPercent\n      }\n      users {\n        user\n        jobs\n        targets\n        succeeded\n        failed\n        unreachable\n        successPercent\n      }\n      hosts {\n        group\n        hosts\n        targets\n        succeeded\n        failed\n        unreachable\n        successPercent\n      }\n      slowest {\n        jobId\n        command\n        user\n        host\n        status\n        durationMs\n        finishedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportCommands($input: ReportInput) {\n    reportCommands(input: $input) {\n      days {\n        periodStart\n        periodEnd\n        jobs\n        targets\n        succeeded\n        failed\n        unreachable\n        cancelled\n        pending\n        successPercent\n      }\n      users {\n        user\n        jobs\n        targets\n        succeeded\n        failed\n        unreachable\n        successPercent\n      }\n      hosts {\n        group\n        hosts\n        targets\n        succeeded\n        failed\n        unreachable\n        successPercent\n      }\n      slowest {\n        jobId\n        command\n        user\n        host\n        status\n        durationMs\n        finishedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportCommandsCsv($input: ReportInput, $table: String) {\n    reportCommands(input: $input) {\n      csv(table: $table)\n    }\n  }\n"): (typeof documents)["\n  query ReportCommandsCsv($input: ReportInput, $table: String) {\n    reportCommands(input: $input) {\n      csv(table: $table)\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;