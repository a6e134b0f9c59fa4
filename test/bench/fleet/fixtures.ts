import type { Inventory, MetricsSample } from '../../../protocol/index.js';

/** A plausible Linux host's inventory for simulated agent number `index` (valid per protocol/). */
export function simulatedInventory(name: string, index: number, agentVersion: string): Inventory {
  const a = (index >> 8) & 255;
  const b = index & 255;
  const mac = `02:00:00:00:${a.toString(16).padStart(2, '0')}:${b.toString(16).padStart(2, '0')}`;
  return {
    hostname: name,
    os: { name: 'Linux', release: '6.1.0', platform: 'linux', arch: 'x64', kernel: '6.1.0-sim', distro: 'Debian GNU/Linux 12' },
    cpu: { model: 'Simulated CPU @ 2.4GHz', cores: 4, physicalCores: 2, speedGHz: 2.4 },
    memoryBytes: 8 * 2 ** 30,
    disks: [{ device: '/dev/vda1', mount: '/', fsType: 'ext4', sizeBytes: 100 * 2 ** 30 }],
    interfaces: [{ name: 'eth0', ipv4: [`10.${(index >> 16) & 255}.${a}.${b}`], ipv6: [], mac, internal: false }],
    ips: [{ family: 'ipv4', address: `10.${(index >> 16) & 255}.${a}.${b}`, scope: 'private', interface: 'eth0' }],
    macs: [mac],
    timezone: 'UTC',
    locale: 'en-US',
    bootTime: '2026-01-01T00:00:00.000Z',
    agentVersion,
  };
}

/** One metrics sample with some movement in it. */
export function simulatedMetrics(at: Date, random: () => number): MetricsSample {
  return {
    at: at.toISOString(),
    cpuPercent: Math.round(random() * 1000) / 10,
    load: [random() * 2, random() * 2, random() * 2],
    memory: { usedBytes: Math.round(2 ** 30 * (2 + random() * 4)), totalBytes: 8 * 2 ** 30 },
    swap: { usedBytes: 0, totalBytes: 0 },
    disks: [{ mount: '/', usedBytes: 40 * 2 ** 30, totalBytes: 100 * 2 ** 30 }],
    network: { rxBytesPerSec: Math.round(random() * 1e6), txBytesPerSec: Math.round(random() * 1e6) },
    processCount: 120 + Math.round(random() * 20),
  };
}
