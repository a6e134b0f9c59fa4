import type { MikroORM } from '@mikro-orm/core';
import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';
import type { PubSub } from './pubsub/pubsub.js';
import type { AuditEntry, AuditService } from './audit/audit.service.js';
import type { RefusalSampler } from './server/refusal-sampler.js';
import type { SessionService } from './auth/session.service.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { UserService } from './users/user.service.js';
import type { ConnectionRegistry } from './server/connections.js';
import type { AgentConnections } from './hosts/agent-connections.js';
import type { EnrollmentService } from './hosts/enrollment.service.js';
import type { HostService } from './hosts/host.service.js';
import type { MetricsWriter } from './metrics/metrics-writer.service.js';
import type { ObservedStateIngest } from './manifests/observed-state-ingest.js';
import type { JobDispatcher } from './jobs/job-dispatcher.js';
import type { JobService } from './jobs/job.service.js';
import type { ArtifactService } from './artifacts/artifact.service.js';
import type { ManifestService } from './manifests/manifest.service.js';
import type { Reconciler } from './reconciler/reconciler.js';

/** The server's long-lived parts, built once in `startServer` and handed to every request. */
export interface Services {
  readonly config: ServerConfig;
  readonly orm: MikroORM;
  readonly logger: Logger;
  readonly pubsub: PubSub;
  readonly audit: AuditService;
  readonly sessions: SessionService;
  readonly throttle: LoginThrottle;
  readonly users: UserService;
  readonly connections: ConnectionRegistry;
  readonly hosts: HostService;
  readonly enrollment: EnrollmentService;
  readonly agentConnections: AgentConnections;
  readonly metrics: Pick<MetricsWriter, 'enqueue'>;
  /** The agents' observed-state reports, stored in batches. */
  readonly observed: Pick<ObservedStateIngest, 'submit' | 'settled'>;
  readonly jobs: JobService;
  readonly artifacts: ArtifactService;
  readonly manifests: ManifestService;
  readonly reconciler: Reconciler;
  readonly dispatcher: JobDispatcher;
  /** Refused reports and over-budget messages: counted, logged and audited once per burst. */
  readonly refusals: RefusalSampler<AuditEntry>;
  readonly now: () => Date;
}
