'use client';
import { useEffect, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { graphql } from '../../gql';
import { useT } from '../../lib/prefs';
import { Modal } from '../modal';
import { ErrorBox, errorMessage, Loading } from '../states';
import { ErrorList, PlanHosts, type ApplyResult } from './plan-result';

const RevisionFilesDoc = graphql(`
  query RevisionFiles($id: Int!) {
    manifestRevision(id: $id) {
      id
      files {
        path
        content
      }
    }
  }
`);

const RollbackPlanDoc = graphql(`
  query RollbackPlan($input: ApplyManifestsInput!) {
    planManifests(input: $input) {
      ...ApplyResultFields
    }
  }
`);

const RollbackDoc = graphql(`
  mutation RollbackManifests($revision: Int!) {
    rollbackManifests(revision: $revision) {
      ...ApplyResultFields
    }
  }
`);

/**
 * Rolling back to a revision, after seeing what it would do: the plan is the server's own
 * dry run of exactly what `rollbackManifests` applies (that revision's files, pruning the rest).
 */
export function RollbackDialog({ revision, onClose, onDone }: { revision: number | undefined; onClose: () => void; onDone: (r: ApplyResult) => void }) {
  const { t } = useT();
  const client = useClient();
  const [plan, setPlan] = useState<ApplyResult | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [state, rollback] = useMutation(RollbackDoc);
  useEffect(() => {
    setPlan(undefined);
    setError(undefined);
    if (revision === undefined) return;
    let live = true;
    void (async () => {
      const files = await client.query(RevisionFilesDoc, { id: revision }, { requestPolicy: 'network-only' }).toPromise();
      const rev = files.data?.manifestRevision;
      if (!live) return;
      if (files.error || !rev) return setError(errorMessage(files.error ?? t('desired.revision.notFound', { id: revision })));
      const r = await client.query(RollbackPlanDoc, { input: { files: rev.files.map((f) => ({ path: f.path, content: f.content })), prune: true } }, { requestPolicy: 'network-only' }).toPromise();
      if (!live) return;
      if (r.error || !r.data) return setError(errorMessage(r.error ?? t('state.error')));
      setPlan(r.data.planManifests);
    })();
    return () => {
      live = false;
    };
  }, [revision, client, t]);
  const confirm = async () => {
    if (revision === undefined) return;
    const r = await rollback({ revision });
    if (r.error || !r.data) return setError(errorMessage(r.error ?? t('state.error')));
    if (r.data.rollbackManifests.errors.length) return setPlan(r.data.rollbackManifests);
    onDone(r.data.rollbackManifests);
  };
  const blocked = !plan || plan.errors.length > 0 || plan.unchanged;
  return (
    <Modal
      open={revision !== undefined}
      title={t('desired.rollback.title', { id: revision ?? '' })}
      onClose={onClose}
      wide
      testId="rollback-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('desired.rollback.cancel')}
          </button>
          <button type="button" className="btn btn-primary btn-danger-solid" disabled={blocked || state.fetching} onClick={() => void confirm()} data-testid="rollback-confirm">
            {state.fetching ? t('desired.rollback.working') : t('desired.rollback.confirm', { id: revision ?? '' })}
          </button>
        </>
      }
    >
      <p>{t('desired.rollback.explain', { id: revision ?? '' })}</p>
      {error ? <ErrorBox error={error} /> : null}
      {!plan && !error ? <Loading label={t('desired.rollback.planning')} /> : null}
      {plan && plan.errors.length > 0 ? <ErrorList errors={plan.errors} /> : null}
      {plan && plan.errors.length === 0 ? <PlanHosts result={plan} /> : null}
    </Modal>
  );
}
