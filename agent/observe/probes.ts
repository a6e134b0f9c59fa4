/**
 * The small slices of `systeminformation` and `node:os` that observation reads. Owned here so
 * tests can pass plain stubs; the real modules satisfy these interfaces structurally.
 * Fields are the subset actually read; a stub may return more.
 */

export interface OsInfoFacts {
  platform: string;
  distro: string;
  release: string;
  kernel: string;
  arch: string;
  hostname: string;
}

export interface CpuFacts {
  manufacturer: string;
  brand: string;
  speed: number;
  cores: number;
  physicalCores: number;
}

export interface MemFacts {
  total: number;
  active: number;
  swaptotal: number;
  swapused: number;
}

export interface FsSizeFacts {
  fs: string;
  type: string;
  size: number;
  used: number;
  mount: string;
}

export interface NetworkInterfaceFacts {
  iface: string;
  ip4: string;
  ip6: string;
  mac: string;
  internal: boolean;
}

export interface NetworkStatsFacts {
  iface: string;
  rx_bytes: number;
  tx_bytes: number;
}

/** The `systeminformation` calls used by inventory collection. */
export interface InventoryProbes {
  osInfo(): Promise<OsInfoFacts>;
  cpu(): Promise<CpuFacts>;
  mem(): Promise<MemFacts>;
  fsSize(): Promise<FsSizeFacts[]>;
  networkInterfaces(): Promise<NetworkInterfaceFacts[] | NetworkInterfaceFacts>;
}

/** The `systeminformation` calls used by metrics sampling. */
export interface MetricsProbes {
  currentLoad(): Promise<{ currentLoad: number }>;
  mem(): Promise<MemFacts>;
  fsSize(): Promise<FsSizeFacts[]>;
  networkStats(ifaces: string): Promise<NetworkStatsFacts[]>;
  processes(): Promise<{ all: number }>;
}

/** Node `os` address entry, the subset read. */
export interface OsAddressFacts {
  address: string;
  family: string | number;
  mac: string;
  internal: boolean;
}

/** The `node:os` calls used as fallbacks and for facts `systeminformation` lacks. */
export interface HostOs {
  hostname(): string;
  platform(): string;
  arch(): string;
  release(): string;
  totalmem(): number;
  uptime(): number;
  loadavg(): number[];
  cpus(): ReadonlyArray<{ model: string }>;
  networkInterfaces(): Record<string, ReadonlyArray<OsAddressFacts> | undefined>;
}

/** How long one probe may run before it counts as failed. @default 10000 */
export const PROBE_TIMEOUT_MS = 10_000;

/** The outcome of one probe: its value, or why it failed. */
export type ProbeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: unknown };

/**
 * Run one probe, turning a throw, a rejection or a hang (a stale network mount can block
 * `df` forever) into a failed {@link ProbeResult}. Never rejects.
 */
export async function settleProbe<T>(probe: () => T | Promise<T>, timeoutMs: number = PROBE_TIMEOUT_MS): Promise<ProbeResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`probe timed out after ${timeoutMs} ms`)), timeoutMs);
    timer.unref?.();
  });
  try {
    return { ok: true, value: await Promise.race([Promise.resolve().then(probe), timeout]) };
  } catch (reason) {
    return { ok: false, reason };
  } finally {
    clearTimeout(timer);
  }
}

/** The value of a successful probe, else `undefined`. */
export const valueOf = <T>(result: ProbeResult<T>): T | undefined => (result.ok ? result.value : undefined);
