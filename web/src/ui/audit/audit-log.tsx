'use client';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery, useSubscription } from 'urql';
import { graphql } from '../../gql';
import type { AuditOutcome } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/prefs';
import { downloadText, fileStamp } from '../download';
import { fromLocalInput, toLocalInput } from '../reports/report-range';
import { Empty, ErrorBox, errorMessage, Loading } from '../states';
import { EXPORT_MAX_PAGES, EXPORT_PAGE_SIZE, joinCsvPages } from './audit-csv';
import './audit.css';

const AuditDoc = graphql(`
  query AuditEvents($filter: AuditFilterInput, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        at
        actorType
        actor
        ip
        action
        target
        args
        outcome
        reason
      }
    }
  }
`);

const AuditCsvDoc = graphql(`
  query AuditEventsCsv($filter: AuditFilterInput, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      csv
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const AuditRecordedDoc = graphql(`
  subscription AuditRecorded {
    auditEventRecorded {
      id
    }
  }
`);

const OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'FAILURE', 'DENIED'];
const OUTCOME_TONE: Record<AuditOutcome, string> = { SUCCESS: 'ok', FAILURE: 'bad', DENIED: 'warn' };
/** Suggestions for the action filter (any action name may be typed). */
const COMMON_ACTIONS = ['login', 'logout', 'createUser', 'updateUser', 'deleteUser', 'unlockUser', 'createEnrollmentToken', 'revokeEnrollmentToken', 'setHostLabels', 'revokeHost', 'deleteHost', 'runCommand', 'applyManifests', 'enrollAgent', 'agentConnect'];
const PAGE = 50;

interface Filter {
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
  since?: string;
  until?: string;
}

function filterOf(q: URLSearchParams): Filter {
  const outcome = q.get('outcome');
  const iso = (v: string | null) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined);
  return {
    actor: q.get('actor') || undefined,
    action: q.get('action') || undefined,
    outcome: (OUTCOMES as readonly string[]).includes(outcome ?? '') ? (outcome as AuditOutcome) : undefined,
    since: iso(q.get('since')),
    until: iso(q.get('until')),
  };
}

/** /audit/ — the audit trail, newest first, filtered on the server, paged by cursor, exported as CSV. */
export function AuditLog() {
  const { t, language, utc } = useT();
  const router = useRouter();
  const params = useSearchParams();
  const filter = useMemo(() => filterOf(new URLSearchParams(params.toString())), [params]);
  const after = params.get('after') ?? undefined;
  const variables = useMemo(() => ({ filter, first: PAGE, after }), [filter, after]);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AuditDoc, variables, requestPolicy: 'cache-and-network' });
  const [{ data: live }] = useSubscription({ query: AuditRecordedDoc }, (n: number = 0) => n + 1);
  const [seen, setSeen] = useState(0);
  const fresh = (live ?? 0) - seen;

  const [draft, setDraft] = useState({ actor: filter.actor ?? '', action: filter.action ?? '', since: filter.since ? toLocalInput(filter.since, utc) : '', until: filter.until ? toLocalInput(filter.until, utc) : '' });
  useEffect(() => setDraft({ actor: filter.actor ?? '', action: filter.action ?? '', since: filter.since ? toLocalInput(filter.since, utc) : '', until: filter.until ? toLocalInput(filter.until, utc) : '' }), [filter, utc]);

  const push = (next: Filter & { after?: string }) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) q.set(k, v);
    const s = q.toString();
    router.replace(s ? `/audit/?${s}` : '/audit/');
  };
  const apply = () => push({ actor: draft.actor.trim() || undefined, action: draft.action.trim() || undefined, outcome: filter.outcome, since: fromLocalInput(draft.since, utc), until: fromLocalInput(draft.until, utc) });
  const refresh = () => {
    setSeen(live ?? 0);
    reexecute({ requestPolicy: 'network-only' });
  };

  const client = useClient();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const [exportNote, setExportNote] = useState<string>();
  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    setExportNote(undefined);
    const pages: string[] = [];
    let cursor: string | undefined;
    let more = true;
    while (more && pages.length < EXPORT_MAX_PAGES) {
      const r = await client.query(AuditCsvDoc, { filter, first: EXPORT_PAGE_SIZE, after: cursor }, { requestPolicy: 'network-only' }).toPromise();
      if (r.error || !r.data) {
        setExporting(false);
        return setExportError(r.error ? errorMessage(r.error) : t('state.error'));
      }
      pages.push(r.data.auditEvents.csv);
      cursor = r.data.auditEvents.pageInfo.endCursor ?? undefined;
      more = r.data.auditEvents.pageInfo.hasNextPage;
    }
    setExporting(false);
    if (more) setExportNote(t('audit.exportCapped', { rows: EXPORT_MAX_PAGES * EXPORT_PAGE_SIZE }));
    downloadText(`ioms-audit-${fileStamp(new Date().toISOString())}.csv`, joinCsvPages(pages));
  };

  const rows = data?.auditEvents.nodes ?? [];
  const filtered = Object.values(filter).some(Boolean);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('audit.title')}</h1>
        <span className="spacer" />
        {fresh > 0 ? (
          <button type="button" className="btn btn-small" onClick={refresh} data-testid="audit-fresh">
            {t('audit.fresh', { count: fresh })}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={() => void exportCsv()} disabled={exporting} data-testid="audit-csv">
          {exporting ? t('audit.exporting') : t('audit.exportCsv')}
        </button>
      </div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label className="field">
          <span>{t('audit.actor')}</span>
          <input value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} placeholder={t('audit.actorPlaceholder')} data-testid="audit-actor" />
        </label>
        <label className="field">
          <span>{t('audit.action')}</span>
          <input value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} list="audit-actions" placeholder={t('audit.actionPlaceholder')} data-testid="audit-action" />
          <datalist id="audit-actions">
            {COMMON_ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>{t('audit.outcome')}</span>
          <select value={filter.outcome ?? ''} onChange={(e) => push({ ...filter, outcome: (e.target.value || undefined) as AuditOutcome | undefined })} data-testid="audit-outcome">
            <option value="">{t('audit.anyOutcome')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`audit.outcomes.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('audit.since')}</span>
          <input type="datetime-local" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('audit.until')}</span>
          <input type="datetime-local" value={draft.until} onChange={(e) => setDraft({ ...draft, until: e.target.value })} />
        </label>
        <div className="field">
          <span aria-hidden="true">&nbsp;</span>
          <div className="btn-row">
            <button type="submit" className="btn btn-primary" data-testid="audit-apply">
              {t('audit.apply')}
            </button>
            {filtered ? (
              <button type="button" className="btn" onClick={() => push({})}>
                {t('audit.clear')}
              </button>
            ) : null}
          </div>
        </div>
      </form>
      {exportError ? <ErrorBox error={exportError} /> : null}
      {exportNote ? <p className="notice">{exportNote}</p> : null}
      {error ? <ErrorBox error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {!data && fetching ? <Loading /> : null}
      {data && rows.length === 0 ? <Empty>{filtered ? t('audit.noneFiltered') : t('audit.none')}</Empty> : null}
      {rows.length > 0 ? (
        <div className={fetching ? 'panel audit-panel stale' : 'panel audit-panel'} aria-busy={fetching}>
          <table className="table compact audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.ip')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.outcome')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-action={e.action} data-outcome={e.outcome}>
                  <td className="nowrap">{formatDateTime(e.at, language, utc)}</td>
                  <td className="audit-actor">
                    <span className="mono">{e.actor}</span> <span className="muted small">{t(`audit.actorType.${e.actorType}`, { defaultValue: e.actorType })}</span>
                  </td>
                  <td className="mono">{e.ip}</td>
                  <td className="mono">{e.action}</td>
                  <td className="mono ellipsis audit-target" title={e.target ?? undefined}>
                    {e.target ?? '—'}
                  </td>
                  <td>
                    <span className={`badge tone-${OUTCOME_TONE[e.outcome]}`}>{t(`audit.outcomes.${e.outcome}`)}</span>
                  </td>
                  <td className="audit-details">
                    {e.reason ? <div className="audit-reason">{e.reason}</div> : null}
                    {e.args !== null && e.args !== undefined ? (
                      <details>
                        <summary>{t('audit.args')}</summary>
                        <pre className="audit-args">{JSON.stringify(e.args, null, 2)}</pre>
                      </details>
                    ) : null}
                    {!e.reason && (e.args === null || e.args === undefined) ? <span className="muted">—</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="pager">
        {after ? (
          <button type="button" className="btn" onClick={() => push({ ...filter })}>
            {t('audit.newest')}
          </button>
        ) : null}
        {data?.auditEvents.pageInfo.hasNextPage ? (
          <button type="button" className="btn" onClick={() => push({ ...filter, after: data.auditEvents.pageInfo.endCursor ?? undefined })} data-testid="audit-older">
            {t('audit.older')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
