/**
 * The IOMS manifest language, shared by server, agent and CLI. Pure: imports
 * only node built-ins, zod and yaml.
 *
 * - selectors, labels, host patterns, targets: who a thing applies to;
 * - schema: the documents (`Profile`, `Host`) and their resources;
 * - load: hostile YAML in, validated documents and every error out;
 * - render: documents + host → desired state (+ hash, conflicts);
 * - plan: desired + observed → typed actions.
 */
export { SelectorError, type SelectorErrorCode } from './selector-error.js';
export {
  type Labels,
  MAX_LABELS,
  MAX_LABEL_NAME_CHARS,
  MAX_LABEL_PREFIX_CHARS,
  formatLabels,
  isValidLabelKey,
  isValidLabelValue,
  labelKeyProblem,
  labelValueProblem,
  parseLabels,
} from './labels.js';
export {
  MAX_SELECTOR_CHARS,
  type Requirement,
  type Selector,
  formatSelector,
  matchesSelector,
  parseSelector,
  selectorFromLabels,
} from './selector.js';
export { MAX_HOST_NAME_CHARS, hostNameProblem, hostPatternProblem, matchesHostPattern } from './host-pattern.js';
export { type HostIdentity, type HostMatcher, type Target, compileTarget, matchesTarget } from './target.js';
export { MAX_PATH_CHARS, type PathStyle, filePathKey, pathProblem, pathStyle } from './path-rules.js';
export { cronScheduleProblem, timeZoneProblem } from './cron-schedule.js';
export {
  type CronSchedule,
  type Schedule,
  type ScheduleProblem,
  formatInTimeZone,
  hostTimeZone,
  isValidTimeZone,
  nextRun,
  instantOfWallTime,
  nextRuns,
  offsetMs,
  parseSchedule,
  validateSchedule,
} from './schedule/index.js';
export {
  type CronSpec,
  type FileSpec,
  type ProcessSpec,
  RESTART_POLICIES,
  type RestartPolicy,
  cronEntrySchema,
  fileSchema,
  processSchema,
  restartSchema,
} from './spec-schema.js';
export {
  API_VERSION,
  type HostManifest,
  MANIFEST_KINDS,
  type Manifest,
  type ManifestKind,
  type ProfileManifest,
  type ProfileSelector,
  hostSchema,
  labelsSchema,
  manifestSchema,
  profileSchema,
  profileSelectorSchema,
} from './schema.js';
export { MANIFEST_SCHEMA_ID, buildManifestJsonSchema, renderManifestJsonSchema } from './json-schema.js';
export {
  type ManifestError,
  type ManifestErrorCode,
  ManifestValidationError,
  formatFieldPath,
  formatManifestError,
} from './manifest-error.js';
export { DEFAULT_MAX_DEPTH, type GuardIssue, type GuardIssueCode, guardYaml } from './yaml-guard.js';
export {
  DEFAULT_MAX_ERRORS,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_TOTAL_BYTES,
  type DocumentSource,
  type LoadOptions,
  type LoadResult,
  type ManifestDocument,
  type ManifestFile,
  documentId,
  loadManifests,
} from './load.js';
export { SPEC_HASH_RE, canonicalJson, specHash } from './spec-hash.js';
export {
  type DesiredState,
  EMPTY_DESIRED_STATE,
  cronKey,
  desiredStateSchema,
  fileKey,
  processKey,
} from './desired-state.js';
export {
  type ConflictError,
  type DocumentRef,
  type FleetRender,
  type HostRender,
  type RenderError,
  type RenderErrorCode,
  type RenderHost,
  describeHostRender,
  profileTarget,
  renderDesiredState,
  renderFleet,
} from './render.js';
export {
  EMPTY_OBSERVED_STATE,
  type ObservedCron,
  type ObservedFile,
  type ObservedProcess,
  type ObservedState,
  PROCESS_STATES,
  type ProcessState,
  observedCronSchema,
  observedFileSchema,
  observedProcessSchema,
  observedStateSchema,
  withoutUsage,
} from './observed-state.js';
export { ACTION_ORDER, PLAN_ACTION_TYPES, type PlanAction, type PlanActionType, Reason } from './plan-action.js';
export { CHANGE_SIGNS, type ChangeSign, changeSign } from './plan-sign.js';
export { type ArtifactDigests, type PlanContext, planHost } from './plan.js';
export { type ArtifactDownload, type DesiredInstruction, artifactDownloadSchema, desiredInstructionSchema } from './desired-instruction.js';
export { artifactReferences, checkReferences } from './references.js';
export { MAX_STATE_REPORT_BYTES, type ObservedReport, observedReportSchema } from './observed-report.js';
