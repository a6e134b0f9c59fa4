'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { JobStatus } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { useInterval } from '../../lib/live';
import { useT } from '../../lib/prefs';
import { JobBadge } from '../badges';
import { Empty, ErrorBox, Loading } from '../states';

const JobsDoc = graphql(`
  query Jobs($status: JobStatus, $first: Int, $after: String) {
    jobs(status: $status, first: $first, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        kind
        command
        status
        selector
        hosts
        createdBy
        createdAt
        finishedAt
        counts {
          total
          done
          succeeded
          failed
          timedOut
          unreachable
        }
      }
    }
  }
`);

const STATUSES: readonly JobStatus[] = ['RUNNING', 'PAUSED', 'STOPPED', 'CANCELLED', 'COMPLETED'];
const PAGE = 50;

/** Job history, newest first: status filter on the server, text filter over the loaded page. */
export function JobsList() {
  const { t, language, utc } = useT();
  const router = useRouter();
  const params = useSearchParams();
  const statusParam = params.get('status');
  const status = (STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as JobStatus) : undefined;
  const after = params.get('after') ?? undefined;
  const [text, setText] = useState('');
  const [{ data, error, fetching }, reexecute] = useQuery({ query: JobsDoc, variables: { status, first: PAGE, after } });
  useInterval(() => reexecute({ requestPolicy: 'network-only' }), 5000);
  const setParam = (k: string, v: string | undefined) => {
    const q = new URLSearchParams(params.toString());
    if (v) q.set(k, v);
    else q.delete(k);
    if (k !== 'after') q.delete('after');
    const s = q.toString();
    router.replace(s ? `/jobs/?${s}` : '/jobs/');
  };
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (data?.jobs.nodes ?? []).filter((j) => !needle || j.command.toLowerCase().includes(needle) || j.createdBy.toLowerCase().includes(needle) || (j.selector ?? '').toLowerCase().includes(needle));
  }, [data, text]);

  return (
    <div className="page">
      <h1>{t('jobs.title')}</h1>
      <div className="filters">
        <label className="field">
          <span>{t('jobs.status')}</span>
          <select value={status ?? ''} onChange={(e) => setParam('status', e.target.value || undefined)}>
            <option value="">{t('jobs.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`jobStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{t('jobs.filter')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('jobs.filterPlaceholder')} />
        </label>
      </div>
      {error && !data ? <ErrorBox error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {!data && fetching ? <Loading /> : null}
      {data && rows.length === 0 ? <Empty>{t('jobs.none')}</Empty> : null}
      {rows.length > 0 ? (
        <div className="panel">
        <table className="table" data-testid="jobs-table">
          <thead>
            <tr>
              <th scope="col">{t('jobs.job')}</th>
              <th scope="col">{t('jobs.command')}</th>
              <th scope="col">{t('jobs.target')}</th>
              <th scope="col">{t('jobs.status')}</th>
              <th scope="col">{t('jobs.results')}</th>
              <th scope="col">{t('jobs.user')}</th>
              <th scope="col">{t('jobs.started')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((j) => (
              <tr key={j.id}>
                <td>
                  <Link href={`/job/?id=${j.id}`}>#{j.id}</Link>
                </td>
                <td className="mono ellipsis cmd-cell" title={j.command}>
                  {j.kind === 'SHELL' ? j.command : `${t(`jobKind.${j.kind}`)} ${j.command}`}
                </td>
                <td className="mono ellipsis">{j.selector || j.hosts.join(', ') || t('jobs.everyHost')}</td>
                <td>
                  <JobBadge status={j.status} />
                </td>
                <td className="nowrap">
                  <span className="ok-text">{j.counts.succeeded}</span> / <span className="bad-text">{j.counts.failed + j.counts.timedOut + j.counts.unreachable}</span> / {j.counts.total}
                </td>
                <td>{j.createdBy}</td>
                <td className="nowrap">{formatDateTime(j.createdAt, language, utc)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
      <div className="pager">
        {after ? (
          <button type="button" className="btn" onClick={() => setParam('after', undefined)}>
            {t('jobs.newest')}
          </button>
        ) : null}
        {data?.jobs.pageInfo.hasNextPage ? (
          <button type="button" className="btn" onClick={() => setParam('after', data.jobs.pageInfo.endCursor ?? undefined)}>
            {t('jobs.older')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
