'use client';
import Link from 'next/link';
import { useCallback, useMemo, useState } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { formatBytes, formatDateTime, formatDuration, formatPercent } from '../../lib/format';
import type { HostPart } from '../../gql/graphql';
import { useHostChanges, useHostUpdates, useInterval, type HostUpdate } from '../../lib/live';
import { useT } from '../../lib/prefs';
import { useCan } from '../../lib/session';
import { HostBadge, Labels, TargetBadge } from '../badges';
import { Empty, ErrorBox, Loading, Panel } from '../states';
import { HostMetricsPanel, RANGES, type RangeKey } from './host-metrics';
import { availabilitySegments, cronRows, fileRows, processRows } from './host-state';

const HostDetailDoc = graphql(`
  query HostDetail($name: String!, $since: DateTime) {
    host(name: $name) {
      id
      name
      online
      alive
      revoked
      labels
      agentLabels
      serverLabels
      lastSeenAt
      lastConnectedAt
      enrolledAt
      agentVersion
      address
      inventory
      latestMetrics {
        at
        cpuPercent
        memUsedBytes
        memTotalBytes
        load1
        processCount
        disks {
          mount
          usedBytes
          totalBytes
        }
      }
      statusHistory(since: $since) {
        at
        change
        reason
      }
      jobResults(first: 10) {
        jobId
        status
        exitCode
        startedAt
        finishedAt
        durationMs
        error
      }
    }
  }
`);

/** The panels that change by agent reports and reconciles: each refetched when `hostChanged` names its part. */
const HostStateDoc = graphql(`
  query HostStatePanels($name: String!) {
    host(name: $name) {
      id
      desiredState
      observedState
      drift {
        key
        action
        reason
        sentence
        since
      }
    }
  }
`);

const HostRestartsDoc = graphql(`
  query HostRestarts($name: String!) {
    host(name: $name) {
      id
      restarts(first: 20) {
        process
        at
        exitCode
        signal
        count
        outcome
      }
    }
  }
`);

const HostCronRunsDoc = graphql(`
  query HostCronRuns($name: String!) {
    host(name: $name) {
      id
      cronRuns(first: 50) {
        name
        startedAt
        status
      }
    }
  }
`);

/** The host's row and metrics snapshot are re-read this often (metrics arrive once a minute). */
const SNAPSHOT_REFRESH_MS = 60_000;

function Inventory({ inventory, rows }: { inventory: unknown; rows: [string, string][] }) {
  const inv = (inventory && typeof inventory === 'object' ? inventory : {}) as Record<string, unknown>;
  const os = (inv.os ?? {}) as Record<string, unknown>;
  const cpu = (inv.cpu ?? {}) as Record<string, unknown>;
  const mem = (inv.memory ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const all: [string, string | undefined][] = [
    ['inventory.hostname', text(inv.hostname)],
    ['inventory.os', [text(os.distro) ?? text(os.platform), text(os.release), text(os.arch)].filter(Boolean).join(' ') || undefined],
    ['inventory.kernel', text(os.kernel)],
    ['inventory.cpu', [text(cpu.brand) ?? text(cpu.model), cpu.cores !== undefined ? `× ${text(cpu.cores)}` : undefined].filter(Boolean).join(' ') || undefined],
    ['inventory.memory', typeof mem.totalBytes === 'number' ? formatBytes(mem.totalBytes) : typeof inv.memTotalBytes === 'number' ? formatBytes(inv.memTotalBytes) : undefined],
    ['inventory.timezone', text(inv.timezone) ?? text(inv.timeZone)],
    ...rows,
  ];
  return (
    <dl className="kv">
      {all
        .filter((r): r is [string, string] => Boolean(r[1]))
        .map(([k, v]) => (
          <KV key={k} k={k} v={v} />
        ))}
    </dl>
  );
}

function KV({ k, v }: { k: string; v: string }) {
  const { t } = useT();
  return (
    <>
      <dt>{t(k)}</dt>
      <dd>{v}</dd>
    </>
  );
}

/** A panel's query before its first answer: loading, or its error. */
function PanelState({ result }: { result: { error?: CombinedError } }) {
  return result.error ? <ErrorBox error={result.error} /> : <Loading />;
}

/** A host's page: everything known about it, live while it is open. */
export function HostDetail({ name }: { name: string }) {
  const { t, language, utc } = useT();
  const canRun = useCan('OPERATOR');
  // One range for the charts and the availability timeline.
  const [range, setRange] = useState<RangeKey>('1h');
  const spanMs = RANGES.find((r) => r.key === range)!.ms;
  const [nowMs, setNowMs] = useState(() => Date.now());
  const since = useMemo(() => new Date(nowMs - spanMs).toISOString(), [nowMs, spanMs]);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: HostDetailDoc, variables: { name, since }, pause: !name });
  const [stateRes, refetchState] = useQuery({ query: HostStateDoc, variables: { name }, pause: !name });
  const [restartsRes, refetchRestarts] = useQuery({ query: HostRestartsDoc, variables: { name }, pause: !name });
  const [cronRes, refetchCron] = useQuery({ query: HostCronRunsDoc, variables: { name }, pause: !name });
  const refresh = useCallback(() => {
    setNowMs(Date.now());
    reexecute({ requestPolicy: 'network-only' });
  }, [reexecute]);
  useHostUpdates({ onUpdate: useCallback((h: HostUpdate) => void (h.name === name && refresh()), [name, refresh]) });
  // Restarts, cron runs and state changes arrive as `hostChanged`: only that panel is re-read.
  useHostChanges(
    name,
    useCallback(
      (part: HostPart) => {
        const again = { requestPolicy: 'network-only' } as const;
        if (part === 'RESTARTS') refetchRestarts(again);
        else if (part === 'CRON_RUNS') refetchCron(again);
        else refetchState(again);
      },
      [refetchRestarts, refetchCron, refetchState],
    ),
  );
  useInterval(refresh, SNAPSHOT_REFRESH_MS);

  const h = data?.host;
  const st = stateRes.data?.host;
  const processes = useMemo(() => processRows(st?.desiredState, st?.observedState), [st]);
  const cron = useMemo(() => cronRows(st?.desiredState, st?.observedState, cronRes.data?.host?.cronRuns), [st, cronRes.data]);
  const files = useMemo(() => fileRows(st?.desiredState, st?.observedState, st?.drift ?? []), [st]);
  const drift = st?.drift ?? [];
  const restarts = restartsRes.data?.host?.restarts ?? [];
  const segments = useMemo(() => (h ? availabilitySegments(h.statusHistory, nowMs - spanMs, nowMs) : []), [h, nowMs, spanMs]);
  const dt = (v: string | null | undefined) => formatDateTime(v, language, utc);

  if (!name) return <ErrorBox error={t('host.noName')} />;
  if (error && !h) return <ErrorBox error={error} onRetry={refresh} />;
  if (!data && fetching) return <Loading />;
  if (!h)
    return (
      <div className="page">
        <Empty>{t('host.notFound', { name })}</Empty>
      </div>
    );

  return (
    <div className="page">
      <div className="page-head">
        <h1 className="host-title" data-testid="host-name">
          {h.name}
        </h1>
        <HostBadge host={h} />
        <Labels labels={h.labels} />
        <div className="spacer" />
        {canRun ? (
          <Link className="btn btn-primary" href={`/run/?hosts=${encodeURIComponent(h.name)}`}>
            {t('host.runCommand')}
          </Link>
        ) : null}
      </div>
      <div className="grid-3">
        <Panel title={t('host.inventory')}>
          <Inventory
            inventory={h.inventory}
            rows={[
              ['host.address', h.address ?? '—'],
              ['host.agentVersion', h.agentVersion ?? '—'],
              ['host.enrolled', dt(h.enrolledAt)],
              ['host.lastSeen', dt(h.lastSeenAt)],
              ['host.lastConnected', dt(h.lastConnectedAt)],
            ]}
          />
        </Panel>
        <Panel title={t('host.now')}>
          {h.latestMetrics ? (
            <>
              <dl className="kv">
                <KV k="metrics.cpu" v={formatPercent(h.latestMetrics.cpuPercent)} />
                <KV k="metrics.memory" v={`${formatBytes(h.latestMetrics.memUsedBytes)} / ${formatBytes(h.latestMetrics.memTotalBytes)}`} />
                <KV k="metrics.load" v={h.latestMetrics.load1.toFixed(2)} />
                <KV k="metrics.processes" v={String(Math.round(h.latestMetrics.processCount))} />
                <KV k="common.time" v={dt(h.latestMetrics.at)} />
              </dl>
              <ul className="disks">
                {(h.latestMetrics.disks ?? []).map((d) => {
                  const pct = d.totalBytes > 0 ? (100 * d.usedBytes) / d.totalBytes : 0;
                  return (
                    <li key={d.mount}>
                      <span className="mono ellipsis">{d.mount}</span>
                      <span className="bar" role="meter" aria-valuenow={Math.round(pct)} aria-valuemin={0} aria-valuemax={100} aria-label={d.mount}>
                        <span className={pct > 90 ? 'bar-fill bad' : 'bar-fill'} style={{ width: `${pct}%` }} />
                      </span>
                      <span className="small muted">
                        {formatBytes(d.usedBytes)} / {formatBytes(d.totalBytes)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : (
            <Empty>{t('metrics.none')}</Empty>
          )}
        </Panel>
        <Panel title={t('host.labels')}>
          <dl className="kv">
            <dt>{t('host.effectiveLabels')}</dt>
            <dd>
              <Labels labels={h.labels} />
            </dd>
            <dt>{t('host.agentLabels')}</dt>
            <dd>
              <Labels labels={h.agentLabels} />
            </dd>
            <dt>{t('host.serverLabels')}</dt>
            <dd>
              <Labels labels={h.serverLabels} />
            </dd>
          </dl>
        </Panel>
      </div>

      <Panel title={t('host.availability', { range: t(`metrics.ranges.${range}`) })}>
        <div className="timeline" role="img" aria-label={t('host.availabilityLabel')}>
          {segments.map((s) => (
            <span key={s.fromMs} className={`seg-${s.state}`} style={{ width: `${(100 * (s.toMs - s.fromMs)) / spanMs}%` }} title={`${t(`availability.${s.state}`)}: ${dt(new Date(s.fromMs).toISOString())} → ${dt(new Date(s.toMs).toISOString())}`} />
          ))}
        </div>
        <div className="timeline-axis small muted">
          <span>{t('host.rangeAgo', { range: t(`metrics.ranges.${range}`) })}</span>
          <span>{t('host.nowLabel')}</span>
        </div>
        {h.statusHistory.length > 0 ? (
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('common.time')}</th>
                <th scope="col">{t('common.event')}</th>
                <th scope="col">{t('common.reason')}</th>
              </tr>
            </thead>
            <tbody data-testid="status-history">
              {[...h.statusHistory]
                .reverse()
                .slice(0, 8)
                .map((e, i) => (
                  <tr key={`${e.at}-${i}`}>
                    <td className="nowrap">{dt(e.at)}</td>
                    <td>{t(`event.${e.change}`, { defaultValue: e.change })}</td>
                    <td className="muted">{e.reason ?? ''}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        ) : null}
      </Panel>

      <HostMetricsPanel name={h.name} range={range} onRange={setRange} />

      <div className="grid-2">
        <Panel title={t('host.processes')}>
          {!stateRes.data ? (
            <PanelState result={stateRes} />
          ) : processes.length === 0 ? (
            <Empty>{t('host.noProcesses')}</Empty>
          ) : (
            <table className="table compact" data-testid="processes">
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('host.state')}</th>
                  <th scope="col">PID</th>
                  <th scope="col">{t('host.restarts')}</th>
                  <th scope="col">CPU</th>
                  <th scope="col">RSS</th>
                </tr>
              </thead>
              <tbody>
                {processes.map((p) => (
                  <tr key={p.name}>
                    <td className="mono">{p.name}</td>
                    <td>
                      <span className={`badge tone-${p.state === 'RUNNING' ? 'ok' : p.state === 'FATAL' ? 'bad' : p.state ? 'warn' : 'muted'}`}>{p.state ? t(`processState.${p.state}`, { defaultValue: p.state }) : t('host.notReported')}</span>
                    </td>
                    <td>{p.pid ?? '—'}</td>
                    <td data-testid={`restarts-${p.name}`}>{p.restarts ?? '—'}</td>
                    <td>{formatPercent(p.cpu)}</td>
                    <td>{formatBytes(p.rss)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('host.restartHistory')}</h3>
          {!restartsRes.data ? (
            <PanelState result={restartsRes} />
          ) : restarts.length === 0 ? (
            <Empty>{t('host.noRestarts')}</Empty>
          ) : (
            <table className="table compact" data-testid="restart-history">
              <thead>
                <tr>
                  <th scope="col">{t('common.time')}</th>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('host.exit')}</th>
                  <th scope="col">{t('host.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {restarts.map((r, i) => (
                  <tr key={`${r.at}-${i}`}>
                    <td className="nowrap">{dt(r.at)}</td>
                    <td className="mono">{r.process}</td>
                    <td>{r.signal ?? (r.exitCode ?? '—')}</td>
                    <td>
                      {t(`event.${r.outcome}`, { defaultValue: r.outcome })} #{r.count}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
        <Panel title={t('host.drift')}>
          {!stateRes.data ? (
            <PanelState result={stateRes} />
          ) : drift.length === 0 ? (
            <Empty>{t('host.noDrift')}</Empty>
          ) : (
            <ul className="drift-list" data-testid="drift">
              {drift.map((d) => (
                <li key={d.key}>
                  <span className="badge tone-warn">{d.reason}</span> <span className="mono">{d.key}</span>
                  <div>{d.sentence}</div>
                  <div className="small muted">
                    {d.action} · {t('host.since')} {dt(d.since)}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>

      <Panel title={t('host.cron')}>
        {!stateRes.data ? (
            <PanelState result={stateRes} />
          ) : cron.length === 0 ? (
          <Empty>{t('host.noCron')}</Empty>
        ) : (
          <table className="table compact" data-testid="cron">
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('host.schedule')}</th>
                <th scope="col" className="nowrap">
                  {t('host.lastRun')}
                </th>
                <th scope="col" className="nowrap">
                  {t('host.nextRun')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cron.map((c) => (
                <tr key={c.name}>
                  <td className="mono" title={c.action}>
                    {c.name}
                  </td>
                  <td className="mono">
                    {c.schedule ?? '—'}
                    {c.timezone ? ` (${c.timezone})` : ''}
                  </td>
                  <td className="nowrap" title={c.lastStatus}>
                    {dt(c.lastRun)}
                  </td>
                  <td className="nowrap">{dt(c.nextRun)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title={t('host.files')}>
        {!stateRes.data ? (
            <PanelState result={stateRes} />
          ) : files.length === 0 ? (
          <Empty>{t('host.noFiles')}</Empty>
        ) : (
          <table className="table compact" data-testid="files">
            <thead>
              <tr>
                <th scope="col">{t('host.path')}</th>
                <th scope="col">{t('host.checksum')}</th>
                <th scope="col">{t('host.state')}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.path} data-file-state={f.drift?.reason ?? f.state}>
                  <td className="mono ellipsis" title={f.path}>
                    {f.path}
                  </td>
                  <td className="mono small" title={`sha256 ${f.sha256 ?? '—'} / md5 ${f.md5 ?? '—'}`}>
                    {(f.sha256 ?? f.md5 ?? '—').slice(0, 16)}
                  </td>
                  <td>
                    {f.drift ? (
                      <span className="badge tone-warn" title={f.drift.sentence}>
                        {f.drift.reason}
                      </span>
                    ) : (
                      <span className={`badge tone-${f.state === 'IN_SYNC' ? 'ok' : 'muted'}`}>{t(`fileState.${f.state}`)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>

      <Panel title={t('host.recentJobs')}>
        {h.jobResults.length === 0 ? (
          <Empty>{t('host.noJobs')}</Empty>
        ) : (
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('jobs.job')}</th>
                <th scope="col">{t('jobs.status')}</th>
                <th scope="col">{t('jobs.exitCode')}</th>
                <th scope="col">{t('jobs.started')}</th>
                <th scope="col">{t('jobs.duration')}</th>
              </tr>
            </thead>
            <tbody>
              {h.jobResults.map((r) => (
                <tr key={r.jobId}>
                  <td>
                    <Link href={`/job/?id=${r.jobId}`}>#{r.jobId}</Link>
                  </td>
                  <td>
                    <TargetBadge status={r.status} />
                  </td>
                  <td>{r.exitCode ?? '—'}</td>
                  <td className="nowrap">{dt(r.startedAt)}</td>
                  <td>{formatDuration(r.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
