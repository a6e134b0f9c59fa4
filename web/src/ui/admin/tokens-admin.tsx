'use client';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/prefs';
import { Labels } from '../badges';
import { ConfirmButton } from '../confirm-button';
import { Empty, ErrorBox, errorMessage, Loading, Panel } from '../states';
import { TablePanel } from './table-panel';
import { parseLabelText } from './admin-text';

/** Input syntax, not prose: the same in every language. */
const LABELS_EXAMPLE = 'role=web\nenv=prod';
const TokensDoc = graphql(`
  query EnrollmentTokens {
    enrollmentTokens {
      id
      description
      labels
      expiresAt
      maxUses
      uses
      createdBy
      createdAt
      revokedAt
      status
    }
  }
`);
const CreateTokenDoc = graphql(`
  mutation CreateEnrollmentToken($input: CreateEnrollmentTokenInput!) {
    createEnrollmentToken(input: $input) {
      token
      enrollmentToken {
        id
        expiresAt
        maxUses
      }
    }
  }
`);
const RevokeTokenDoc = graphql(`
  mutation RevokeEnrollmentToken($id: ID!) {
    revokeEnrollmentToken(id: $id) {
      id
      status
    }
  }
`);

const STATUS_TONE: Record<string, string> = { ACTIVE: 'ok', EXPIRED: 'muted', USED_UP: 'info', REVOKED: 'bad' };

/** /admin/tokens/ — enrollment tokens: create (the token is shown once), list, revoke. */
export function TokensAdmin() {
  const { t, language, utc } = useT();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: TokensDoc, requestPolicy: 'cache-and-network' });
  const [, revoke] = useMutation(RevokeTokenDoc);
  const [created, setCreated] = useState<{ token: string; expiresAt: string; maxUses: number }>();
  const [failure, setFailure] = useState<string>();
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const tokens = data?.enrollmentTokens ?? [];
  return (
    <div className="admin-grid">
      <CreateTokenForm
        onCreated={(c) => {
          setCreated(c);
          refresh();
        }}
      />
      <div className="page">
        {created ? <TokenOnce {...created} onDone={() => setCreated(undefined)} /> : null}
        {failure ? <ErrorBox error={failure} /> : null}
        <TablePanel title={t('admin.tokens.list')}>
          {error ? <ErrorBox error={error} onRetry={refresh} /> : null}
          {!data && fetching ? <Loading /> : null}
          {data && tokens.length === 0 ? <Empty>{t('admin.tokens.none')}</Empty> : null}
          {tokens.length > 0 ? (
            <table className="table compact" data-testid="tokens-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.tokens.id')}</th>
                  <th scope="col">{t('admin.tokens.description')}</th>
                  <th scope="col">{t('admin.tokens.labels')}</th>
                  <th scope="col">{t('admin.tokens.status')}</th>
                  <th scope="col" className="num">
                    {t('admin.tokens.uses')}
                  </th>
                  <th scope="col">{t('admin.tokens.expires')}</th>
                  <th scope="col">{t('admin.tokens.createdBy')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('admin.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tk) => (
                  <tr key={tk.id} data-token={tk.id} data-status={tk.status}>
                    <td className="mono">#{tk.id}</td>
                    <td className="ellipsis token-desc">{tk.description || <span className="muted">—</span>}</td>
                    <td>
                      <Labels labels={tk.labels} max={4} />
                    </td>
                    <td>
                      <span className={`badge tone-${STATUS_TONE[tk.status] ?? 'muted'}`}>{t(`admin.tokens.statuses.${tk.status}`, { defaultValue: tk.status })}</span>
                    </td>
                    <td className="num nowrap">
                      {tk.uses} / {tk.maxUses}
                    </td>
                    <td className="nowrap">{formatDateTime(tk.expiresAt, language, utc)}</td>
                    <td>{tk.createdBy}</td>
                    <td className="actions-cell">
                      {tk.status === 'ACTIVE' ? (
                        <ConfirmButton
                          label={t('admin.tokens.revoke')}
                          question={t('admin.tokens.revokeQuestion', { id: tk.id })}
                          testId={`revoke-token-${tk.id}`}
                          onConfirm={() =>
                            void revoke({ id: tk.id }).then((r) => {
                              setFailure(r.error ? errorMessage(r.error) : undefined);
                              refresh();
                            })
                          }
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </TablePanel>
      </div>
    </div>
  );
}

/** The token itself, once: the server keeps only its hash. */
function TokenOnce({ token, expiresAt, maxUses, onDone }: { token: string; expiresAt: string; maxUses: number; onDone: () => void }) {
  const { t, language, utc } = useT();
  const [copied, setCopied] = useState(false);
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <section className="secret-once" aria-label={t('admin.tokens.createdTitle')} data-testid="token-once">
      <strong>{t('admin.tokens.createdTitle')}</strong>
      <span>{t('admin.tokens.createdHelp', { expires: formatDateTime(expiresAt, language, utc), count: maxUses })}</span>
      <div className="secret-row">
        <input readOnly value={token} aria-label={t('admin.tokens.token')} onFocus={(e) => e.target.select()} data-testid="token-value" />
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            void navigator.clipboard?.writeText(token).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('admin.tokens.copied') : t('admin.tokens.copy')}
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          {t('admin.tokens.done')}
        </button>
      </div>
      <span className="small">{t('admin.tokens.agentCommand')}</span>
      <code>{`ioms agent --server ${origin} --name HOST --token ${token}`}</code>
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (c: { token: string; expiresAt: string; maxUses: number }) => void }) {
  const { t } = useT();
  const [, create] = useMutation(CreateTokenDoc);
  const [description, setDescription] = useState('');
  const [labels, setLabels] = useState('');
  const [hours, setHours] = useState('24');
  const [maxUses, setMaxUses] = useState('1');
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const parsed = parseLabelText(labels);
  const ttl = Number(hours);
  const uses = Number(maxUses);
  const invalid = !parsed.ok ? t('admin.badLabel', { item: parsed.item }) : !(ttl > 0) ? t('admin.tokens.badTtl') : !Number.isInteger(uses) || uses < 1 ? t('admin.tokens.badUses') : undefined;
  return (
    <Panel title={t('admin.tokens.create')}>
      <form
        className="admin-form"
        data-testid="create-token"
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid || !parsed.ok) return;
          setBusy(true);
          setFailure(undefined);
          void create({ input: { description: description.trim() || undefined, labels: parsed.labels, ttlSeconds: Math.round(ttl * 3600), maxUses: uses } }).then((r) => {
            setBusy(false);
            if (r.error || !r.data) return setFailure(r.error ? errorMessage(r.error) : t('state.error'));
            const c = r.data.createEnrollmentToken;
            onCreated({ token: c.token, expiresAt: c.enrollmentToken.expiresAt, maxUses: c.enrollmentToken.maxUses });
            setDescription('');
            setLabels('');
          });
        }}
      >
        <label className="field">
          <span>{t('admin.tokens.description')}</span>
          <input value={description} onChange={(e) => setDescription(e.target.value)} data-testid="token-description" />
        </label>
        <label className="field">
          <span>
            {t('admin.tokens.labels')} <span className="hint">{t('admin.labelsHint')}</span>
          </span>
          <textarea rows={2} value={labels} onChange={(e) => setLabels(e.target.value)} placeholder={LABELS_EXAMPLE} />
        </label>
        <div className="field-row two">
          <label className="field">
            <span>{t('admin.tokens.lifetimeHours')}</span>
            <input type="number" min="0.1" step="any" value={hours} onChange={(e) => setHours(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('admin.tokens.maxUses')}</span>
            <input type="number" min="1" step="1" value={maxUses} onChange={(e) => setMaxUses(e.target.value)} />
          </label>
        </div>
        {invalid ? <p className="field-error">{invalid}</p> : null}
        {failure ? (
          <p className="form-error" role="alert">
            {failure}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy || !!invalid} data-testid="create-token-submit">
          {t('admin.tokens.createButton')}
        </button>
      </form>
    </Panel>
  );
}
