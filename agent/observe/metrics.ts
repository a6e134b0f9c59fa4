import nodeOs from 'node:os';
import si from 'systeminformation';
import { MAX_DISKS, MAX_PATH_LENGTH, metricsSampleSchema, type MetricGroup, type MetricsSample } from '../../protocol/index.js';
import { PROBE_TIMEOUT_MS, settleProbe, valueOf, type FsSizeFacts, type HostOs, type MetricsProbes, type NetworkStatsFacts } from './probes.js';

export interface MetricsCollectorOptions {
  /** Test seam for `systeminformation`. @default the real module */
  si?: MetricsProbes;
  /** Test seam for `node:os` (load averages, which interfaces are loopback). @default the real module */
  os?: Pick<HostOs, 'loadavg' | 'networkInterfaces'>;
  /** Wall clock, ms since the epoch: stamps samples and times network rates. @default Date.now */
  now?: () => number;
  /** Per-probe time limit in ms. @default {@link PROBE_TIMEOUT_MS} */
  probeTimeoutMs?: number;
}

export interface MetricsCollector {
  /**
   * Measure the host now. Never rejects: a probe that fails or times out zeroes its group and
   * names it in `missing`. Network rates are averaged since the previous call (0 on the first).
   * Overlapping calls are run one after another.
   */
  sample(): Promise<MetricsSample>;
}

/** Network byte counters at one moment, per non-loopback interface. */
export interface NetworkCounters {
  readonly atMs: number;
  readonly byInterface: ReadonlyMap<string, { readonly rx: number; readonly tx: number }>;
}

const isCounter = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
const wholeBytes = (n: unknown): number => (isCounter(n) ? Math.min(Math.round(n), Number.MAX_SAFE_INTEGER) : 0);

/** Counters of the non-loopback interfaces. Loopback = every address internal (`lo` if unknown). */
function readCounters(stats: readonly NetworkStatsFacts[], atMs: number, osInterfaces: ReturnType<HostOs['networkInterfaces']> | undefined): NetworkCounters {
  const isLoopback = (name: string) => {
    const entries = osInterfaces?.[name];
    return entries && entries.length > 0 ? entries.every((e) => e.internal) : name === 'lo';
  };
  const byInterface = new Map<string, { rx: number; tx: number }>();
  for (const s of stats) {
    if (typeof s?.iface === 'string' && !isLoopback(s.iface) && isCounter(s.rx_bytes) && isCounter(s.tx_bytes)) {
      byInterface.set(s.iface, { rx: s.rx_bytes, tx: s.tx_bytes });
    }
  }
  return { atMs, byInterface };
}

/**
 * Bytes per second between two counter readings. Pure. Interfaces that appeared since the
 * previous reading, or whose counters went backwards (reset, wrap), contribute nothing.
 */
export function networkRates(previous: NetworkCounters | undefined, current: NetworkCounters): MetricsSample['network'] {
  const seconds = previous ? (current.atMs - previous.atMs) / 1000 : 0;
  if (!previous || !(seconds > 0)) return { rxBytesPerSec: 0, txBytesPerSec: 0 };
  let rx = 0;
  let tx = 0;
  for (const [name, now] of current.byInterface) {
    const before = previous.byInterface.get(name);
    if (!before) continue;
    if (now.rx >= before.rx) rx += now.rx - before.rx;
    if (now.tx >= before.tx) tx += now.tx - before.tx;
  }
  return { rxBytesPerSec: rx / seconds, txBytesPerSec: tx / seconds };
}

function buildDisks(fsSize: readonly FsSizeFacts[]): MetricsSample['disks'] {
  const byMount = new Map<string, MetricsSample['disks'][number]>();
  for (const fs of fsSize) {
    const mount = typeof fs?.mount === 'string' ? fs.mount.trim().slice(0, MAX_PATH_LENGTH) : '';
    if (mount && !byMount.has(mount)) byMount.set(mount, { mount, usedBytes: wholeBytes(fs.used), totalBytes: wholeBytes(fs.size) });
  }
  return [...byMount.values()].sort((a, b) => (a.mount < b.mount ? -1 : a.mount > b.mount ? 1 : 0)).slice(0, MAX_DISKS);
}

/**
 * A collector of {@link MetricsSample}s. It keeps the previous network counters, so use one
 * collector per sampling loop. All probes of a sample run in parallel.
 */
export function createMetricsCollector({
  si: probes = si,
  os = nodeOs,
  now = Date.now,
  probeTimeoutMs = PROBE_TIMEOUT_MS,
}: MetricsCollectorOptions = {}): MetricsCollector {
  let previous: NetworkCounters | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function measure(): Promise<MetricsSample> {
    const atMs = now();
    const settle = <T>(probe: () => T | Promise<T>) => settleProbe(probe, probeTimeoutMs);
    const [load, mem, fsSize, stats, processes, loadavg, osInterfaces] = await Promise.all([
      settle(() => probes.currentLoad()),
      settle(() => probes.mem()),
      settle(() => probes.fsSize()),
      settle(() => probes.networkStats('*')),
      settle(() => probes.processes()),
      settle(() => os.loadavg()),
      settle(() => os.networkInterfaces()),
    ]);
    const missing = new Set<MetricGroup>();
    const got = <T>(group: MetricGroup, value: T | undefined, ok: (v: T) => boolean): T | undefined => {
      if (value !== undefined && ok(value)) return value;
      missing.add(group);
      return undefined;
    };

    const cpu = got('cpu', valueOf(load)?.currentLoad, isCounter);
    const avg = got('load', valueOf(loadavg), (l) => Array.isArray(l) && l.length >= 3 && l.slice(0, 3).every(isCounter));
    const memory = got('memory', valueOf(mem), (m) => isCounter(m.total) && isCounter(m.active));
    const swap = got('swap', valueOf(mem), (m) => isCounter(m.swaptotal) && isCounter(m.swapused));
    const disks = got('disks', valueOf(fsSize), Array.isArray);
    const processCount = got('processes', valueOf(processes)?.all, isCounter);
    const netStats = got('network', valueOf(stats), Array.isArray);

    let network: MetricsSample['network'] = { rxBytesPerSec: 0, txBytesPerSec: 0 };
    if (netStats) {
      const current = readCounters(netStats, atMs, valueOf(osInterfaces));
      network = networkRates(previous, current);
      previous = current;
    }

    const sample: MetricsSample = {
      at: new Date(atMs).toISOString(),
      cpuPercent: Math.min(100, cpu ?? 0),
      load: [avg?.[0] ?? 0, avg?.[1] ?? 0, avg?.[2] ?? 0],
      memory: { usedBytes: wholeBytes(memory?.active), totalBytes: wholeBytes(memory?.total) },
      swap: { usedBytes: wholeBytes(swap?.swapused), totalBytes: wholeBytes(swap?.swaptotal) },
      disks: buildDisks(disks ?? []),
      network,
      processCount: Math.round(processCount ?? 0),
      ...(missing.size > 0 ? { missing: [...missing] } : {}),
    };
    // Built to satisfy the schema; checking keeps a bug here from reaching the server.
    return metricsSampleSchema.parse(sample);
  }

  return {
    sample() {
      const next = queue.then(measure, measure);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
