'use client';
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../../gql';
import type { JobLiveQuery, JobProgressedSubscription } from '../../gql/graphql';
import { formatDateTime, formatDuration } from '../../lib/format';
import { useT } from '../../lib/prefs';
import { useCan } from '../../lib/session';
import { JobBadge, TargetBadge } from '../badges';
import { OutputView } from '../output-view';
import { Empty, ErrorBox, Loading, Panel } from '../states';
import { groupResults, type TargetResult } from './group-results';

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
type ProgressEvent = JobProgressedSubscription['jobProgressed'];
const FINAL_JOB = new Set(['COMPLETED', 'CANCELLED', 'STOPPED']);

function applyEvent(targets: Map<string, TargetResult>, ev: { type: string; host?: string | null; status: string; data: unknown }): void {
  if (ev.type !== 'TARGET' || !ev.host) return;
  const d = (ev.data && typeof ev.data === 'object' ? ev.data : {}) as Record<string, unknown>;
  const prev = targets.get(ev.host) ?? { host: ev.host, status: ev.status };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  targets.set(ev.host, {
    ...prev,
    status: ev.status,
    exitCode: num(d.exitCode) ?? prev.exitCode,
    signal: str(d.signal) ?? prev.signal,
    stdout: str(d.stdout) ?? prev.stdout,
    stderr: str(d.stderr) ?? prev.stderr,
    durationMs: num(d.durationMs) ?? prev.durationMs,
    error: str(d.error) ?? prev.error,
  });
}

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
  // Every event is kept (several may arrive in one render), applied in order over the stored rows.
  const [{ data: events }] = useSubscription({ query: JobProgressedDoc, variables: { jobId: id, afterSeq: job?.lastSeq ?? 0 }, pause: !live }, (prev: ProgressEvent[] = [], d) => [...prev, d.jobProgressed]);
  const { targets, status } = useMemo(() => {
    const m = new Map<string, TargetResult>((job?.targets ?? []).map((x) => [x.host, { host: x.host, status: x.status, signal: x.signal ?? undefined, stdout: x.stdout ?? undefined, stderr: x.stderr ?? undefined, exitCode: x.exitCode ?? undefined, durationMs: x.durationMs ?? undefined, error: x.error ?? undefined }]));
    let st = job?.status as string | undefined;
    for (const e of events ?? []) {
      if (e.seq <= (job?.lastSeq ?? 0)) continue;
      if (e.type === 'JOB') st = e.status;
      else applyEvent(m, e);
    }
    return { targets: m, status: st };
  }, [job, events]);

  const [, pause] = useMutation(PauseJob);
  const [, resume] = useMutation(ResumeJob);
  const [cancelState, cancel] = useMutation(CancelJob);
  const groups = useMemo(() => groupResults([...targets.values()]), [targets]);
  const pending = useMemo(() => [...targets.values()].filter((x) => !groups.finalStatuses.has(x.status)), [targets, groups]);

  if (error && !job) return <ErrorBox error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data && fetching) return <Loading />;
  if (!job) return <Empty>{t('jobs.notFound', { id })}</Empty>;
  const current = status ?? job.status;
  const all = [...targets.values()];
  const count = (s: string) => all.filter((x) => x.status === s).length;
  const done = all.filter((x) => groups.finalStatuses.has(x.status)).length;
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
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={all.length} aria-valuenow={done} aria-label={t('jobs.progress')}>
        <span className="progress-ok" style={{ width: `${all.length ? (100 * count('SUCCEEDED')) / all.length : 0}%` }} />
        <span className="progress-bad" style={{ width: `${all.length ? (100 * (count('FAILED') + count('TIMED_OUT') + count('UNREACHABLE'))) / all.length : 0}%` }} />
      </div>
      <p className="small muted">
        {t('jobs.summary', { done, total: all.length, ok: count('SUCCEEDED'), failed: count('FAILED') + count('TIMED_OUT'), unreachable: count('UNREACHABLE') })} · {t('jobs.by', { user: job.createdBy })} · {formatDateTime(job.createdAt, language, utc)}
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
