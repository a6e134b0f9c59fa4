import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AuditResolver } from '../audit/audit.resolver.js';
import { accessGuard } from '../auth/access.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { UserResolver } from '../users/user.resolver.js';
import { UserUnlockResolver } from '../users/user-unlock.resolver.js';
import { AgentResolver } from '../hosts/agent.resolver.js';
import { EnrollmentResolver } from '../hosts/enrollment.resolver.js';
import { HostResolver } from '../hosts/host.resolver.js';
import { HostStateFieldResolver } from '../hosts/host-state.resolver.js';
import { ProcessLogsResolver } from '../hosts/process-logs.resolver.js';
import { ManifestPlanResolver } from '../manifests/manifest-plan.resolver.js';
import { ManifestRevisionFieldsResolver } from '../manifests/manifest-revision.resolver.js';
import { HostMetricsResolver } from '../metrics/host-metrics.resolver.js';
import { HostJobsResolver, JobResolver } from '../jobs/job.resolver.js';
import { ArtifactResolver } from '../artifacts/artifact.resolver.js';
import { AgentStateResolver } from '../manifests/agent-state.resolver.js';
import { AgentChangesResolver } from '../manifests/agent-changes.resolver.js';
import { CronResolver } from '../cron/cron.resolver.js';
import { HostStateResolver, ManifestResolver } from '../manifests/manifest.resolver.js';
import { FleetOverviewResolver } from '../dashboard/fleet-overview.resolver.js';
import type { PubSub } from '../pubsub/pubsub.js';
import { ReportResolver } from '../reports/report.resolver.js';
import { DateTimeScalar } from './scalars.js';

/** Every resolver class; a feature adds its own here. */
export const RESOLVERS = [
  AuthResolver,
  UserResolver,
  UserUnlockResolver,
  AuditResolver,
  HostResolver,
  HostStateFieldResolver,
  ProcessLogsResolver,
  EnrollmentResolver,
  AgentResolver,
  HostMetricsResolver,
  JobResolver,
  HostJobsResolver,
  ArtifactResolver,
  ManifestResolver,
  ManifestPlanResolver,
  ManifestRevisionFieldsResolver,
  HostStateResolver,
  AgentStateResolver,
  AgentChangesResolver,
  CronResolver,
  ReportResolver,
  FleetOverviewResolver,
] as const;

export function buildIomsSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    pubSub,
    globalMiddlewares: [accessGuard],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
}
