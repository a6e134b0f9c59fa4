'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { formatBytes, formatDateTime, formatPercent } from '../../lib/format';
import { useHostUpdates, useInterval } from '../../lib/live';
import { useT } from '../../lib/prefs';
import { FleetMap, type MapColouring } from '../fleet-map';
import { Empty, ErrorBox, Loading, Panel } from '../states';
import { TimeChart, type ChartSeries } from '../time-chart';
import { JobBadge } from '../badges';

const OverviewQuery = graphql(`
  query Overview {
    fleetSummary {
      total
      online
      alive
      dead
      revoked
    }
    rolloutStatus {
      revision
      drifted
      failed
    }
    jobs(status: RUNNING, first: 10) {
      nodes {
        id
        command
        kind
        status
        createdBy
        createdAt
        counts {
          total
          done
        }
      }
    }
    fleetEvents(first: 15) {
      at
      host
      kind
      change
      process
      detail
    }
  }
`);

const FleetTilesQuery = graphql(`
  query FleetTiles {
    fleetTiles {
      names
      states
      cpuPercent
    }
  }
`);

const FleetMetricsQuery = graphql(`
  query FleetMetrics {
    fleetMetrics(hours: 24) {
      at
      cpuPercent
      cpuMax
      memUsedBytes
      memTotalBytes
      hosts
    }
  }
`);

function Stat({ label, value, tone, href }: { label: string; value: number | string; tone?: string; href?: string }) {
  const body = (
    <>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </>
  );
  return <div className={`stat tone-${tone ?? 'plain'}`}>{href ? <Link href={href}>{body}</Link> : body}</div>;
}

const percent = (v: number) => formatPercent(v);

/** One fleet chart panel with its loading, error and empty states. */
function FleetChart({ title, metrics, x, series, format }: { title: string; metrics: { data?: unknown; error?: CombinedError }; x: number[]; series: ChartSeries[]; format: (v: number) => string }) {
  const { t, utc } = useT();
  return (
    <Panel title={title}>
      {metrics.error && !metrics.data ? <ErrorBox error={metrics.error} /> : null}
      {!metrics.data && !metrics.error ? <Loading /> : null}
      {metrics.data && x.length === 0 ? <Empty>{t('overview.noMetrics')}</Empty> : null}
      {metrics.data && x.length > 0 ? <TimeChart x={x} series={series} format={format} utc={utc} label={title} /> : null}
    </Panel>
  );
}

export function Overview() {
  const { t, language, utc } = useT();
  const router = useRouter();
  const [overview, refreshOverview] = useQuery({ query: OverviewQuery });
  const [tiles, refreshTiles] = useQuery({ query: FleetTilesQuery });
  const [metrics, refreshMetrics] = useQuery({ query: FleetMetricsQuery });
  const [colouring, setColouring] = useState<MapColouring>('status');
  const refresh = useCallback(() => {
    refreshOverview({ requestPolicy: 'network-only' });
    refreshTiles({ requestPolicy: 'network-only' });
  }, [refreshOverview, refreshTiles]);
  useHostUpdates({ refresh });
  useInterval(refresh, 15_000);
  useInterval(() => refreshMetrics({ requestPolicy: 'network-only' }), 60_000);

  const series = useMemo(() => {
    const pts = metrics.data?.fleetMetrics ?? [];
    return {
      x: pts.map((p) => new Date(p.at).getTime() / 1000),
      cpu: [
        { label: t('overview.cpuMean'), color: '#2b6cb0', values: pts.map((p) => p.cpuPercent) },
        { label: t('overview.cpuMax'), color: '#c05621', values: pts.map((p) => p.cpuMax) },
      ],
      mem: [
        { label: t('overview.memUsed'), color: '#6b46c1', values: pts.map((p) => p.memUsedBytes), fill: true },
        { label: t('overview.memTotal'), color: '#718096', values: pts.map((p) => p.memTotalBytes) },
      ],
    };
  }, [metrics.data, t]);

  const tileList = useMemo(() => {
    const f = tiles.data?.fleetTiles;
    if (!f) return undefined;
    return f.names.map((name, i) => {
      const st = f.states[i];
      return { name, online: st === 'ONLINE', alive: st === 'ONLINE' || st === 'ALIVE', revoked: st === 'REVOKED', cpuPercent: f.cpuPercent[i] ?? null };
    });
  }, [tiles.data]);
  const d = overview.data;
  return (
    <div className="page">
      <h1>{t('overview.title')}</h1>
      {overview.error && !d ? <ErrorBox error={overview.error} onRetry={refresh} /> : null}
      {!d && !overview.error ? <Loading /> : null}
      {d ? (
        <div className="stats" data-testid="fleet-stats">
          <Stat label={t('overview.total')} value={d.fleetSummary.total} href="/hosts/" />
          <Stat label={t('overview.online')} value={d.fleetSummary.online} tone="ok" href="/hosts/?status=ONLINE" />
          <Stat label={t('overview.alive')} value={d.fleetSummary.alive} tone="ok" href="/hosts/?status=ALIVE" />
          <Stat label={t('overview.dead')} value={d.fleetSummary.dead} tone={d.fleetSummary.dead > 0 ? 'bad' : 'plain'} href="/hosts/?status=DEAD" />
          <Stat label={t('overview.drifted')} value={d.rolloutStatus.drifted} tone={d.rolloutStatus.drifted > 0 ? 'warn' : 'plain'} />
          <Stat label={t('overview.runningJobs')} value={d.jobs.nodes.length} tone={d.jobs.nodes.length > 0 ? 'info' : 'plain'} href="/jobs/?status=RUNNING" />
        </div>
      ) : null}

      <Panel
        title={t('overview.fleetMap')}
        actions={
          <div className="segmented" role="group" aria-label={t('overview.colourBy')}>
            {(['status', 'cpu'] as const).map((c) => (
              <button key={c} type="button" className={colouring === c ? 'seg active' : 'seg'} aria-pressed={colouring === c} onClick={() => setColouring(c)}>
                {t(`overview.colour.${c}`)}
              </button>
            ))}
          </div>
        }
      >
        {tiles.error && !tiles.data ? <ErrorBox error={tiles.error} /> : null}
        {!tiles.data && !tiles.error ? <Loading /> : null}
        {tileList && tileList.length === 0 ? <Empty>{t('overview.noHosts')}</Empty> : null}
        {tileList && tileList.length > 0 ? (
          <>
            <FleetMap
              tiles={tileList}
              colouring={colouring}
              onOpen={(name) => router.push(`/host/?name=${encodeURIComponent(name)}`)}
              label={t('overview.mapLabel', { count: tileList.length })}
              hoverLabel={(tile) => `${tile.name} · ${t(`hostState.${tile.revoked ? 'revoked' : tile.online ? 'online' : tile.alive ? 'alive' : 'dead'}`)} · CPU ${formatPercent(tile.cpuPercent)}`}
            />
            <div className="legend" aria-hidden="true">
              {colouring === 'status' ? (
                (['online', 'alive', 'dead', 'revoked'] as const).map((s) => (
                  <span key={s} className="legend-item">
                    <span className={`swatch swatch-${s}`} /> {t(`hostState.${s}`)}
                  </span>
                ))
              ) : (
                <span className="legend-item">
                  <span className="swatch swatch-cpu" /> CPU 0 % → 100 %
                </span>
              )}
            </div>
          </>
        ) : null}
      </Panel>

      <div className="grid-2">
        <FleetChart title={t('overview.fleetCpu')} metrics={metrics} x={series.x} series={series.cpu} format={percent} />
        <FleetChart title={t('overview.fleetMemory')} metrics={metrics} x={series.x} series={series.mem} format={formatBytes} />
      </div>

      <div className="grid-2">
        <Panel title={t('overview.recentEvents')}>
          {d && d.fleetEvents.length === 0 ? <Empty>{t('overview.noEvents')}</Empty> : null}
          {!d && !overview.error ? <Loading /> : null}
          {d && d.fleetEvents.length > 0 ? (
            <table className="table compact" data-testid="fleet-events">
              <thead>
                <tr>
                  <th scope="col">{t('common.time')}</th>
                  <th scope="col">{t('common.host')}</th>
                  <th scope="col">{t('common.event')}</th>
                </tr>
              </thead>
              <tbody>
                {d.fleetEvents.map((e, i) => (
                  <tr key={`${e.at}-${e.host}-${i}`}>
                    <td className="nowrap">{formatDateTime(e.at, language, utc)}</td>
                    <td>
                      <Link href={`/host/?name=${encodeURIComponent(e.host)}`}>{e.host}</Link>
                    </td>
                    <td>
                      <span className={`event-kind event-${e.change.toLowerCase()}`}>{t(`event.${e.change}`, { defaultValue: e.change })}</span>
                      {e.process ? <span className="mono"> {e.process}</span> : null}
                      {e.detail ? <span className="muted"> — {e.detail}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </Panel>
        <Panel title={t('overview.runningJobsTitle')}>
          {d && d.jobs.nodes.length === 0 ? <Empty>{t('overview.noRunningJobs')}</Empty> : null}
          {!d && !overview.error ? <Loading /> : null}
          {d && d.jobs.nodes.length > 0 ? (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">{t('jobs.command')}</th>
                  <th scope="col">{t('jobs.progress')}</th>
                  <th scope="col">{t('jobs.status')}</th>
                </tr>
              </thead>
              <tbody>
                {d.jobs.nodes.map((j) => (
                  <tr key={j.id}>
                    <td className="mono ellipsis">
                      <Link href={`/job/?id=${j.id}`}>{j.command}</Link>
                    </td>
                    <td>
                      {j.counts.done}/{j.counts.total}
                    </td>
                    <td>
                      <JobBadge status={j.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </Panel>
      </div>
    </div>
  );
}
