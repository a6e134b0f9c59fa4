'use client';
import Link from 'next/link';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useContext, useEffect, useLayoutEffect, useRef } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../../gql';
import type { RolloutProgressedSubscription } from '../../gql/graphql';
import { RolloutFold } from '../../../../manifests/rollout-fold';
import { formatDateTime } from '../../lib/format';
import { useFrameStore } from '../../lib/use-frame-store';
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

/** Rows are one line (the detail is cut, whole in its tooltip), so the table virtualises. */
const ROW_HEIGHT = 33;
/** Of the table's own scroller: a fleet-wide rollout scrolls inside the panel. */
const MAX_TABLE_HEIGHT = 520;

const COUNTS = [
  { k: 'CONVERGED', field: 'converged', tone: 'ok' },
  { k: 'DRIFTED', field: 'drifted', tone: 'warn' },
  { k: 'PENDING', field: 'pending', tone: 'info' },
  { k: 'FAILED', field: 'failed', tone: 'bad' },
] as const;

/**
 * `ioms rollout status --watch` as a panel: the snapshot from `rolloutStatus`, then every
 * `rolloutProgressed` row folded in as it arrives (the same subscription and the same fold as the
 * CLI: manifests/rollout-fold.ts). A row costs O(1) and the panel renders once per animation
 * frame, the visible rows only, so a rollout to 10,000 hosts streams in without a copy of the
 * fleet per row. The snapshot is read again whenever the live link comes back, so nothing missed
 * while away stays stale.
 */
export function RolloutPanel({ title }: { title?: string }) {
  const { t, language, utc } = useT();
  const [{ data, error, fetching }, refetch] = useQuery({ query: RolloutStatusDoc, requestPolicy: 'network-only' });
  const { store, fold } = useFrameStore(() => new RolloutFold<Row>({ hosts: [] }));
  const link = useContext(LinkStatusContext);
  useEffect(() => {
    if (link === 'connected') refetch({ requestPolicy: 'network-only' });
  }, [link, refetch]);
  useLayoutEffect(() => {
    if (data) store.replace(new RolloutFold<Row>(data.rolloutStatus));
  }, [data, store]);
  const onRow = useCallback(
    (_prev: unknown, event: RolloutProgressedSubscription) => {
      store.update((f) => f.apply(event.rolloutProgressed) !== 'stale');
      return true;
    },
    [store],
  );
  useSubscription({ query: RolloutProgressedDoc }, onRow);
  // A host going on- or offline publishes no rollout row: its `online` comes from hostUpdated.
  useHostUpdates({ onUpdate: useCallback((h: { name: string; online: boolean }) => store.update((f) => f.setOnline(h.name, h.online)), [store]) });

  const rows = fold.hosts;
  const counts = fold.counts();
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, getItemKey: (i) => rows[i]?.host ?? i });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <Panel
      title={title ?? t('desired.rollout.title')}
      actions={
        <span className="muted small" data-testid="rollout-revision">
          {fold.revision ? t('desired.rollout.inForce', { id: fold.revision }) : t('desired.rollout.noRevision')}
        </span>
      }
    >
      {error && !data ? <ErrorBox error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!data && fetching ? <Loading /> : null}
      {data ? (
        <div className="rollout">
          <ul className="rollout-counts" data-testid="rollout-counts">
            {COUNTS.map((c) => (
              <li key={c.k} className={`rollout-count tone-${c.tone}`} data-count={c.k}>
                <span className="rollout-count-value">{counts[c.field]}</span> <span className="muted">{t(`desired.status.${c.k}`)}</span>
              </li>
            ))}
            <li className="rollout-count" data-count="OFFLINE">
              <span className="rollout-count-value">{counts.offline}</span> <span className="muted">{t('desired.rollout.offline')}</span>
            </li>
          </ul>
          {rows.length === 0 ? (
            <Empty>{t('desired.rollout.none')}</Empty>
          ) : (
            <div className="table-wrap rollout-scroll" ref={scroller} style={{ maxHeight: MAX_TABLE_HEIGHT }} data-testid="rollout-scroll">
              <table className="table compact table-fixed" data-testid="rollout-table" aria-rowcount={rows.length + 1}>
                <colgroup>
                  <col className="rollout-col-host" />
                  <col className="rollout-col-status" />
                  <col className="rollout-col-rev" />
                  <col className="rollout-col-rev" />
                  <col />
                  <col className="rollout-col-updated" />
                </colgroup>
                <thead className="sticky">
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
                  {padTop > 0 ? (
                    <tr aria-hidden="true">
                      <td colSpan={6} style={{ height: padTop, padding: 0, border: 0 }} />
                    </tr>
                  ) : null}
                  {items.map((vi) => {
                    const r = rows[vi.index]!;
                    const detail = r.error ?? (r.drift.length ? r.drift.map((d) => d.sentence).join('\n') : undefined);
                    return (
                      <tr key={r.host} data-host={r.host} data-status={r.status} style={{ height: ROW_HEIGHT }} aria-rowindex={vi.index + 2}>
                        <td className="ellipsis">
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
                        <td className="rollout-detail ellipsis" title={detail}>
                          {r.error ? <span className="bad-text">{r.error}</span> : r.drift.length ? <span>{r.drift.length > 1 ? t('desired.rollout.driftMore', { first: r.drift[0]!.sentence, count: r.drift.length - 1 }) : r.drift[0]!.sentence}</span> : <span className="muted">—</span>}
                        </td>
                        <td className="nowrap ellipsis">{formatDateTime(r.updatedAt, language, utc)}</td>
                      </tr>
                    );
                  })}
                  {padBottom > 0 ? (
                    <tr aria-hidden="true">
                      <td colSpan={6} style={{ height: padBottom, padding: 0, border: 0 }} />
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ) : null}
    </Panel>
  );
}
