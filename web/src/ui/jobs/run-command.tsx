'use client';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Interpreter } from '../../gql/graphql';
import { useT } from '../../lib/prefs';
import { useCan } from '../../lib/session';
import { HostBadge } from '../badges';
import { Empty, ErrorBox, errorMessage } from '../states';
import { JobLive } from './job-live';

const PreviewDoc = graphql(`
  query RunPreview($selector: String, $names: [String!]) {
    hosts(selector: $selector, names: $names, first: 12) {
      totalCount
      nodes {
        name
        online
        alive
        revoked
      }
    }
  }
`);

const RunCommandDoc = graphql(`
  mutation RunCommand($input: RunCommandInput!) {
    runCommand(input: $input) {
      id
      status
    }
  }
`);

const INTERPRETERS: readonly (Interpreter | '')[] = ['', 'SH', 'BASH', 'CMD', 'POWERSHELL'];

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

const optionalInt = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** Run a command: target with a live preview, submit, then watch the job on the same page. */
export function RunCommand() {
  const { t } = useT();
  const allowed = useCan('OPERATOR');
  const router = useRouter();
  const params = useSearchParams();
  const [selector, setSelector] = useState(params.get('selector') ?? '');
  const [hosts, setHosts] = useState(params.get('hosts') ?? '');
  const [command, setCommand] = useState('');
  const [interpreter, setInterpreter] = useState<Interpreter | ''>('');
  const [timeout, setTimeoutSeconds] = useState('60');
  const [batch, setBatch] = useState('');
  const [maxFailures, setMaxFailures] = useState('');
  const jobId = params.get('job');
  const names = hosts
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const target = useDebounced({ selector: selector.trim(), names }, 300);
  const [preview] = useQuery({ query: PreviewDoc, variables: { selector: target.selector || (target.names.length ? undefined : ''), names: target.names.length ? target.names : undefined }, requestPolicy: 'network-only' });
  const [run, submit] = useMutation(RunCommandDoc);

  if (!allowed) return <ErrorBox error={t('run.notAllowed')} />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await submit({
      input: {
        selector: selector.trim() || undefined,
        hosts: names.length ? names : undefined,
        command,
        interpreter: interpreter || undefined,
        timeoutSeconds: optionalInt(timeout),
        batch: batch.trim() || undefined,
        maxFailures: optionalInt(maxFailures),
      },
    });
    const id = res.data?.runCommand.id;
    if (id) {
      const q = new URLSearchParams(params.toString());
      q.set('job', id);
      router.replace(`/run/?${q.toString()}`, { scroll: false });
    }
  };

  const count = preview.data?.hosts.totalCount;
  const noTarget = !selector.trim() && names.length === 0;
  return (
    <div className="page">
      <h1>{t('run.title')}</h1>
      <div className="run-grid">
        <form className="panel form-panel" onSubmit={(e) => void onSubmit(e)} aria-label={t('run.title')}>
          <label className="field">
            <span>{t('run.selector')}</span>
            <input className="mono" value={selector} onChange={(e) => setSelector(e.target.value)} placeholder="role=web,env!=prod" data-testid="run-selector" />
          </label>
          <label className="field">
            <span>{t('run.hosts')}</span>
            <input className="mono" value={hosts} onChange={(e) => setHosts(e.target.value)} placeholder="web-01, db-*" data-testid="run-hosts" />
          </label>
          <label className="field">
            <span>{t('run.command')}</span>
            <textarea className="mono" rows={4} value={command} onChange={(e) => setCommand(e.target.value)} required placeholder="uptime" data-testid="run-command" />
          </label>
          <div className="field-row">
            <label className="field">
              <span>{t('run.shell')}</span>
              <select value={interpreter} onChange={(e) => setInterpreter(e.target.value as Interpreter | '')}>
                {INTERPRETERS.map((i) => (
                  <option key={i} value={i}>
                    {i ? i.toLowerCase() : t('run.defaultShell')}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('run.timeout')}</span>
              <input type="number" min={1} value={timeout} onChange={(e) => setTimeoutSeconds(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('run.batch')}</span>
              <input value={batch} onChange={(e) => setBatch(e.target.value)} placeholder="10 / 25%" />
            </label>
            <label className="field">
              <span>{t('run.maxFailures')}</span>
              <input type="number" min={0} value={maxFailures} onChange={(e) => setMaxFailures(e.target.value)} />
            </label>
          </div>
          {run.error ? (
            <p className="form-error" role="alert">
              {errorMessage(run.error)}
            </p>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={run.fetching || !command.trim() || count === 0} data-testid="run-submit">
            {count === undefined ? t('run.submit') : t('run.submitOn', { count })}
          </button>
          {noTarget ? <p className="small muted">{t('run.everyHost')}</p> : null}
        </form>
        <section className="panel" aria-label={t('run.preview')}>
          <header className="panel-head">
            <h2>{t('run.preview')}</h2>
            <span className="muted" data-testid="run-count" aria-live="polite">
              {count === undefined ? '' : t('run.matched', { count })}
            </span>
          </header>
          <div className="panel-body">
            {preview.error ? <p className="field-error">{errorMessage(preview.error)}</p> : null}
            {preview.data && preview.data.hosts.nodes.length === 0 ? <Empty>{t('run.noMatch')}</Empty> : null}
            <ul className="preview-list">
              {preview.data?.hosts.nodes.map((h) => (
                <li key={h.name}>
                  <span className="mono">{h.name}</span> <HostBadge host={h} />
                </li>
              ))}
            </ul>
            {count !== undefined && preview.data && count > preview.data.hosts.nodes.length ? <p className="small muted">{t('run.andMore', { count: count - preview.data.hosts.nodes.length })}</p> : null}
          </div>
        </section>
      </div>
      {jobId ? <JobLive key={jobId} id={jobId} /> : null}
    </div>
  );
}
