'use client';
import Link from 'next/link';
import { useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../../gql';
import type { RolloutProgressedSubscription } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { useHostUpdates } from '../../lib/live';
import { useT } from '../../lib/prefs';
import { LinkStatusContext } from '../shell/link-status';
import { Empty, ErrorBox, Loading, Panel } from '../states';
import { RolloutBadge } from './desired-badges';

const RolloutStatusDoc = graphql(`
  query RolloutStatus {
    rolloutStatus {
      revision
      hosts {
        ...RolloutRow
      }
    }
  }
`);

graphql(`
  fragment RolloutRow on HostRollout {
    host
    online
    status
    revision
    convergedRevision
    error
    observedAt
    updatedAt
    drift {
      key
      reason
      sentence
    }
  }
`);

const RolloutProgressedDoc = graphql(`
  subscription RolloutProgressed {
    rolloutProgressed {
      ...RolloutRow
    }
  }
`);

type Row = RolloutProgressedSubscription['rolloutProgressed'];

const byHost = (a: Row, b: Row) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0);

/**
 * `ioms rollout status --watch` as a panel: the snapshot from `rolloutStatus`, then every
 * `rolloutProgressed` row folded in as it arrives (the same subscription the CLI follows). The
 * snapshot is read again whenever the live link comes back, so nothing missed while away stays stale.
 */
export function RolloutPanel({ title }: { title?: string }) {
  const { t, language, utc } = useT();
  const [{ data, error, fetching }, refetch] = useQuery({ query: RolloutStatusDoc, requestPolicy: 'network-only' });
  const [live, setLive] = useState<ReadonlyMap<string, Row>>(new Map());
  const link = useContext(LinkStatusContext);
  useEffect(() => {
    if (link === 'connected') refetch({ requestPolicy: 'network-only' });
  }, [link, refetch]);
  useEffect(() => setLive(new Map()), [data]);
  const onRow = useCallback((_prev: unknown, event: RolloutProgressedSubscription) => {
    const row = event.rolloutProgressed;
    setLive((m) => new Map(m).set(row.host, row));
    return true;
  }, []);
  useSubscription({ query: RolloutProgressedDoc }, onRow);
  // A host going on- or offline publishes no rollout row: its `online` comes from hostUpdated.
  const [online, setOnline] = useState<ReadonlyMap<string, boolean>>(new Map());
  useHostUpdates({ onUpdate: (h) => setOnline((m) => (m.get(h.name) === h.online ? m : new Map(m).set(h.name, h.online))) });
  const rows = useMemo(() => {
    const merged = new Map((data?.rolloutStatus.hosts ?? []).map((h) => [h.host, h]));
    for (const [k, v] of live) merged.set(k, v);
    for (const [k, v] of online) {
      const row = merged.get(k);
      if (row && row.online !== v) merged.set(k, { ...row, online: v });
    }
    return [...merged.values()].sort(byHost);
  }, [data, live, online]);
  const revision = Math.max(data?.rolloutStatus.revision ?? 0, ...rows.map((r) => r.revision ?? 0)) || null;
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const counts = [
    { k: 'CONVERGED', tone: 'ok' },
    { k: 'DRIFTED', tone: 'warn' },
    { k: 'PENDING', tone: 'info' },
    { k: 'FAILED', tone: 'bad' },
  ] as const;

  return (
    <Panel
      title={title ?? t('desired.rollout.title')}
      actions={
        <span className="muted small" data-testid="rollout-revision">
          {revision ? t('desired.rollout.inForce', { id: revision }) : t('desired.rollout.noRevision')}
        </span>
      }
    >
      {error && !data ? <ErrorBox error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!data && fetching ? <Loading /> : null}
      {data ? (
        <div className="rollout">
          <ul className="rollout-counts" data-testid="rollout-counts">
            {counts.map((c) => (
              <li key={c.k} className={`rollout-count tone-${c.tone}`}>
                <span className="rollout-count-value">{count(c.k)}</span> <span className="muted">{t(`desired.status.${c.k}`)}</span>
              </li>
            ))}
            <li className="rollout-count">
              <span className="rollout-count-value">{rows.filter((r) => !r.online).length}</span> <span className="muted">{t('desired.rollout.offline')}</span>
            </li>
          </ul>
          {rows.length === 0 ? (
            <Empty>{t('desired.rollout.none')}</Empty>
          ) : (
            <div className="table-wrap">
              <table className="table compact" data-testid="rollout-table">
                <thead>
                  <tr>
                    <th scope="col">{t('desired.rollout.host')}</th>
                    <th scope="col">{t('desired.rollout.status')}</th>
                    <th scope="col">{t('desired.rollout.revision')}</th>
                    <th scope="col">{t('desired.rollout.converged')}</th>
                    <th scope="col">{t('desired.rollout.detail')}</th>
                    <th scope="col">{t('desired.rollout.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.host} data-host={r.host} data-status={r.status}>
                      <td>
                        <Link className="host-link" href={`/host/?name=${encodeURIComponent(r.host)}`}>
                          {r.host}
                        </Link>
                        {r.online ? null : <span className="badge tone-muted rollout-offline">{t('desired.rollout.offlineOne')}</span>}
                      </td>
                      <td>
                        <RolloutBadge status={r.status} />
                      </td>
                      <td className="mono">{r.revision ?? '—'}</td>
                      <td className="mono">{r.convergedRevision ?? '—'}</td>
                      <td className="rollout-detail">
                        {r.error ? <span className="bad-text">{r.error}</span> : r.drift.length ? <span title={r.drift.map((d) => d.sentence).join('\n')}>{r.drift.length > 1 ? t('desired.rollout.driftMore', { first: r.drift[0]!.sentence, count: r.drift.length - 1 }) : r.drift[0]!.sentence}</span> : <span className="muted">—</span>}
                      </td>
                      <td className="nowrap">{formatDateTime(r.updatedAt, language, utc)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ) : null}
    </Panel>
  );
}
