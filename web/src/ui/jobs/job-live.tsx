'use client';
import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../../gql';
import type { JobLiveQuery, JobProgressedSubscription } from '../../gql/graphql';
import { formatDateTime, formatDuration } from '../../lib/format';
import { useFrameStore } from '../../lib/use-frame-store';
import { useT } from '../../lib/prefs';
import { useCan } from '../../lib/session';
import { JobBadge, TargetBadge } from '../badges';
import { OutputView } from '../output-view';
import { Empty, ErrorBox, Loading, Panel } from '../states';
import { groupResults, JobResults } from './job-results';

const JobLiveDoc = graphql(`
  query JobLive($id: ID!) {
    job(id: $id) {
      id
      kind
      command
      status
      selector
      hosts
      batchSize
      maxFailures
      timeoutSeconds
      createdBy
      createdAt
      finishedAt
      lastSeq
      targets {
        host
        status
        exitCode
        signal
        stdout
        stderr
        stdoutTruncated
        stderrTruncated
        durationMs
        error
      }
    }
  }
`);

const JobProgressedDoc = graphql(`
  subscription JobProgressed($jobId: ID!, $afterSeq: Int) {
    jobProgressed(jobId: $jobId, afterSeq: $afterSeq) {
      seq
      type
      host
      status
      data
    }
  }
`);

const PauseJob = graphql(`
  mutation PauseJob($id: ID!) {
    pauseJob(id: $id) {
      id
      status
    }
  }
`);
const ResumeJob = graphql(`
  mutation ResumeJob($id: ID!) {
    resumeJob(id: $id) {
      id
      status
    }
  }
`);
const CancelJob = graphql(`
  mutation CancelJob($id: ID!) {
    cancelJob(id: $id) {
      id
      status
    }
  }
`);

type Job = NonNullable<JobLiveQuery['job']>;
const FINAL_JOB = new Set(['COMPLETED', 'CANCELLED', 'STOPPED']);

/**
 * A job as it runs: the stored targets first, then every `jobProgressed` event after the seq
 * they were read at (no gap, no duplicate), results grouped by identical output.
 */
export function JobLive({ id }: { id: string }) {
  const { t, language, utc } = useT();
  const canAct = useCan('OPERATOR');
  const [{ data, error, fetching }, reexecute] = useQuery({ query: JobLiveDoc, variables: { id }, requestPolicy: 'network-only' });
  const job = data?.job;
  const [selected, setSelected] = useState(0);
  const live = Boolean(job && !FINAL_JOB.has(job.status));
  // Every event is folded in as it comes (O(1) each, however many arrive between two renders);
  // the page renders once per animation frame.
  const { store, fold: results, version } = useFrameStore(() => new JobResults({ status: '', lastSeq: 0, targets: [] }));
  useLayoutEffect(() => {
    if (job) store.replace(new JobResults(job));
  }, [job, store]);
  const onEvent = useCallback(
    (_prev: unknown, d: JobProgressedSubscription) => {
      store.update((f) => f.apply(d.jobProgressed));
      return true;
    },
    [store],
  );
  useSubscription({ query: JobProgressedDoc, variables: { jobId: id, afterSeq: job?.lastSeq ?? 0 }, pause: !live }, onEvent);
  const [, pause] = useMutation(PauseJob);
  const [, resume] = useMutation(ResumeJob);
  const [cancelState, cancel] = useMutation(CancelJob);
  // Once per frame with news, not per event: `version` moves when the fold did.
  const { groups, pending } = useMemo(() => {
    const all = results.results();
    const grouped = groupResults(all);
    return { groups: grouped, pending: all.filter((x) => !grouped.finalStatuses.has(x.status)) };
  }, [results, version]);

  if (error && !job) return <ErrorBox error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data && fetching) return <Loading />;
  if (!job) return <Empty>{t('jobs.notFound', { id })}</Empty>;
  // Before the layout effect has folded this job in, the stored job is what there is.
  const current = results.status || job.status;
  const count = (s: string) => results.count(s);
  const done = results.done();
  const total = results.total;
  const group = groups.groups[Math.min(selected, Math.max(0, groups.groups.length - 1))];

  return (
    <div className="job-live" data-testid="job-live" data-status={current}>
      <div className="page-head">
        <h2 className="mono ellipsis job-title">
          #{job.id} {job.command}
        </h2>
        <JobBadge status={current} />
        <div className="spacer" />
        {canAct && !FINAL_JOB.has(current) ? (
          <div className="btn-row">
            {current === 'PAUSED' ? (
              <button type="button" className="btn" onClick={() => void resume({ id })}>
                {t('jobs.resume')}
              </button>
            ) : (
              <button type="button" className="btn" onClick={() => void pause({ id })}>
                {t('jobs.pause')}
              </button>
            )}
            <button type="button" className="btn btn-danger" disabled={cancelState.fetching} onClick={() => void cancel({ id })}>
              {t('jobs.cancel')}
            </button>
          </div>
        ) : null}
      </div>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={t('jobs.progress')}>
        <span className="progress-ok" style={{ width: `${total ? (100 * count('SUCCEEDED')) / total : 0}%` }} />
        <span className="progress-bad" style={{ width: `${total ? (100 * (count('FAILED') + count('TIMED_OUT') + count('UNREACHABLE'))) / total : 0}%` }} />
      </div>
      <p className="small muted">
        {t('jobs.summary', { done, total, ok: count('SUCCEEDED'), failed: count('FAILED') + count('TIMED_OUT'), unreachable: count('UNREACHABLE') })} · {t('jobs.by', { user: job.createdBy })} · {formatDateTime(job.createdAt, language, utc)}
        {job.selector ? ` · ${t('jobs.selector')}: ${job.selector}` : ''}
      </p>
      <p className="small muted" data-testid="job-facts">
        {t('jobs.facts', { kind: t(`jobKind.${job.kind}`), timeout: job.timeoutSeconds, batch: job.batchSize, budget: job.maxFailures ?? '—' })}
      </p>
      {cancelState.error ? <ErrorBox error={cancelState.error} /> : null}
      <div className="grid-results">
        <Panel title={t('jobs.groups', { count: groups.groups.length })}>
          {groups.groups.length === 0 ? <Empty>{t('jobs.waiting')}</Empty> : null}
          <ul className="group-list" data-testid="result-groups">
            {groups.groups.map((g, i) => (
              <li key={g.key}>
                <button type="button" className={i === selected ? 'group active' : 'group'} onClick={() => setSelected(i)} aria-pressed={i === selected}>
                  <TargetBadge status={g.status} /> <span className="small">{t('jobs.exit', { code: g.exitCode ?? '—' })}</span>
                  <span className="group-count">{t('jobs.hostsCount', { count: g.hosts.length })}</span>
                  <span className="group-hosts small muted ellipsis">{g.hosts.join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
          {pending.length > 0 ? (
            <>
              <h3>{t('jobs.inFlight', { count: pending.length })}</h3>
              <ul className="pending-list">
                {pending.slice(0, 50).map((p) => (
                  <li key={p.host}>
                    <span className="mono">{p.host}</span> <TargetBadge status={p.status} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Panel>
        <Panel title={t('jobs.output')}>
          {group ? (
            <div data-testid="output-viewer">
              <p className="small muted">
                {group.hosts.length === 1 ? group.hosts[0] : t('jobs.hostsCount', { count: group.hosts.length })}
                {group.durationMs !== undefined ? ` · ${formatDuration(group.durationMs)}` : ''}
                {group.error ? ` · ${group.error}` : ''}
              </p>
              <h3>stdout</h3>
              {group.stdout ? <OutputView text={group.stdout} label="stdout" /> : <p className="muted small">{t('jobs.noOutput')}</p>}
              {group.stderr ? (
                <>
                  <h3>stderr</h3>
                  <OutputView text={group.stderr} label="stderr" tone="err" />
                </>
              ) : null}
            </div>
          ) : (
            <Empty>{t('jobs.waiting')}</Empty>
          )}
        </Panel>
      </div>
    </div>
  );
}
export type { Job };
