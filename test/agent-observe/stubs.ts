import { type HostOs, type InventoryProbes, type MetricsProbes } from '../../agent/observe/probes.js';

const fail = (what: string) => () => {
  throw new Error(`${what} unavailable`);
};
const reject = (what: string) => () => Promise.reject(new Error(`${what} unavailable`));

/** Inventory probes that all fail: some throw synchronously, some reject. */
export function failingInventoryProbes(): InventoryProbes {
  return {
    osInfo: reject('osInfo'),
    cpu: fail('cpu'),
    mem: reject('mem'),
    fsSize: reject('fsSize'),
    networkInterfaces: fail('networkInterfaces'),
  };
}

/** Metrics probes that all fail. */
export function failingMetricsProbes(): MetricsProbes {
  return {
    currentLoad: reject('currentLoad'),
    mem: fail('mem'),
    fsSize: reject('fsSize'),
    networkStats: reject('networkStats'),
    processes: fail('processes'),
  };
}

/** A fixed `node:os` for deterministic inventories. */
export function fakeOs(overrides: Partial<HostOs> = {}): HostOs {
  return {
    hostname: () => 'db-07',
    platform: () => 'linux',
    arch: () => 'arm64',
    release: () => '6.1.0-18-arm64',
    totalmem: () => 8 * 2 ** 30,
    uptime: () => 3_600,
    loadavg: () => [0.5, 0.4, 0.3],
    cpus: () => [{ model: 'Neoverse-N1' }, { model: 'Neoverse-N1' }],
    networkInterfaces: () => ({
      lo: [
        { address: '127.0.0.1', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true },
        { address: '::1', family: 'IPv6', mac: '00:00:00:00:00:00', internal: true },
      ],
      eth0: [
        { address: '10.0.0.7', family: 'IPv4', mac: '02:AB:00:00:00:07', internal: false },
        { address: '203.0.114.9', family: 'IPv4', mac: '02:AB:00:00:00:07', internal: false },
        { address: 'fe80::1', family: 'IPv6', mac: '02:AB:00:00:00:07', internal: false },
      ],
    }),
    ...overrides,
  };
}
