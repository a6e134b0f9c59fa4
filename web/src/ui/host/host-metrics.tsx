'use client';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatBytes, formatPercent } from '../../lib/format';
import { useInterval } from '../../lib/live';
import { useT } from '../../lib/prefs';
import { Empty, ErrorBox, Loading, Panel } from '../states';
import { TimeChart, type ChartSeries } from '../time-chart';

const HostMetricsDoc = graphql(`
  query HostMetricsRange($name: String!, $from: DateTime, $to: DateTime, $step: Int) {
    hostMetrics(name: $name, from: $from, to: $to, step: $step) {
      step
      truncated
      points {
        at
        cpuPercent
        cpuMax
        memUsedBytes
        memUsedMax
        memTotalBytes
        netRxBytesPerSec
        netTxBytesPerSec
        load1
        disks {
          mount
          usedBytes
          totalBytes
        }
      }
    }
  }
`);

export const RANGES = [
  { key: '1h', ms: 3600_000 },
  { key: '24h', ms: 24 * 3600_000 },
  { key: '7d', ms: 7 * 86400_000 },
  { key: '30d', ms: 30 * 86400_000 },
] as const;
export type RangeKey = (typeof RANGES)[number]['key'];
/** `auto` lets the server pick (raw up to 6 h, 5-minute rollups to 14 days, hourly beyond). */
const RESOLUTIONS = [
  { key: 'auto', step: undefined },
  { key: 'raw', step: 60 },
  { key: '5m', step: 300 },
  { key: '1h', step: 3600 },
] as const;
type ResolutionKey = (typeof RESOLUTIONS)[number]['key'];

const perSecond = (v: number) => `${formatBytes(v)}/s`;

/** CPU, memory, network and disk charts with raw/rollup choice, over the page's range (which the availability timeline follows too). */
export function HostMetricsPanel({ name, range, onRange }: { name: string; range: RangeKey; onRange: (r: RangeKey) => void }) {
  const { t, utc } = useT();
  const [resolution, setResolution] = useState<ResolutionKey>('auto');
  const [toMs, setToMs] = useState(() => Date.now());
  useInterval(() => setToMs(Date.now()), 60_000);
  const spanMs = RANGES.find((r) => r.key === range)!.ms;
  const step = RESOLUTIONS.find((r) => r.key === resolution)!.step;
  const vars = useMemo(() => ({ name, from: new Date(toMs - spanMs).toISOString(), to: new Date(toMs).toISOString(), step }), [name, toMs, spanMs, step]);
  const [{ data, error, fetching }] = useQuery({ query: HostMetricsDoc, variables: vars });
  const m = data?.hostMetrics;

  const charts = useMemo(() => {
    const pts = m?.points ?? [];
    const x = pts.map((p) => new Date(p.at).getTime() / 1000);
    const mounts = [...new Set(pts.flatMap((p) => (p.disks ?? []).map((d) => d.mount)))].slice(0, 4);
    const palette = ['#2f855a', '#b7791f', '#2c5282', '#9b2c2c'];
    const cpu: ChartSeries[] = [{ label: t('metrics.cpu'), color: '#2b6cb0', values: pts.map((p) => p.cpuPercent) }, ...(m?.step ? [{ label: t('metrics.max'), color: '#c05621', values: pts.map((p) => p.cpuMax ?? null) }] : [])];
    const mem: ChartSeries[] = [
      { label: t('metrics.memUsed'), color: '#6b46c1', values: pts.map((p) => p.memUsedBytes), fill: true },
      { label: t('metrics.memTotal'), color: '#718096', values: pts.map((p) => p.memTotalBytes) },
    ];
    const net: ChartSeries[] = [
      { label: t('metrics.rx'), color: '#2f855a', values: pts.map((p) => p.netRxBytesPerSec) },
      { label: t('metrics.tx'), color: '#b83280', values: pts.map((p) => p.netTxBytesPerSec) },
    ];
    const disk: ChartSeries[] = mounts.map((mount, i) => ({
      label: mount,
      color: palette[i % palette.length]!,
      values: pts.map((p) => {
        const d = p.disks?.find((x) => x.mount === mount);
        return d && d.totalBytes > 0 ? (100 * d.usedBytes) / d.totalBytes : null;
      }),
    }));
    return { x, cpu, mem, net, disk };
  }, [m, t]);

  return (
    <Panel
      title={t('host.metrics')}
      className="span-2"
      actions={
        <>
          <div className="segmented" role="group" aria-label={t('metrics.range')}>
            {RANGES.map((r) => (
              <button key={r.key} type="button" className={range === r.key ? 'seg active' : 'seg'} aria-pressed={range === r.key} onClick={() => onRange(r.key)}>
                {t(`metrics.ranges.${r.key}`)}
              </button>
            ))}
          </div>
          <label className="inline-field">
            <span>{t('metrics.resolution')}</span>
            <select value={resolution} onChange={(e) => setResolution(e.target.value as ResolutionKey)}>
              {RESOLUTIONS.map((r) => (
                <option key={r.key} value={r.key}>
                  {t(`metrics.resolutions.${r.key}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      }
    >
      {error ? <ErrorBox error={error} /> : null}
      {!data && fetching ? <Loading /> : null}
      {m && m.points.length === 0 ? <Empty>{t('metrics.none')}</Empty> : null}
      {m && m.points.length > 0 ? (
        <>
          <p className="muted small">
            {m.step === 0 ? t('metrics.rawSamples', { count: m.points.length }) : t('metrics.rollupBuckets', { count: m.points.length, minutes: m.step / 60 })}
            {m.truncated ? ` · ${t('metrics.truncated')}` : ''}
          </p>
          <div className="grid-2">
            <div>
              <h3>{t('metrics.cpu')}</h3>
              <TimeChart x={charts.x} series={charts.cpu} format={formatPercent} utc={utc} label={t('metrics.cpu')} />
            </div>
            <div>
              <h3>{t('metrics.memory')}</h3>
              <TimeChart x={charts.x} series={charts.mem} format={formatBytes} utc={utc} label={t('metrics.memory')} />
            </div>
            <div>
              <h3>{t('metrics.network')}</h3>
              <TimeChart x={charts.x} series={charts.net} format={perSecond} utc={utc} label={t('metrics.network')} />
            </div>
            <div>
              <h3>{t('metrics.disk')}</h3>
              {charts.disk.length ? <TimeChart x={charts.x} series={charts.disk} format={formatPercent} utc={utc} label={t('metrics.disk')} /> : <Empty>{t('metrics.diskRawOnly')}</Empty>}
            </div>
          </div>
        </>
      ) : null}
    </Panel>
  );
}
