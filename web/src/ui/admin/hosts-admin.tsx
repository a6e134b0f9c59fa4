'use client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AdminHostsQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/prefs';
import { HostBadge, Labels } from '../badges';
import { ConfirmButton } from '../confirm-button';
import { Empty, ErrorBox, errorMessage, Loading } from '../states';
import { TablePanel } from './table-panel';
import { formatLabelText, labelChanges, parseLabelText } from './admin-text';

/** Input syntax, not prose: the same in every language. */
const LABELS_EXAMPLE = 'role=web\nenv=prod';
const AdminHostsDoc = graphql(`
  query AdminHosts($search: String, $first: Int) {
    hosts(search: $search, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      nodes {
        id
        name
        online
        alive
        revoked
        lastSeenAt
        agentLabels
        serverLabels
      }
    }
  }
`);
const SetHostLabelsDoc = graphql(`
  mutation SetHostLabels($name: String!, $set: JSON, $remove: [String!]) {
    setHostLabels(name: $name, set: $set, remove: $remove) {
      id
      labels
      serverLabels
    }
  }
`);
const RevokeHostDoc = graphql(`
  mutation RevokeHost($name: String!) {
    revokeHost(name: $name) {
      id
      revoked
      online
    }
  }
`);

const PAGE = 200;
type Host = AdminHostsQuery['hosts']['nodes'][number];

/** /admin/hosts/ — server-side labels (they win over the agent's) and revocation. */
export function HostsAdmin() {
  const { t, language, utc } = useT();
  const [search, setSearch] = useState('');
  const variables = useMemo(() => ({ search: search.trim() || undefined, first: PAGE }), [search]);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminHostsDoc, variables, requestPolicy: 'cache-and-network' });
  const [, revoke] = useMutation(RevokeHostDoc);
  const [editing, setEditing] = useState<string>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const hosts = data?.hosts.nodes ?? [];
  return (
    <div className="page">
      <div className="filters">
        <label className="field grow hosts-admin-search">
          <span>{t('admin.hosts.search')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('admin.hosts.searchPlaceholder')} data-testid="admin-hosts-search" />
        </label>
      </div>
      {outcome ? (
        outcome.ok ? (
          <p className="ok-notice" role="status" data-testid="admin-outcome">
            {outcome.text}
          </p>
        ) : (
          <ErrorBox error={outcome.text} />
        )
      ) : null}
      <TablePanel title={data ? t('admin.hosts.count', { count: data.hosts.totalCount }) : t('admin.hosts.title')} note={data?.hosts.pageInfo.hasNextPage ? <p className="muted small table-note">{t('admin.hosts.more', { shown: hosts.length, total: data.hosts.totalCount })}</p> : undefined}>
        {error ? <ErrorBox error={error} onRetry={refresh} /> : null}
        {!data && fetching ? <Loading /> : null}
        {data && hosts.length === 0 ? <Empty>{search ? t('admin.hosts.noneMatch') : t('admin.hosts.none')}</Empty> : null}
        {hosts.length > 0 ? (
          <table className="table compact" data-testid="admin-hosts-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.hosts.name')}</th>
                <th scope="col">{t('admin.hosts.status')}</th>
                <th scope="col">{t('admin.hosts.agentLabels')}</th>
                <th scope="col">{t('admin.hosts.serverLabels')}</th>
                <th scope="col">{t('admin.hosts.lastSeen')}</th>
                <th scope="col">
                  <span className="sr-only">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hosts.map((h) => (
                <HostRows
                  key={h.id}
                  host={h}
                  lastSeen={formatDateTime(h.lastSeenAt, language, utc)}
                  editing={editing === h.name}
                  onEdit={() => setEditing(editing === h.name ? undefined : h.name)}
                  onSaved={() => {
                    setEditing(undefined);
                    setOutcome({ ok: true, text: t('admin.hosts.labelsSaved', { name: h.name }) });
                    refresh();
                  }}
                  onRevoke={() =>
                    void revoke({ name: h.name }).then((r) => {
                      setOutcome(r.error ? { ok: false, text: errorMessage(r.error) } : { ok: true, text: t('admin.hosts.revoked', { name: h.name }) });
                      refresh();
                    })
                  }
                />
              ))}
            </tbody>
          </table>
        ) : null}
              </TablePanel>
    </div>
  );
}

function HostRows({ host, lastSeen, editing, onEdit, onSaved, onRevoke }: { host: Host; lastSeen: string; editing: boolean; onEdit: () => void; onSaved: () => void; onRevoke: () => void }) {
  const { t } = useT();
  return (
    <>
      <tr data-host={host.name}>
        <td>
          <Link href={`/host/?name=${encodeURIComponent(host.name)}`} className="host-link">
            {host.name}
          </Link>
        </td>
        <td>
          <HostBadge host={host} />
        </td>
        <td>
          <Labels labels={host.agentLabels} max={4} />
        </td>
        <td>
          <Labels labels={host.serverLabels} max={4} />
        </td>
        <td className="nowrap">{lastSeen}</td>
        <td className="actions-cell">
          <span className="row-actions">
            <button type="button" className="btn btn-small" onClick={onEdit} aria-expanded={editing} data-testid={`labels-${host.name}`}>
              {t('admin.hosts.editLabels')}
            </button>
            {host.revoked ? null : <ConfirmButton label={t('admin.hosts.revoke')} question={t('admin.hosts.revokeQuestion')} onConfirm={onRevoke} testId={`revoke-${host.name}`} />}
          </span>
        </td>
      </tr>
      {editing ? (
        <tr className="edit-row">
          <td colSpan={6}>
            <EditLabels host={host} onSaved={onSaved} onCancel={onEdit} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function EditLabels({ host, onSaved, onCancel }: { host: Host; onSaved: () => void; onCancel: () => void }) {
  const { t } = useT();
  const [, setLabels] = useMutation(SetHostLabelsDoc);
  const current = (host.serverLabels ?? {}) as Record<string, unknown>;
  const [text, setText] = useState(() => formatLabelText(current));
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const parsed = parseLabelText(text);
  const changes = parsed.ok ? labelChanges(current, parsed.labels) : undefined;
  const changed = !!changes && (Object.keys(changes.set).length > 0 || changes.remove.length > 0);
  return (
    <form
      className="labels-edit"
      aria-label={t('admin.hosts.editingLabels', { name: host.name })}
      onSubmit={(e) => {
        e.preventDefault();
        if (!changes || !changed) return;
        setBusy(true);
        setFailure(undefined);
        void setLabels({ name: host.name, set: changes.set, remove: changes.remove }).then((r) => {
          setBusy(false);
          if (r.error) return setFailure(errorMessage(r.error));
          onSaved();
        });
      }}
    >
      <label className="field">
        <span>
          {t('admin.hosts.serverLabels')} <span className="hint">{t('admin.hosts.labelsHelp')}</span>
        </span>
        <textarea rows={Math.min(8, Math.max(2, text.split('\n').length + 1))} value={text} onChange={(e) => setText(e.target.value)} placeholder={LABELS_EXAMPLE} data-testid="labels-text" />
      </label>
      <div className="labels-edit-side">
        {!parsed.ok ? <p className="field-error">{t('admin.badLabel', { item: parsed.item })}</p> : null}
        {changes && changed ? (
          <p className="muted small" data-testid="labels-diff">
            {t('admin.hosts.diff', { set: Object.keys(changes.set).length, remove: changes.remove.length })}
          </p>
        ) : null}
        {failure ? (
          <p className="form-error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="btn-row">
          <button type="submit" className="btn btn-primary btn-small" disabled={!changed || busy} data-testid="labels-save">
            {t('admin.save')}
          </button>
          <button type="button" className="btn btn-small" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
