'use client';
import Link from 'next/link';
import { useMemo, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { graphql } from '../../gql';
import type { ApplyManifestsInput } from '../../gql/graphql';
import { useT } from '../../lib/prefs';
import { useCan } from '../../lib/session';
import { ErrorBox, errorMessage, Panel } from '../states';
import { ErrorList, PlanHosts, type ApplyResult, type ManifestError } from './plan-result';
import { RolloutPanel } from './rollout-panel';
import { YamlView } from './yaml-view';

const PlanManifestsDoc = graphql(`
  query PlanManifests($input: ApplyManifestsInput!) {
    planManifests(input: $input) {
      ...ApplyResultFields
    }
  }
`);

const ApplyManifestsDoc = graphql(`
  mutation ApplyManifests($input: ApplyManifestsInput!) {
    applyManifests(input: $input) {
      ...ApplyResultFields
    }
  }
`);

interface EditFile {
  readonly path: string;
  readonly content: string;
}

const PASTED = 'pasted.yaml';
/** Larger files are refused before reading (the server caps manifests far below this). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Offset of 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return Math.min(text.length, at + Math.max(0, column - 1));
}

/**
 * `ioms diff` and `ioms apply` in the page: paste or upload YAML, plan it (`planManifests`: the
 * CLI's errors with file, line and column, and its per-host actions), then apply exactly the
 * planned text (operators and admins) and watch the rollout live.
 */
export function PlanEditor() {
  const { t } = useT();
  const client = useClient();
  const canApply = useCan('OPERATOR');
  const [files, setFiles] = useState<readonly EditFile[]>([{ path: PASTED, content: '' }]);
  const [active, setActive] = useState(0);
  const [mode, setMode] = useState<'edit' | 'view'>('edit');
  const [prune, setPrune] = useState(false);
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<ApplyResult | undefined>(undefined);
  const [planError, setPlanError] = useState<string | undefined>(undefined);
  const [planning, setPlanning] = useState(false);
  const [applied, setApplied] = useState<ApplyResult | undefined>(undefined);
  const [applyState, apply] = useMutation(ApplyManifestsDoc);
  const area = useRef<HTMLTextAreaElement>(null);
  const current = files[Math.min(active, files.length - 1)]!;
  const empty = files.every((f) => f.content.trim() === '');

  const input = (): ApplyManifestsInput => ({ files: files.map((f) => ({ path: f.path, content: f.content })), prune, ...(message.trim() ? { message: message.trim() } : {}) });
  const invalidate = () => {
    setResult(undefined);
    setPlanError(undefined);
  };
  const edit = (content: string) => {
    setFiles((fs) => fs.map((f, i) => (i === active ? { ...f, content } : f)));
    invalidate();
  };
  const upload = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const picked = [...list];
    const tooBig = picked.find((f) => f.size > MAX_FILE_BYTES);
    if (tooBig) {
      setPlanError(t('desired.plan.fileTooBig', { name: tooBig.name }));
      return;
    }
    const read = await Promise.all(picked.map(async (f) => ({ path: f.name, content: await f.text() })));
    setFiles(read);
    setActive(0);
    setMode('edit');
    invalidate();
  };
  const plan = async () => {
    setPlanning(true);
    setApplied(undefined);
    invalidate();
    const r = await client.query(PlanManifestsDoc, { input: input() }, { requestPolicy: 'network-only' }).toPromise();
    setPlanning(false);
    if (r.error || !r.data) return setPlanError(errorMessage(r.error ?? t('state.error')));
    setResult(r.data.planManifests);
    if (r.data.planManifests.errors.length) setMode('view');
  };
  const doApply = async () => {
    const r = await apply({ input: input() });
    if (r.error || !r.data) return setPlanError(errorMessage(r.error ?? t('state.error')));
    const out = r.data.applyManifests;
    if (out.errors.length) {
      setResult(out);
      setMode('view');
      return;
    }
    setApplied(out);
    setResult(undefined);
  };
  const pick = (e: ManifestError) => {
    const i = files.findIndex((f) => f.path === e.file);
    if (i < 0) return;
    setActive(i);
    setMode('edit');
    requestAnimationFrame(() => {
      const el = area.current;
      if (!el) return;
      const at = offsetOf(files[i]!.content, e.line, e.column);
      el.focus();
      el.setSelectionRange(at, at);
    });
  };
  const marks = useMemo(() => (result?.errors ?? []).filter((e) => e.file === current.path && e.line > 0).map((e) => ({ line: e.line, column: e.column, text: `${e.message} [${e.code}]` })), [result, current.path]);
  const otherFileErrors = (result?.errors ?? []).filter((e) => e.file !== current.path || e.line <= 0).length;
  const ok = result && result.errors.length === 0;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('desired.plan.title')}</h1>
        <span className="spacer" />
        <Link className="btn" href="/desired/">
          {t('desired.backToRevisions')}
        </Link>
      </div>
      <p className="muted page-lead">{t('desired.plan.lead')}</p>
      <div className="plan-grid">
        <Panel
          title={t('desired.plan.manifests')}
          className="plan-editor"
          actions={
            <>
              <div className="segmented" role="group" aria-label={t('desired.plan.mode')}>
                <button type="button" className={mode === 'edit' ? 'seg active' : 'seg'} aria-pressed={mode === 'edit'} onClick={() => setMode('edit')}>
                  {t('desired.plan.edit')}
                </button>
                <button type="button" className={mode === 'view' ? 'seg active' : 'seg'} aria-pressed={mode === 'view'} onClick={() => setMode('view')} data-testid="plan-view-mode">
                  {t('desired.plan.highlighted')}
                </button>
              </div>
              <label className="btn btn-file">
                {t('desired.plan.upload')}
                <input type="file" accept=".yaml,.yml,text/yaml" multiple className="sr-only" data-testid="plan-upload" onChange={(e) => void upload(e.target.files)} />
              </label>
            </>
          }
        >
          {files.length > 1 || current.path !== PASTED ? (
            <div className="file-tabs" role="tablist" aria-label={t('desired.plan.files')}>
              {files.map((f, i) => (
                <button key={f.path + i} type="button" role="tab" aria-selected={i === active} className={i === active ? 'file-tab active' : 'file-tab'} onClick={() => setActive(i)}>
                  {f.path}
                  {result?.errors.some((e) => e.file === f.path) ? <span className="file-tab-bad"> •</span> : null}
                </button>
              ))}
            </div>
          ) : null}
          {mode === 'edit' ? (
            <label className="field">
              <span className="sr-only">{t('desired.plan.yamlOf', { file: current.path })}</span>
              <textarea ref={area} className="yaml-input mono" spellCheck={false} value={current.content} onChange={(e) => edit(e.target.value)} placeholder={t('desired.plan.placeholder')} data-testid="plan-yaml" rows={22} />
            </label>
          ) : current.content ? (
            <YamlView source={current.content} marks={marks} label={t('desired.plan.yamlOf', { file: current.path })} testId="plan-highlighted" maxHeight={460} />
          ) : (
            <p className="muted">{t('desired.plan.nothingYet')}</p>
          )}
          {mode === 'view' && otherFileErrors > 0 ? <p className="muted small">{t('desired.plan.otherErrors', { count: otherFileErrors })}</p> : null}
          <div className="plan-options">
            <label className="field grow">
              <span>{t('desired.plan.message')}</span>
              <input value={message} onChange={(e) => setMessage(e.target.value)} maxLength={1024} placeholder={t('desired.plan.messagePlaceholder')} data-testid="plan-message" />
            </label>
            <label className="inline-field plan-prune">
              <input type="checkbox" checked={prune} onChange={(e) => (setPrune(e.target.checked), invalidate())} /> {t('desired.plan.prune')}
            </label>
          </div>
          <div className="btn-row">
            <button type="button" className="btn btn-primary" disabled={empty || planning} onClick={() => void plan()} data-testid="plan-submit">
              {planning ? t('desired.plan.planning') : t('desired.plan.plan')}
            </button>
            {canApply ? (
              <button type="button" className="btn" disabled={!ok || result.unchanged || applyState.fetching} onClick={() => void doApply()} data-testid="plan-apply" title={ok ? undefined : t('desired.plan.applyAfterPlan')}>
                {applyState.fetching ? t('desired.plan.applying') : t('desired.plan.apply')}
              </button>
            ) : (
              <span className="muted small">{t('desired.plan.viewerNote')}</span>
            )}
          </div>
        </Panel>
        <Panel title={t('desired.plan.result')} className="plan-result">
          {planError ? <ErrorBox error={planError} /> : null}
          {!result && !planError && !applied ? <p className="muted">{t('desired.plan.hint')}</p> : null}
          {result && result.errors.length > 0 ? <ErrorList errors={result.errors} onPick={pick} /> : null}
          {ok ? (
            <>
              <p className="notice" data-testid="plan-ok">
                {t('desired.plan.valid')}
              </p>
              <PlanHosts result={result} />
            </>
          ) : null}
          {applied?.revision ? (
            <p className="notice notice-ok" data-testid="applied">
              {t('desired.plan.applied', { id: applied.revision.id })} <Link href={`/desired/revision/?id=${applied.revision.id}`}>{t('desired.plan.openRevision')}</Link>
            </p>
          ) : null}
          {applied?.revision ? <PlanHosts result={applied} /> : null}
        </Panel>
      </div>
      {applied ? <RolloutPanel title={t('desired.plan.rolloutAfter')} /> : null}
    </div>
  );
}
