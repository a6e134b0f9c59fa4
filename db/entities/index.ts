import { ArtifactSchema } from './artifact.entity.js';
import { CronRunSchema } from './cron-run.entity.js';
import { ProcessRestartSchema } from './process-restart.entity.js';
import { HostStateSchema } from './host-state.entity.js';
import { ManifestRevisionSchema } from './manifest-revision.entity.js';
import { AuditEventSchema } from './audit-event.entity.js';
import { EnrollmentTokenSchema } from './enrollment-token.entity.js';
import { HostStatusEventSchema } from './host-status-event.entity.js';
import { HostSchema } from './host.entity.js';
import { JobEventSchema } from './job-event.entity.js';
import { JobTargetSchema } from './job-target.entity.js';
import { JobSchema } from './job.entity.js';
import { MetricRollupSchema } from './metric-rollup.entity.js';
import { MetricSampleSchema } from './metric-sample.entity.js';
import { SessionSchema } from './session.entity.js';
import { UserSchema } from './user.entity.js';
import { LoginAttemptSchema } from './login-attempt.entity.js';

export * from './artifact.entity.js';
export * from './cron-run.entity.js';
export * from './process-restart.entity.js';
export * from './host-state.entity.js';
export * from './manifest-revision.entity.js';
export * from './audit-event.entity.js';
export * from './enrollment-token.entity.js';
export * from './host-status-event.entity.js';
export * from './host.entity.js';
export * from './job-event.entity.js';
export * from './job-target.entity.js';
export * from './job.entity.js';
export * from './metric-rollup.entity.js';
export * from './metric-sample.entity.js';
export * from './session.entity.js';
export * from './user.entity.js';
export * from './login-attempt.entity.js';

/** Every entity the ORM knows; a feature adds its own here (then `npx tsx db/make-migration.ts NAME`). */
export const ENTITIES = [UserSchema, SessionSchema, AuditEventSchema, EnrollmentTokenSchema, HostSchema, HostStatusEventSchema, MetricSampleSchema, MetricRollupSchema, ArtifactSchema, JobSchema, JobTargetSchema, JobEventSchema, ManifestRevisionSchema, HostStateSchema, ProcessRestartSchema, CronRunSchema, LoginAttemptSchema];
