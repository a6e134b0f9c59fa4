'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/prefs';
import { BarChart } from '../bar-chart';
import { downloadText, fileStamp } from '../download';
import { ErrorBox, errorMessage, Loading, Panel } from '../states';
import { TimeChart } from '../time-chart';
import { formatCell } from './report-cells';
import { CHART_COLORS, chartData } from './report-chart';
import { REPORT_KINDS, reportKind, type ReportKindDef, type ReportTableDef, type ReportVariables } from './report-kinds';
import { fromLocalInput, PERIODS, presetOf, presetRange, RANGE_PRESETS, readReportParams, toLocalInput, writeReportParams, type ReportParams } from './report-range';
import { ReportTable } from './report-table';
import './reports.css';

type Row = Record<string, unknown>;

/** The variables of a report's queries (table and chart, CSV) for the page's parameters. */
function variablesOf(p: ReportParams, kind: ReportKindDef): ReportVariables {
  return { input: { from: p.from, to: p.to, by: kind.grouped ? p.by : 'host', selector: p.selector || null, period: kind.periodic ? p.period : 'ALL' } };
}

/** /reports/?kind=KIND&from=…&to=…&by=…&l=…&per=… — every report with its chart, tables and CSV. */
export function ReportsPage() {
  const { t } = useT();
  const router = useRouter();
  const q = useSearchParams();
  const kind = reportKind(q.get('kind'));
  // The default range is fixed once per visit, so re-renders do not move it.
  const [now] = useState(() => Date.now());
  const params = useMemo(() => readReportParams(new URLSearchParams(q.toString()), now), [q, now]);
  const go = useCallback((k: string, p: ReportParams) => router.replace(`/reports/?${writeReportParams(k, p)}`), [router]);
  const variables = useMemo(() => variablesOf(params, kind), [params, kind]);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: kind.query, variables, requestPolicy: 'network-only' });
  const report = (data?.[kind.field] ?? undefined) as Record<string, unknown> | undefined;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('reports.title')}</h1>
        <nav className="segmented report-kinds" aria-label={t('reports.kinds')}>
          {REPORT_KINDS.map((k) => (
            <Link key={k.kind} href={`/reports/?${writeReportParams(k.kind, params)}`} className={k.kind === kind.kind ? 'seg active' : 'seg'} aria-current={k.kind === kind.kind ? 'page' : undefined} data-testid={`report-kind-${k.kind}`}>
              {t(`reports.kind.${k.kind}`)}
            </Link>
          ))}
        </nav>
      </div>
      <p className="muted report-about">{t(`reports.about.${kind.kind}`)}</p>
      <ReportControls kind={kind} params={params} onChange={(p) => go(kind.kind, p)} />
      {error ? <ErrorBox error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {!report && fetching ? <Loading /> : null}
      {report && !error ? <ReportBody kind={kind} report={report} params={params} variables={variables} stale={fetching} /> : null}
    </div>
  );
}

function ReportControls({ kind, params, onChange }: { kind: ReportKindDef; params: ReportParams; onChange: (p: ReportParams) => void }) {
  const { t, utc } = useT();
  const [from, setFrom] = useState(() => toLocalInput(params.from, utc));
  const [to, setTo] = useState(() => toLocalInput(params.to, utc));
  const [mode, setMode] = useState<'host' | 'label'>(params.by.startsWith('label:') ? 'label' : 'host');
  const [labelKey, setLabelKey] = useState(params.by.startsWith('label:') ? params.by.slice(6) : '');
  const [selector, setSelector] = useState(params.selector);
  useEffect(() => {
    setFrom(toLocalInput(params.from, utc));
    setTo(toLocalInput(params.to, utc));
    setSelector(params.selector);
    setMode(params.by.startsWith('label:') ? 'label' : 'host');
    if (params.by.startsWith('label:')) setLabelKey(params.by.slice(6));
  }, [params, utc]);
  /** Host applies at once; a label grouping waits for its key (Apply or Enter). */
  const pickMode = (m: 'host' | 'label') => {
    setMode(m);
    if (m === 'host' && params.by !== 'host') onChange({ ...params, by: 'host' });
  };
  const preset = presetOf(params.from, params.to);
  // An input left as it was keeps the exact instant (the inputs show minutes, the range has seconds).
  const fromIso = from === toLocalInput(params.from, utc) ? params.from : fromLocalInput(from, utc);
  const toIso = to === toLocalInput(params.to, utc) ? params.to : fromLocalInput(to, utc);
  const keyMissing = kind.grouped && mode === 'label' && !labelKey.trim();
  const rangeError = !fromIso || !toIso ? t('reports.badDate') : Date.parse(fromIso) >= Date.parse(toIso) ? t('reports.fromAfterTo') : undefined;
  const apply = () => {
    if (rangeError || keyMissing) return;
    onChange({ ...params, from: fromIso!, to: toIso!, selector: selector.trim(), by: mode === 'label' && labelKey.trim() ? `label:${labelKey.trim()}` : 'host' });
  };
  return (
    <form
      className="filters report-controls"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div className="field">
        <span id="range-label">{t('reports.range')}</span>
        <div className="segmented" role="group" aria-labelledby="range-label">
          {RANGE_PRESETS.map((p) => (
            <button key={p.key} type="button" className={preset === p.key ? 'seg active' : 'seg'} aria-pressed={preset === p.key} data-testid={`preset-${p.key}`} onClick={() => onChange({ ...params, ...presetRange(p.key, Date.now()) })}>
              {t(`reports.preset.${p.key}`)}
            </button>
          ))}
        </div>
      </div>
      <label className="field">
        <span>{t('reports.from')}</span>
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} className={rangeError ? 'invalid' : undefined} data-testid="report-from" />
      </label>
      <label className="field">
        <span>{t('reports.to')}</span>
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} className={rangeError ? 'invalid' : undefined} data-testid="report-to" />
      </label>
      {kind.periodic ? (
        <label className="field">
          <span>{t('reports.per')}</span>
          <select value={params.period} onChange={(e) => onChange({ ...params, period: e.target.value as ReportParams['period'] })} data-testid="report-period">
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`reports.period.${p}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {kind.grouped ? <span className="row-break" aria-hidden="true" /> : null}
      {kind.grouped ? (
        <div className="field">
          <span id="by-label">{t('reports.groupBy')}</span>
          <div className="by-row">
            <select aria-labelledby="by-label" value={mode} onChange={(e) => pickMode(e.target.value === 'label' ? 'label' : 'host')} data-testid="report-by">
              <option value="host">{t('reports.byHost')}</option>
              <option value="label">{t('reports.byLabel')}</option>
            </select>
            {mode === 'label' ? <input aria-label={t('reports.labelKey')} placeholder={t('reports.labelKeyPlaceholder')} value={labelKey} onChange={(e) => setLabelKey(e.target.value)} className="label-key mono" data-testid="report-label-key" /> : null}
          </div>
        </div>
      ) : null}
      <label className="field grow">
        <span>{t('reports.selector')}</span>
        <input value={selector} onChange={(e) => setSelector(e.target.value)} placeholder="role=web,env!=prod" className="mono" data-testid="report-selector" />
      </label>
      <div className="field">
        <span aria-hidden="true">&nbsp;</span>
        <button type="submit" className="btn btn-primary" disabled={!!rangeError || keyMissing} data-testid="report-apply">
          {t('reports.apply')}
        </button>
      </div>
      {rangeError ? <p className="field-error report-range-error">{rangeError}</p> : null}
    </form>
  );
}

function ReportBody({ kind, report, params, variables, stale }: { kind: ReportKindDef; report: Record<string, unknown>; params: ReportParams; variables: ReportVariables; stale: boolean }) {
  const { t, language, utc } = useT();
  return (
    <div className={stale ? 'report-body stale' : 'report-body'} aria-busy={stale}>
      <p className="muted small report-scope" data-testid="report-scope">
        {kind.grouped ? t('reports.scope', { from: formatDateTime(params.from, language, utc), to: formatDateTime(params.to, language, utc), by: variables.input.by === 'host' ? t('reports.byHost') : variables.input.by }) : t('reports.scopeRange', { from: formatDateTime(params.from, language, utc), to: formatDateTime(params.to, language, utc) })}
        {variables.input.selector ? ` · ${variables.input.selector}` : ''}
        {typeof report.aliveWindowSeconds === 'number' ? ` · ${t('reports.aliveWindow', { seconds: report.aliveWindowSeconds })}` : ''}
      </p>
      <ReportChart kind={kind} report={report} period={params.period} />
      {kind.tables.map((tbl) => (
        <TablePanel key={tbl.name} kind={kind} table={tbl} rows={(report[tbl.field] as Row[] | undefined) ?? []} variables={variables} />
      ))}
    </div>
  );
}

function ReportChart({ kind, report, period }: { kind: ReportKindDef; report: Record<string, unknown>; period: ReportParams['period'] }) {
  const periodic = kind.periodic && period !== 'ALL';
  const { t, language, utc } = useT();
  const [metricField, setMetricField] = useState(kind.chart.metrics[0]!.field);
  const metric = kind.chart.metrics.find((m) => m.field === metricField) ?? kind.chart.metrics[0]!;
  const table = kind.tables.find((x) => x.name === kind.chart.table)!;
  const rows = (report[table.field] as Row[] | undefined) ?? [];
  const chart = useMemo(() => chartData(kind.chart, metric, rows, periodic || !kind.chart.group), [kind, metric, rows, periodic]);
  const format = useCallback((v: number) => formatCell(metric.format, v, language, utc), [metric, language, utc]);
  const series = useMemo(() => (chart.type === 'lines' ? chart.series.map((s, i) => ({ label: s.name || t(metric.label), color: CHART_COLORS[i % CHART_COLORS.length]!, values: s.values })) : []), [chart, metric, t]);
  const categories = useMemo(() => {
    if (chart.type !== 'bars' || !chart.periods) return chart.type === 'bars' ? chart.categories : [];
    const day = new Intl.DateTimeFormat(language, { month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    return chart.categories.map((iso) => day.format(new Date(iso)));
  }, [chart, language]);
  // A chart without groups is over periods (the commands report's days are per day even for ALL).
  const overPeriods = periodic || !kind.chart.group;
  const title = overPeriods ? t('reports.chartTitlePer', { metric: t(metric.label), period: t(`reports.period.${period === 'ALL' ? 'DAY' : period}`) }) : t('reports.chartTitle', { metric: t(metric.label) });
  return (
    <Panel
      title={title}
      actions={
        <label className="inline-field">
          <span>{t('reports.metric')}</span>
          <select value={metric.field} onChange={(e) => setMetricField(e.target.value)} data-testid="report-metric">
            {kind.chart.metrics.map((m) => (
              <option key={m.field} value={m.field}>
                {t(m.label)}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {chart.type === 'none' ? <p className="muted chart-empty">{t('reports.noChart')}</p> : null}
      {chart.type === 'bars' ? <BarChart categories={categories} values={chart.values} color={CHART_COLORS[0]} format={format} label={title} seriesLabel={t(metric.label)} /> : null}
      {chart.type === 'lines' ? <TimeChart x={chart.x} series={series} format={format} utc={utc} label={title} height={220} /> : null}
      {chart.type !== 'none' && chart.more > 0 ? <p className="muted small">{t('reports.chartMore', { count: chart.more })}</p> : null}
    </Panel>
  );
}

function TablePanel({ kind, table, rows, variables }: { kind: ReportKindDef; table: ReportTableDef; rows: readonly Row[]; variables: ReportVariables }) {
  const { t } = useT();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const download = async () => {
    setBusy(true);
    setFailure(undefined);
    const r = await client.query(kind.csv, { ...variables, table: table.name }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    const csv = r.data?.[kind.field]?.csv;
    if (r.error || typeof csv !== 'string') return setFailure(r.error ? errorMessage(r.error) : t('state.error'));
    downloadText(`ioms-${kind.kind}-${table.name}-${fileStamp(variables.input.from)}-${fileStamp(variables.input.to)}.csv`, csv);
  };
  return (
    <Panel
      title={`${t(table.title)} (${rows.length})`}
      actions={
        <button type="button" className="btn btn-small" onClick={() => void download()} disabled={busy} data-testid={`csv-${table.name}`}>
          {busy ? t('reports.preparing') : t('reports.downloadCsv')}
        </button>
      }
    >
      {failure ? <ErrorBox error={failure} /> : null}
      <ReportTable def={table} rows={rows} />
    </Panel>
  );
}
