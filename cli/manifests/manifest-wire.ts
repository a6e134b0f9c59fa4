/**
 * The GraphQL operations the manifest commands send, and the shapes they get back
 * (`api/manifests/manifest.type.ts` is the contract). Dates arrive as ISO strings. Closed
 * vocabularies (action types, reasons) come from `manifests/`, not restated here.
 */
import type { ChangeSign, PlanActionType, Reason } from '../../manifests/index.js';

export interface ManifestErrorWire {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

export interface PlanItemWire {
  readonly type: PlanActionType;
  readonly key: string;
  readonly reason: Reason;
  readonly message: string;
  /** The server's sign for the action (`manifests/plan-sign.ts`). */
  readonly sign: ChangeSign;
}

export interface HostPlanWire {
  readonly host: string;
  readonly desiredHash: string | null;
  readonly changed: boolean;
  readonly profiles: readonly string[];
  readonly actions: readonly PlanItemWire[];
}

export interface DocumentRefWire {
  readonly kind: string;
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

export interface RevisionSourceWire {
  readonly paths?: readonly string[];
  readonly repository?: string | null;
  readonly commit?: string | null;
  readonly branch?: string | null;
  readonly dirty?: boolean | null;
}

export interface RevisionWire {
  readonly id: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly message: string | null;
  readonly source: RevisionSourceWire;
  readonly rollbackOf: number | null;
  readonly current: boolean;
  readonly documents: readonly DocumentRefWire[];
}

export interface ApplyResultWire {
  readonly applied: boolean;
  readonly unchanged: boolean;
  readonly revision: RevisionWire | null;
  readonly errors: readonly ManifestErrorWire[];
  readonly hosts: readonly HostPlanWire[];
}

export interface DriftItemWire {
  readonly key: string;
  readonly action: string;
  readonly reason: string;
  readonly sentence: string;
  readonly since: string;
}

export const ROLLOUT_STATUSES = ['PENDING', 'CONVERGED', 'DRIFTED', 'FAILED'] as const;

export interface HostRolloutWire {
  readonly host: string;
  readonly online: boolean;
  /** PENDING, CONVERGED, DRIFTED or FAILED */
  readonly status: string;
  readonly revision: number | null;
  readonly convergedRevision: number | null;
  readonly drift: readonly DriftItemWire[];
  readonly error: string | null;
  readonly observedAt: string | null;
  readonly updatedAt: string;
}

export interface RolloutStatusWire {
  readonly revision: number | null;
  readonly converged: number;
  readonly drifted: number;
  readonly pending: number;
  readonly failed: number;
  readonly hosts: readonly HostRolloutWire[];
}

const REVISION_FIELDS = 'id createdBy createdAt message source rollbackOf current documents { kind name file line }';
const APPLY_RESULT_FIELDS = `applied unchanged revision { ${REVISION_FIELDS} } errors { file line column code message } hosts { host desiredHash changed profiles actions { type key reason message sign } }`;
export const HOST_ROLLOUT_FIELDS = 'host online status revision convergedRevision drift { key action reason sentence since } error observedAt updatedAt';

export const APPLY_MANIFESTS = `mutation($input: ApplyManifestsInput!) { applyManifests(input: $input) { ${APPLY_RESULT_FIELDS} } }`;
/** The same, as a read (viewers may ask; audited as planManifests): `diff` and `apply --dry-run`. */
export const PLAN_MANIFESTS = `query($input: ApplyManifestsInput!) { planManifests(input: $input) { ${APPLY_RESULT_FIELDS} } }`;
export const ROLLBACK_MANIFESTS = `mutation($revision: Int!) { rollbackManifests(revision: $revision) { ${APPLY_RESULT_FIELDS} } }`;
/** Without `id`: the revision in force. */
export const MANIFEST_REVISION = `query($id: Int) { manifestRevision(id: $id) { ${REVISION_FIELDS} } }`;
export const MANIFEST_REVISIONS = `query($first: Int, $after: String) { manifestRevisions(first: $first, after: $after) { nodes { ${REVISION_FIELDS} } pageInfo { endCursor hasNextPage } } }`;
export const ROLLOUT_STATUS = `query($selector: String) { rolloutStatus(selector: $selector) { revision converged drifted pending failed hosts { ${HOST_ROLLOUT_FIELDS} } } }`;
export const ROLLOUT_PROGRESSED = `subscription { rolloutProgressed { ${HOST_ROLLOUT_FIELDS} } }`;

export interface RevisionPage {
  readonly manifestRevisions: { readonly nodes: readonly RevisionWire[]; readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean } };
}
