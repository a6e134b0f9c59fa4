'use client';
import './artifacts.css';
import { Fragment, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ArtifactsQuery } from '../../gql/graphql';
import { formatBytes, formatDateTime } from '../../lib/format';
import { useT } from '../../lib/prefs';
import { useCan } from '../../lib/session';
import { Modal } from '../modal';
import { Empty, ErrorBox, errorMessage, Loading, Panel } from '../states';
import { UploadForm } from './upload-form';

const ArtifactsDoc = graphql(`
  query Artifacts($search: String, $first: Int, $after: String) {
    artifacts(search: $search, first: $first, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        name
        versions {
          name
          version
          sizeBytes
          sha256
          md5
          uploadedBy
          createdAt
          referencedBy
        }
      }
    }
  }
`);

const DeleteArtifactDoc = graphql(`
  mutation DeleteArtifact($name: String!, $version: String) {
    deleteArtifact(name: $name, version: $version) {
      deleted {
        name
        version
      }
      blobsRemoved
    }
  }
`);

type Version = ArtifactsQuery['artifacts']['nodes'][number]['versions'][number];
const PAGE = 50;

/** The artifact whitelist: every version with both checksums and what uses it; upload and delete for operators. */
export function ArtifactsPage() {
  const { t, language, utc } = useT();
  const canChange = useCan('OPERATOR');
  const [search, setSearch] = useState('');
  const [after, setAfter] = useState<string[]>([]);
  const [{ data, error, fetching }, refetch] = useQuery({ query: ArtifactsDoc, variables: { search: search.trim() || undefined, first: PAGE, after: after.at(-1) }, requestPolicy: 'cache-and-network' });
  const [deleting, setDeleting] = useState<Version | undefined>(undefined);
  const [deleteError, setDeleteError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [fresh, setFresh] = useState<string | undefined>(undefined);
  const [del, runDelete] = useMutation(DeleteArtifactDoc);
  const nodes = data?.artifacts.nodes ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const confirmDelete = async () => {
    if (!deleting) return;
    const r = await runDelete({ name: deleting.name, version: deleting.version });
    if (r.error) return setDeleteError(errorMessage(r.error));
    setNotice(t('artifacts.delete.done', { name: `${deleting.name}@${deleting.version}` }));
    setDeleting(undefined);
    reload();
  };

  return (
    <div className="page">
      <h1>{t('artifacts.title')}</h1>
      {canChange ? (
        <UploadForm
          onUploaded={(a) => {
            setFresh(`${a.name}@${a.version}`);
            setNotice(undefined);
            reload();
          }}
        />
      ) : null}
      {notice ? (
        <p className="notice notice-ok" role="status" data-testid="artifacts-notice">
          {notice}
        </p>
      ) : null}
      <Panel
        title={t('artifacts.list.title')}
        actions={
          <label className="inline-field">
            <span className="sr-only">{t('artifacts.list.search')}</span>
            <input
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setAfter([]);
              }}
              placeholder={t('artifacts.list.searchPlaceholder')}
              aria-label={t('artifacts.list.search')}
              data-testid="artifact-search"
            />
          </label>
        }
      >
        {error && !data ? <ErrorBox error={error} onRetry={reload} /> : null}
        {!data && fetching ? <Loading /> : null}
        {data && nodes.length === 0 ? <Empty>{search.trim() ? t('artifacts.list.noMatch') : canChange ? t('artifacts.list.noneUpload') : t('artifacts.list.none')}</Empty> : null}
        {nodes.length > 0 ? (
          <div className="table-wrap">
            <table className="table artifact-table" data-testid="artifacts-table">
              <thead>
                <tr>
                  <th scope="col">{t('artifacts.list.version')}</th>
                  <th scope="col">{t('artifacts.list.size')}</th>
                  <th scope="col">{t('artifacts.list.checksums')}</th>
                  <th scope="col">{t('artifacts.list.usedBy')}</th>
                  {canChange ? (
                    <th scope="col">
                      <span className="sr-only">{t('artifacts.list.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {nodes.map((a) => (
                  <Fragment key={a.name}>
                    <tr className="artifact-name-row">
                      <th scope="rowgroup" colSpan={canChange ? 5 : 4} className="artifact-name" data-artifact={a.name}>
                        <span className="mono">{a.name}</span> <span className="muted small">{t('artifacts.list.versionCount', { count: a.versions.length })}</span>
                      </th>
                    </tr>
                    {a.versions.map((v) => {
                      const id = `${v.name}@${v.version}`;
                      return (
                        <tr key={v.version} data-version={id} className={fresh === id ? 'artifact-fresh' : undefined}>
                          <td>
                            <span className="mono artifact-version">{v.version}</span>
                            <div className="muted small">
                              {v.uploadedBy} · {formatDateTime(v.createdAt, language, utc)}
                            </div>
                          </td>
                          <td className="nowrap">{formatBytes(v.sizeBytes)}</td>
                          <td>
                            <dl className="checksums">
                              <dt>{t('artifacts.sha256')}</dt>
                              <dd className="mono" data-testid="sha256">
                                {v.sha256}
                              </dd>
                              <dt>{t('artifacts.md5')}</dt>
                              <dd className="mono" data-testid="md5">
                                {v.md5}
                              </dd>
                            </dl>
                          </td>
                          <td className="used-by" data-testid="used-by">
                            {v.referencedBy.length === 0 ? (
                              <span className="muted">{t('artifacts.list.unused')}</span>
                            ) : (
                              <ul>
                                {v.referencedBy.map((r) => (
                                  <li key={r}>{r}</li>
                                ))}
                              </ul>
                            )}
                          </td>
                          {canChange ? (
                            <td className="nowrap">
                              <button
                                type="button"
                                className="btn btn-small btn-danger"
                                onClick={() => {
                                  setDeleteError(undefined);
                                  setDeleting(v);
                                }}
                                data-testid={`delete-${id}`}
                              >
                                {t('artifacts.delete.button')}
                              </button>
                            </td>
                          ) : null}
                        </tr>
                      );
                    })}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="pager">
          {after.length ? (
            <button type="button" className="btn" onClick={() => setAfter((a) => a.slice(0, -1))}>
              {t('artifacts.list.previous')}
            </button>
          ) : null}
          {data?.artifacts.pageInfo.hasNextPage ? (
            <button type="button" className="btn" onClick={() => setAfter((a) => [...a, data.artifacts.pageInfo.endCursor ?? ''])}>
              {t('artifacts.list.next')}
            </button>
          ) : null}
        </div>
      </Panel>
      {canChange ? (
        <Modal
          open={deleting !== undefined}
          title={t('artifacts.delete.title', { name: deleting ? `${deleting.name}@${deleting.version}` : '' })}
          onClose={() => setDeleting(undefined)}
          testId="delete-dialog"
          footer={
            <>
              <button type="button" className="btn" onClick={() => setDeleting(undefined)}>
                {deleting?.referencedBy.length ? t('artifacts.delete.close') : t('artifacts.delete.cancel')}
              </button>
              {deleting && deleting.referencedBy.length === 0 ? (
                <button type="button" className="btn btn-primary btn-danger-solid" disabled={del.fetching} onClick={() => void confirmDelete()} data-testid="delete-confirm">
                  {t('artifacts.delete.confirm')}
                </button>
              ) : null}
            </>
          }
        >
          {deleting && deleting.referencedBy.length > 0 ? (
            <div className="form-error" role="alert" data-testid="delete-refused">
              <p>{t('artifacts.delete.refused')}</p>
              <ul>
                {deleting.referencedBy.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>{t('artifacts.delete.explain')}</p>
          )}
          {deleting ? (
            <p className="mono small muted">
              {t('artifacts.sha256')} {deleting.sha256}
            </p>
          ) : null}
          {deleteError ? <ErrorBox error={deleteError} /> : null}
        </Modal>
      ) : null}
    </div>
  );
}
