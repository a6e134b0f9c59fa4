'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/prefs';
import { useCan } from '../../lib/session';
import { Empty, ErrorBox, Loading, Panel } from '../states';
import { revisionSource } from './revision-source';
import { RollbackDialog } from './rollback-dialog';
import { RolloutPanel } from './rollout-panel';

const RevisionsDoc = graphql(`
  query ManifestRevisions($first: Int, $after: String) {
    manifestRevisions(first: $first, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        createdBy
        createdAt
        message
        source
        rollbackOf
        current
        documents {
          kind
          name
        }
      }
    }
  }
`);

const PAGE = 25;

/** The desired-state home: the rollout of the revision in force (live) and every revision, newest first. */
export function DesiredHome() {
  const { t, language, utc } = useT();
  const router = useRouter();
  const params = useSearchParams();
  const after = params.get('after') ?? undefined;
  const canChange = useCan('OPERATOR');
  const [{ data, error, fetching }, refetch] = useQuery({ query: RevisionsDoc, variables: { first: PAGE, after }, requestPolicy: 'cache-and-network' });
  const [rollbackTo, setRollbackTo] = useState<number | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const nodes = data?.manifestRevisions.nodes ?? [];

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('desired.title')}</h1>
        <span className="spacer" />
        <Link className="btn" href="/desired/diff/">
          {t('desired.compare')}
        </Link>
        <Link className="btn btn-primary" href="/desired/plan/" data-testid="open-plan">
          {canChange ? t('desired.planApply') : t('desired.planOnly')}
        </Link>
      </div>
      {done ? (
        <p className="notice notice-ok" role="status" data-testid="rollback-done">
          {done}
        </p>
      ) : null}
      <RolloutPanel />
      <Panel title={t('desired.revisions.title')}>
        {error && !data ? <ErrorBox error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
        {!data && fetching ? <Loading /> : null}
        {data && nodes.length === 0 ? (
          <Empty>
            {t('desired.revisions.none')} <Link href="/desired/plan/">{t('desired.revisions.noneAction')}</Link>
          </Empty>
        ) : null}
        {nodes.length > 0 ? (
          <div className="table-wrap">
            <table className="table revisions-table" data-testid="revisions-table">
              <thead>
                <tr>
                  <th scope="col">{t('desired.revisions.revision')}</th>
                  <th scope="col">{t('desired.revisions.message')}</th>
                  <th scope="col">{t('desired.revisions.author')}</th>
                  <th scope="col">{t('desired.revisions.time')}</th>
                  <th scope="col">{t('desired.revisions.commit')}</th>
                  <th scope="col">{t('desired.revisions.documents')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('desired.revisions.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((r, i) => {
                  const src = revisionSource(r.source);
                  const previous = nodes[i + 1]?.id ?? (r.id > 1 ? r.id - 1 : undefined);
                  return (
                    <tr key={r.id} data-revision={r.id}>
                      <td className="nowrap">
                        <Link href={`/desired/revision/?id=${r.id}`} className="rev-link">
                          #{r.id}
                        </Link>
                        {r.current ? <span className="badge tone-ok rev-current">{t('desired.revisions.current')}</span> : null}
                      </td>
                      <td className="rev-message">
                        <span className="ellipsis" title={r.message ?? undefined}>
                          {r.message ?? <span className="muted">—</span>}
                        </span>
                        {r.rollbackOf ? ' ' : null}
                        {r.rollbackOf ? <span className="chip rev-rollback">{t('desired.revisions.rollbackOf', { id: r.rollbackOf })}</span> : null}
                      </td>
                      <td>{r.createdBy}</td>
                      <td className="nowrap">{formatDateTime(r.createdAt, language, utc)}</td>
                      <td className="mono nowrap" title={[src.repository, src.branch, src.commit].filter(Boolean).join(' · ') || undefined}>
                        {src.commit ? (
                          <>
                            {src.commit.slice(0, 10)}
                            {src.dirty ? <span className="badge tone-warn rev-dirty">{t('desired.revisions.dirty')}</span> : null}
                            {src.branch ? <span className="muted rev-branch">{src.branch}</span> : null}
                          </>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td className="nowrap">{t('desired.revisions.documentCount', { count: r.documents.length })}</td>
                      <td className="nowrap row-actions">
                        {previous ? (
                          <Link className="btn btn-small" href={`/desired/diff/?from=${previous}&to=${r.id}`}>
                            {t('desired.revisions.diff')}
                          </Link>
                        ) : null}
                        {canChange && !r.current ? (
                          <button type="button" className="btn btn-small" onClick={() => setRollbackTo(r.id)} data-testid={`rollback-${r.id}`}>
                            {t('desired.revisions.rollback')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="pager">
          {after ? (
            <button type="button" className="btn" onClick={() => router.replace('/desired/')}>
              {t('desired.revisions.newest')}
            </button>
          ) : null}
          {data?.manifestRevisions.pageInfo.hasNextPage ? (
            <button type="button" className="btn" onClick={() => router.replace(`/desired/?after=${data.manifestRevisions.pageInfo.endCursor ?? ''}`)}>
              {t('desired.revisions.older')}
            </button>
          ) : null}
        </div>
      </Panel>
      {canChange ? (
        <RollbackDialog
          revision={rollbackTo}
          onClose={() => setRollbackTo(undefined)}
          onDone={(r) => {
            setDone(t('desired.rollback.done', { from: rollbackTo ?? '', id: r.revision?.id ?? '' }));
            setRollbackTo(undefined);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
    </div>
  );
}
