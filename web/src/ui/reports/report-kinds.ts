/**
 * Every report the Reports page shows, as data: its query, its tables (columns are fields of the
 * rows) and what its chart plots. Adding a report kind is one entry here plus its messages; the
 * page, the table, the chart and the CSV download are generic. The CSV is always the server's
 * `csv(table:)` field — the file `ioms report KIND -o csv --table NAME` writes — never rebuilt here.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql';
import type { CellFormat, ReportChartDef } from './report-chart';

export type { CellFormat } from './report-chart';


export interface ReportColumnDef {
  /** Field of the row. */
  readonly field: string;
  /** Catalogue key of the header. */
  readonly label: string;
  readonly format: CellFormat;
}

export interface ReportTableDef {
  /** The server's table name (`csv(table:)`, the CLI's `--table`). */
  readonly name: string;
  /** Catalogue key of the table's title. */
  readonly title: string;
  /** Field of the report holding the rows. */
  readonly field: string;
  readonly columns: readonly ReportColumnDef[];
}


export type ReportVariables = { input: { from: string; to: string; by: string; selector?: string | null; period: 'ALL' | 'DAY' | 'WEEK' | 'MONTH' }; table?: string | null };

export interface ReportKindDef {
  readonly kind: string;
  /** Whether the report has per-period rows (the period control applies). */
  readonly periodic: boolean;
  /** Whether the report groups by host or label (the "group by" control applies). */
  readonly grouped: boolean;
  readonly query: TypedDocumentNode<Record<string, unknown>, ReportVariables>;
  readonly csv: TypedDocumentNode<Record<string, { csv: string }>, ReportVariables>;
  /** Field of the query's data holding the report. */
  readonly field: string;
  readonly tables: readonly ReportTableDef[];
  readonly chart: ReportChartDef;
}

const AvailabilityDoc = graphql(`
  query ReportAvailability($input: ReportInput) {
    reportAvailability(input: $input) {
      aliveWindowSeconds
      rows {
        group
        periodStart
        periodEnd
        hosts
        availabilityPercent
        downtimeMinutes
        outages
        longestOutageMinutes
        monitoredMinutes
      }
    }
  }
`);
const AvailabilityCsvDoc = graphql(`
  query ReportAvailabilityCsv($input: ReportInput, $table: String) {
    reportAvailability(input: $input) {
      csv(table: $table)
    }
  }
`);

const ResourcesDoc = graphql(`
  query ReportResources($input: ReportInput) {
    reportResources(input: $input) {
      cpu {
        host
        hours
        cpuP95
        cpuMax
        memP95
        memMax
      }
      memory {
        host
        hours
        cpuP95
        cpuMax
        memP95
        memMax
      }
      disks {
        host
        mount
        days
        usedP95
        usedMax
        sizeBytes
      }
      forecast {
        host
        mount
        days
        sizeBytes
        usedPercent
        growthBytesPerDay
        trend
        daysUntilFull
      }
    }
  }
`);
const ResourcesCsvDoc = graphql(`
  query ReportResourcesCsv($input: ReportInput, $table: String) {
    reportResources(input: $input) {
      csv(table: $table)
    }
  }
`);

const RestartsDoc = graphql(`
  query ReportRestarts($input: ReportInput) {
    reportRestarts(input: $input) {
      rows {
        group
        process
        periodStart
        periodEnd
        hosts
        restarts
        exits
        gaveUp
        lastAt
      }
      crashLoops {
        host
        process
        at
        restarts
        exitCode
        signal
      }
    }
  }
`);
const RestartsCsvDoc = graphql(`
  query ReportRestartsCsv($input: ReportInput, $table: String) {
    reportRestarts(input: $input) {
      csv(table: $table)
    }
  }
`);

const CronDoc = graphql(`
  query ReportCron($input: ReportInput) {
    reportCron(input: $input) {
      rows {
        group
        entry
        periodStart
        periodEnd
        hosts
        runs
        succeeded
        failures
        timedOut
        skipped
        successPercent
        lastFailureAt
      }
    }
  }
`);
const CronCsvDoc = graphql(`
  query ReportCronCsv($input: ReportInput, $table: String) {
    reportCron(input: $input) {
      csv(table: $table)
    }
  }
`);

const ChangesDoc = graphql(`
  query ReportChanges($input: ReportInput) {
    reportChanges(input: $input) {
      rows {
        group
        resource
        periodStart
        periodEnd
        hosts
        changes
        intended
        corrective
        restarts
        failed
        lastAt
      }
      changes {
        host
        at
        resource
        action
        reason
        kind
        outcome
        revision
        error
      }
    }
  }
`);
const ChangesCsvDoc = graphql(`
  query ReportChangesCsv($input: ReportInput, $table: String) {
    reportChanges(input: $input) {
      csv(table: $table)
    }
  }
`);

const CommandsDoc = graphql(`
  query ReportCommands($input: ReportInput) {
    reportCommands(input: $input) {
      days {
        periodStart
        periodEnd
        jobs
        targets
        succeeded
        failed
        unreachable
        cancelled
        pending
        successPercent
      }
      users {
        user
        jobs
        targets
        succeeded
        failed
        unreachable
        successPercent
      }
      hosts {
        group
        hosts
        targets
        succeeded
        failed
        unreachable
        successPercent
      }
      slowest {
        jobId
        command
        user
        host
        status
        durationMs
        finishedAt
      }
    }
  }
`);
const CommandsCsvDoc = graphql(`
  query ReportCommandsCsv($input: ReportInput, $table: String) {
    reportCommands(input: $input) {
      csv(table: $table)
    }
  }
`);

const col = (field: string, format: CellFormat, label = `reports.col.${field}`): ReportColumnDef => ({ field, label, format });
const PERIOD = [col('periodStart', 'date'), col('periodEnd', 'date')];
const TALLY = [col('targets', 'int'), col('succeeded', 'int'), col('failed', 'int'), col('unreachable', 'int'), col('successPercent', 'pct')];
const RESOURCE = [col('host', 'mono'), col('hours', 'int'), col('cpuP95', 'pct'), col('cpuMax', 'pct'), col('memP95', 'pct'), col('memMax', 'pct')];

const doc = <T>(d: T) => d as unknown as TypedDocumentNode<Record<string, unknown>, ReportVariables>;
const csvDoc = <T>(d: T) => d as unknown as TypedDocumentNode<Record<string, { csv: string }>, ReportVariables>;

export const REPORT_KINDS: readonly ReportKindDef[] = [
  {
    kind: 'availability',
    periodic: true,
    grouped: true,
    query: doc(AvailabilityDoc),
    csv: csvDoc(AvailabilityCsvDoc),
    field: 'reportAvailability',
    tables: [{ name: 'availability', title: 'reports.table.availability', field: 'rows', columns: [col('group', 'mono'), ...PERIOD, col('hosts', 'int'), col('availabilityPercent', 'pct'), col('downtimeMinutes', 'min'), col('outages', 'int'), col('longestOutageMinutes', 'min'), col('monitoredMinutes', 'min')] }],
    chart: {
      table: 'availability',
      group: 'group',
      metrics: [
        { field: 'availabilityPercent', label: 'reports.col.availabilityPercent', format: 'pct' },
        { field: 'downtimeMinutes', label: 'reports.col.downtimeMinutes', format: 'min' },
        { field: 'outages', label: 'reports.col.outages', format: 'int' },
      ],
    },
  },
  {
    kind: 'resources',
    periodic: false,
    grouped: false,
    query: doc(ResourcesDoc),
    csv: csvDoc(ResourcesCsvDoc),
    field: 'reportResources',
    tables: [
      { name: 'cpu', title: 'reports.table.cpu', field: 'cpu', columns: RESOURCE },
      { name: 'memory', title: 'reports.table.memory', field: 'memory', columns: RESOURCE },
      { name: 'disks', title: 'reports.table.disks', field: 'disks', columns: [col('host', 'mono'), col('mount', 'mono'), col('days', 'int'), col('usedP95', 'pct'), col('usedMax', 'pct'), col('sizeBytes', 'bytes')] },
      { name: 'forecast', title: 'reports.table.forecast', field: 'forecast', columns: [col('host', 'mono'), col('mount', 'mono'), col('days', 'int'), col('sizeBytes', 'bytes'), col('usedPercent', 'pct'), col('growthBytesPerDay', 'bytes'), col('trend', 'text'), col('daysUntilFull', 'number')] },
    ],
    chart: {
      table: 'cpu',
      group: 'host',
      metrics: [
        { field: 'cpuP95', label: 'reports.col.cpuP95', format: 'pct' },
        { field: 'cpuMax', label: 'reports.col.cpuMax', format: 'pct' },
      ],
    },
  },
  {
    kind: 'restarts',
    periodic: true,
    grouped: true,
    query: doc(RestartsDoc),
    csv: csvDoc(RestartsCsvDoc),
    field: 'reportRestarts',
    tables: [
      { name: 'restarts', title: 'reports.table.restarts', field: 'rows', columns: [col('group', 'mono'), col('process', 'mono'), ...PERIOD, col('hosts', 'int'), col('restarts', 'int'), col('exits', 'int'), col('gaveUp', 'int'), col('lastAt', 'date')] },
      { name: 'crash-loops', title: 'reports.table.crashLoops', field: 'crashLoops', columns: [col('host', 'mono'), col('process', 'mono'), col('at', 'date'), col('restarts', 'int'), col('exitCode', 'int'), col('signal', 'mono')] },
    ],
    chart: {
      table: 'restarts',
      group: 'group',
      subgroup: 'process',
      metrics: [
        { field: 'restarts', label: 'reports.col.restarts', format: 'int' },
        { field: 'gaveUp', label: 'reports.col.gaveUp', format: 'int' },
      ],
    },
  },
  {
    kind: 'cron',
    periodic: true,
    grouped: true,
    query: doc(CronDoc),
    csv: csvDoc(CronCsvDoc),
    field: 'reportCron',
    tables: [{ name: 'cron', title: 'reports.table.cron', field: 'rows', columns: [col('group', 'mono'), col('entry', 'mono'), ...PERIOD, col('hosts', 'int'), col('runs', 'int'), col('succeeded', 'int'), col('failures', 'int'), col('timedOut', 'int'), col('skipped', 'int'), col('successPercent', 'pct'), col('lastFailureAt', 'date')] }],
    chart: {
      table: 'cron',
      group: 'group',
      subgroup: 'entry',
      metrics: [
        { field: 'successPercent', label: 'reports.col.successPercent', format: 'pct' },
        { field: 'failures', label: 'reports.col.failures', format: 'int' },
        { field: 'runs', label: 'reports.col.runs', format: 'int' },
      ],
    },
  },
  {
    kind: 'changes',
    periodic: true,
    grouped: true,
    query: doc(ChangesDoc),
    csv: csvDoc(ChangesCsvDoc),
    field: 'reportChanges',
    tables: [
      { name: 'changes', title: 'reports.table.changes', field: 'rows', columns: [col('group', 'mono'), col('resource', 'mono'), ...PERIOD, col('hosts', 'int'), col('changes', 'int'), col('intended', 'int'), col('corrective', 'int'), col('restarts', 'int'), col('failed', 'int'), col('lastAt', 'date')] },
      { name: 'list', title: 'reports.table.changeList', field: 'changes', columns: [col('host', 'mono'), col('at', 'date'), col('resource', 'mono'), col('action', 'text'), col('reason', 'text'), col('kind', 'text'), col('outcome', 'text'), col('revision', 'int'), col('error', 'text')] },
    ],
    chart: {
      table: 'changes',
      group: 'group',
      subgroup: 'resource',
      metrics: [
        { field: 'corrective', label: 'reports.col.corrective', format: 'int' },
        { field: 'intended', label: 'reports.col.intended', format: 'int' },
        { field: 'changes', label: 'reports.col.changes', format: 'int' },
      ],
    },
  },
  {
    kind: 'commands',
    periodic: true,
    grouped: true,
    query: doc(CommandsDoc),
    csv: csvDoc(CommandsCsvDoc),
    field: 'reportCommands',
    tables: [
      { name: 'days', title: 'reports.table.days', field: 'days', columns: [...PERIOD, col('jobs', 'int'), ...TALLY] },
      { name: 'users', title: 'reports.table.users', field: 'users', columns: [col('user', 'mono'), col('jobs', 'int'), ...TALLY] },
      { name: 'hosts', title: 'reports.table.hosts', field: 'hosts', columns: [col('group', 'mono'), col('hosts', 'int'), ...TALLY] },
      { name: 'slowest', title: 'reports.table.slowest', field: 'slowest', columns: [col('jobId', 'int'), col('command', 'mono'), col('user', 'text'), col('host', 'mono'), col('status', 'text'), col('durationMs', 'ms'), col('finishedAt', 'date')] },
    ],
    chart: {
      table: 'days',
      metrics: [
        { field: 'jobs', label: 'reports.col.jobs', format: 'int' },
        { field: 'targets', label: 'reports.col.targets', format: 'int' },
        { field: 'successPercent', label: 'reports.col.successPercent', format: 'pct' },
      ],
    },
  },
];

export function reportKind(kind: string | null): ReportKindDef {
  return REPORT_KINDS.find((k) => k.kind === kind) ?? REPORT_KINDS[0]!;
}
