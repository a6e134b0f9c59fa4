'use client';
import { useRouter } from 'next/navigation';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useT } from '../../lib/prefs';
import { Empty, ErrorBox, Loading, Panel } from '../states';
import { ChangeBadge } from './desired-badges';
import { DiffView } from './diff-view';

const RevisionIdsDoc = graphql(`
  query RevisionChoices {
    manifestRevisions(first: 200) {
      nodes {
        id
        message
        current
      }
    }
  }
`);

const DiffDoc = graphql(`
  query RevisionDiff($from: Int!, $to: Int!) {
    manifestDiff(from: $from, to: $to) {
      kind
      name
      change
    }
    before: manifestRevision(id: $from) {
      id
      documentsYaml
    }
    after: manifestRevision(id: $to) {
      id
      documentsYaml
    }
  }
`);

/**
 * Any two revisions side by side: which documents were added, removed or changed (the server's
 * `manifestDiff`), and a line diff of their documents in force (canonical YAML, so the same
 * documents give the same text whichever files they came from).
 */
export function RevisionDiff({ from, to }: { from: number | undefined; to: number | undefined }) {
  const { t } = useT();
  const router = useRouter();
  const [choices] = useQuery({ query: RevisionIdsDoc });
  const ids = choices.data?.manifestRevisions.nodes ?? [];
  const a = from ?? ids[1]?.id;
  const b = to ?? ids[0]?.id;
  const ready = a !== undefined && b !== undefined;
  const [{ data, error, fetching }, refetch] = useQuery({ query: DiffDoc, variables: { from: a ?? 0, to: b ?? 0 }, pause: !ready });
  const go = (x: number | undefined, y: number | undefined) => router.replace(`/desired/diff/?from=${x ?? ''}&to=${y ?? ''}`);
  const picker = (label: string, value: number | undefined, onChange: (v: number) => void, testId: string) => (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
        {value !== undefined && !ids.some((r) => r.id === value) ? <option value={value}>#{value}</option> : null}
        {ids.map((r) => (
          <option key={r.id} value={r.id}>
            #{r.id}
            {r.current ? ` · ${t('desired.revisions.current')}` : ''}
            {r.message ? ` · ${r.message.slice(0, 60)}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <div className="filters">
        {picker(t('desired.diff.from'), a, (v) => go(v, b), 'diff-from')}
        {picker(t('desired.diff.to'), b, (v) => go(a, v), 'diff-to')}
        <button type="button" className="btn diff-swap" onClick={() => go(b, a)} disabled={!ready}>
          {t('desired.diff.swap')}
        </button>
      </div>
      {choices.error && !choices.data ? <ErrorBox error={choices.error} /> : null}
      {choices.data && !ready ? <Empty>{t('desired.diff.needTwo')}</Empty> : null}
      {error && !data ? <ErrorBox error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {(ready && !data && fetching) || (!choices.data && choices.fetching) ? <Loading /> : null}
      {data && data.before && data.after ? (
        <>
          <Panel title={t('desired.diff.documents')}>
            {data.manifestDiff.length === 0 ? (
              <p className="muted">{t('desired.diff.noDocumentChanges')}</p>
            ) : (
              <ul className="doc-changes" data-testid="diff-documents">
                {data.manifestDiff.map((d) => (
                  <li key={`${d.kind}/${d.name}`}>
                    <ChangeBadge change={d.change} /> <span className="muted">{d.kind}</span> <span className="mono">{d.name}</span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel title={t('desired.diff.text', { from: data.before.id, to: data.after.id })}>
            <DiffView before={data.before.documentsYaml} after={data.after.documentsYaml} label={t('desired.diff.text', { from: data.before.id, to: data.after.id })} />
          </Panel>
        </>
      ) : null}
    </>
  );
}
