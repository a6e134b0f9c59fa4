'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/prefs';
import { useCan } from '../../lib/session';
import { Empty, ErrorBox, Loading, Panel } from '../states';
import { revisionSource } from './revision-source';
import { RollbackDialog } from './rollback-dialog';
import { YamlView } from './yaml-view';

const RevisionDoc = graphql(`
  query ManifestRevisionDetail($id: Int!) {
    manifestRevision(id: $id) {
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
        file
        line
      }
      files {
        path
        content
      }
      documentsYaml
    }
  }
`);

const IN_FORCE = -1;

/** One revision: who, when, from which commit, its documents, and its YAML highlighted. */
export function RevisionDetail({ id }: { id: number }) {
  const { t, language, utc } = useT();
  const canChange = useCan('OPERATOR');
  const [{ data, error, fetching }, refetch] = useQuery({ query: RevisionDoc, variables: { id } });
  const [shown, setShown] = useState(0);
  const [rollback, setRollback] = useState(false);
  const [done, setDone] = useState<string | undefined>(undefined);
  if (error && !data) return <ErrorBox error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data && fetching) return <Loading />;
  const r = data?.manifestRevision;
  if (!r) return <Empty>{t('desired.revision.notFound', { id })}</Empty>;
  const src = revisionSource(r.source);
  const file = shown === IN_FORCE ? { path: t('desired.revision.inForce'), content: r.documentsYaml } : r.files[Math.min(shown, r.files.length - 1)];
  return (
    <>
      <div className="page-head">
        <h1>{t('desired.revision.title', { id: r.id })}</h1>
        {r.current ? <span className="badge tone-ok">{t('desired.revisions.current')}</span> : null}
        <span className="spacer" />
        {r.id > 1 ? (
          <Link className="btn" href={`/desired/diff/?from=${r.id - 1}&to=${r.id}`}>
            {t('desired.revision.diffPrevious')}
          </Link>
        ) : null}
        {canChange && !r.current ? (
          <button type="button" className="btn btn-primary" onClick={() => setRollback(true)} data-testid="revision-rollback">
            {t('desired.revision.rollback')}
          </button>
        ) : null}
      </div>
      {done ? (
        <p className="notice notice-ok" role="status" data-testid="rollback-done">
          {done} <Link href="/desired/">{t('desired.revision.seeRollout')}</Link>
        </p>
      ) : null}
      <div className="revision-grid">
        <Panel title={t('desired.revision.about')}>
          <dl className="kv" data-testid="revision-meta">
            <dt>{t('desired.revisions.author')}</dt>
            <dd>{r.createdBy}</dd>
            <dt>{t('desired.revisions.time')}</dt>
            <dd>{formatDateTime(r.createdAt, language, utc)}</dd>
            <dt>{t('desired.revisions.message')}</dt>
            <dd data-testid="revision-message">{r.message ?? '—'}</dd>
            <dt>{t('desired.revisions.commit')}</dt>
            <dd className="mono">
              {src.commit ?? '—'}
              {src.dirty ? <span className="badge tone-warn rev-dirty">{t('desired.revisions.dirty')}</span> : null}
            </dd>
            <dt>{t('desired.revision.branch')}</dt>
            <dd className="mono">{src.branch ?? '—'}</dd>
            <dt>{t('desired.revision.repository')}</dt>
            <dd className="mono">{src.repository ?? '—'}</dd>
            {r.rollbackOf ? (
              <>
                <dt>{t('desired.revision.rollbackOf')}</dt>
                <dd>
                  <Link href={`/desired/revision/?id=${r.rollbackOf}`}>#{r.rollbackOf}</Link>
                </dd>
              </>
            ) : null}
          </dl>
          <h3>{t('desired.revision.documents', { count: r.documents.length })}</h3>
          {r.documents.length === 0 ? (
            <p className="muted">{t('desired.revision.noDocuments')}</p>
          ) : (
            <table className="table compact" data-testid="revision-documents">
              <thead>
                <tr>
                  <th scope="col">{t('desired.revision.kind')}</th>
                  <th scope="col">{t('desired.revision.name')}</th>
                  <th scope="col">{t('desired.revision.source')}</th>
                </tr>
              </thead>
              <tbody>
                {r.documents.map((d) => (
                  <tr key={`${d.kind}/${d.name}`}>
                    <td>{d.kind}</td>
                    <td className="mono">{d.name}</td>
                    <td className="mono muted">
                      {d.file}:{d.line}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
        <Panel
          title={t('desired.revision.yaml')}
          actions={
            <label className="inline-field">
              <span>{t('desired.revision.show')}</span>
              <select value={shown} onChange={(e) => setShown(Number(e.target.value))} data-testid="revision-file">
                {r.files.map((f, i) => (
                  <option key={f.path + i} value={i}>
                    {f.path}
                  </option>
                ))}
                <option value={IN_FORCE}>{t('desired.revision.inForce')}</option>
              </select>
            </label>
          }
        >
          {file ? <YamlView source={file.content} label={t('desired.plan.yamlOf', { file: file.path })} testId="revision-yaml" maxHeight={560} /> : <p className="muted">{t('desired.revision.noFiles')}</p>}
        </Panel>
      </div>
      {canChange ? (
        <RollbackDialog
          revision={rollback ? r.id : undefined}
          onClose={() => setRollback(false)}
          onDone={(res) => {
            setRollback(false);
            setDone(t('desired.rollback.done', { from: r.id, id: res.revision?.id ?? '' }));
          }}
        />
      ) : null}
    </>
  );
}
