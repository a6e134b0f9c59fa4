import { type Heartbeat, type Inventory, type MetricsSample } from '../../protocol/index.js';

/** A small valid inventory; tests copy and break it. */
export function validInventory(): Inventory {
  return {
    hostname: 'web-01',
    os: { name: 'Linux', release: '12', platform: 'linux', arch: 'x64', kernel: '6.1.0-18-amd64', distro: 'Debian GNU/Linux' },
    cpu: { model: 'Intel Xeon', cores: 8, physicalCores: 4, speedGHz: 2.4 },
    memoryBytes: 16 * 2 ** 30,
    disks: [{ device: '/dev/sda1', mount: '/', fsType: 'ext4', sizeBytes: 100 * 2 ** 30 }],
    interfaces: [
      { name: 'eth0', ipv4: ['10.0.0.5'], ipv6: ['fe80::1'], mac: '02:fc:00:00:00:01', internal: false },
      { name: 'lo', ipv4: ['127.0.0.1'], ipv6: ['::1'], internal: true },
    ],
    ips: [
      { family: 'ipv4', address: '10.0.0.5', scope: 'private', interface: 'eth0' },
      { family: 'ipv6', address: 'fe80::1', scope: 'link-local', interface: 'eth0' },
    ],
    macs: ['02:fc:00:00:00:01'],
    timezone: 'Europe/Berlin',
    locale: 'de-DE',
    bootTime: '2026-01-31T12:00:00.000Z',
    agentVersion: '0.1.0',
  };
}

export function validHeartbeat(): Heartbeat {
  return { seq: 3, at: '2026-01-31T12:00:45.000Z', uptimeSeconds: 86_400.5 };
}

export function validMetrics(): MetricsSample {
  return {
    at: '2026-01-31T12:01:00.000Z',
    cpuPercent: 12.5,
    load: [0.5, 0.25, 0.1],
    memory: { usedBytes: 2 ** 30, totalBytes: 16 * 2 ** 30 },
    swap: { usedBytes: 0, totalBytes: 0 },
    disks: [{ mount: '/', usedBytes: 10 * 2 ** 30, totalBytes: 100 * 2 ** 30 }],
    network: { rxBytesPerSec: 1024.5, txBytesPerSec: 0 },
    processCount: 140,
  };
}
