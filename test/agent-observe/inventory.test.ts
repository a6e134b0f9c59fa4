import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { inventorySchema, MAX_DISKS, MAX_INTERFACES, MAX_PATH_LENGTH } from '../../protocol/index.js';
import { collectInventory, InventoryError } from '../../agent/observe/inventory.js';
import { type InventoryProbes } from '../../agent/observe/probes.js';
import { failingInventoryProbes, fakeOs } from './stubs.js';

const NOW = Date.parse('2026-02-01T00:00:00.000Z');

describe('collectInventory on this machine', () => {
  it('matches what node:os reports, validates, and is quick', async () => {
    const started = performance.now();
    const inv = await collectInventory({ agentVersion: '1.2.3' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(inventorySchema.safeParse(inv).success).toBe(true);
    expect(inv.hostname).toBe(os.hostname());
    expect(inv.cpu.cores).toBe(os.cpus().length);
    expect(inv.memoryBytes).toBe(os.totalmem());
    expect(inv.os.platform).toBe(process.platform);
    expect(inv.os.arch).toBe(process.arch);
    expect(inv.agentVersion).toBe('1.2.3');
    expect(inv.interfaces.map((n) => n.name).sort()).toEqual(Object.keys(os.networkInterfaces()).sort());
    expect(inv.ips.some((ip) => ip.scope === 'loopback')).toBe(false);
    expect(Date.parse(inv.bootTime)).toBeLessThan(Date.now());
    expect(Math.abs(Date.parse(inv.bootTime) - (Date.now() - os.uptime() * 1000))).toBeLessThan(5_000);
    if (process.platform !== 'win32') expect(inv.codePage).toBeUndefined();
    expect(() => new Intl.DateTimeFormat('en', { timeZone: inv.timezone })).not.toThrow(); // a zone Intl knows
    expect(Intl.getCanonicalLocales(inv.locale)).toHaveLength(1);
    if (process.platform === 'linux') expect(inv.disks.map((d) => d.mount)).toContain('/');
  });
});

describe('collectInventory degrades', () => {
  it('yields a valid partial inventory when every systeminformation probe fails', async () => {
    const inv = await collectInventory({ agentVersion: '1.2.3', si: failingInventoryProbes(), os: fakeOs(), now: () => NOW });
    expect(inventorySchema.safeParse(inv).success).toBe(true);
    expect(inv).toMatchObject({
      hostname: 'db-07',
      os: { name: 'Linux', release: '6.1.0-18-arm64', platform: 'linux', arch: 'arm64', kernel: '6.1.0-18-arm64' },
      cpu: { model: 'Neoverse-N1', cores: 2 },
      memoryBytes: 8 * 2 ** 30,
      disks: [],
      macs: ['02:ab:00:00:00:07'],
      bootTime: '2026-01-31T23:00:00.000Z',
    });
    expect(inv.os.distro).toBeUndefined();
    expect(inv.cpu.physicalCores).toBeUndefined();
    expect(inv.ips).toEqual([
      { family: 'ipv4', address: '10.0.0.7', scope: 'private', interface: 'eth0' },
      { family: 'ipv4', address: '203.0.114.9', scope: 'public', interface: 'eth0' },
      { family: 'ipv6', address: 'fe80::1', scope: 'link-local', interface: 'eth0' },
    ]);
  });

  it('yields a valid inventory when node:os fails too', async () => {
    const broken = () => {
      throw new Error('os unavailable');
    };
    const hostOs = fakeOs({ cpus: broken, networkInterfaces: broken, totalmem: broken, uptime: broken, release: broken });
    const inv = await collectInventory({ agentVersion: '1.2.3', si: failingInventoryProbes(), os: hostOs, now: () => NOW });
    expect(inventorySchema.safeParse(inv).success).toBe(true);
    expect(inv).toMatchObject({ hostname: 'db-07', cpu: { model: 'unknown', cores: 1 }, memoryBytes: 0, interfaces: [], ips: [], macs: [] });
  });

  it('treats a hanging probe as failed after the probe timeout', async () => {
    const si: InventoryProbes = { ...failingInventoryProbes(), fsSize: () => new Promise(() => {}) };
    const started = performance.now();
    const inv = await collectInventory({ agentVersion: '1', si, os: fakeOs(), now: () => NOW, probeTimeoutMs: 50 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(inv.disks).toEqual([]);
  });

  it('cleans, de-duplicates and caps what the probes return', async () => {
    const si: InventoryProbes = {
      ...failingInventoryProbes(),
      osInfo: async () => ({ platform: 'Linux', distro: '  Ubuntu  ', release: '24.04', kernel: '6.8.0', arch: 'x64', hostname: 'ignored' }),
      cpu: async () => ({ manufacturer: 'AMD', brand: 'AMD EPYC 7763', speed: 2.45, cores: 99, physicalCores: 1 }),
      fsSize: async () => [
        { fs: '/dev/sda1', type: 'ext4', size: 1e12, used: 1, mount: '/' },
        { fs: '/dev/sda1', type: 'ext4', size: 1e12, used: 1, mount: '/' },
        { fs: 'bad', type: 'nfs', size: NaN, used: 0, mount: '/broken' },
        { fs: 'x', type: 'tmpfs', size: 5, used: 0, mount: 'm'.repeat(MAX_PATH_LENGTH + 10) },
        ...Array.from({ length: MAX_DISKS + 20 }, (_, n) => ({ fs: 'overlay', type: 'overlay', size: 10, used: 0, mount: `/var/lib/docker/${n}` })),
      ],
      networkInterfaces: async () => [{ iface: 'eth0', ip4: '10.0.0.7', ip6: '', mac: '02-AB-00-00-00-07', internal: false }],
    };
    const veths = Object.fromEntries(
      Array.from({ length: MAX_INTERFACES + 50 }, (_, n) => [`veth${n}`, [{ address: 'fe80::2', family: 'IPv6', mac: '02:00:00:00:00:01', internal: false }]]),
    );
    const hostOs = fakeOs({ networkInterfaces: () => ({ ...fakeOs().networkInterfaces(), ...veths }) });
    const inv = await collectInventory({ agentVersion: '1', si, os: hostOs, now: () => NOW, zone: () => ({ timeZone: 'Asia/Seoul', locale: 'ko-KR' }) });

    expect(inv.os).toMatchObject({ name: 'Linux', platform: 'linux', distro: 'Ubuntu', release: '24.04', kernel: '6.8.0' });
    expect(inv.cpu).toEqual({ model: 'AMD EPYC 7763', cores: 2, physicalCores: 1, speedGHz: 2.45 });
    expect(inv.disks).toHaveLength(MAX_DISKS);
    expect(inv.disks[0]).toEqual({ device: '/dev/sda1', mount: '/', fsType: 'ext4', sizeBytes: 1e12 });
    expect(inv.disks.some((d) => d.mount === '/broken')).toBe(false);
    expect(inv.interfaces).toHaveLength(MAX_INTERFACES);
    expect(inv.interfaces.map((n) => n.name)).toContain('eth0'); // routable interfaces survive the cap
    expect(inv.interfaces.find((n) => n.name === 'eth0')?.mac).toBe('02:ab:00:00:00:07');
    expect(inv.timezone).toBe('Asia/Seoul');
    expect(inv.locale).toBe('ko-KR');
    expect(inv.bootTime).toBe('2026-01-31T23:00:00.000Z'); // NOW minus os.uptime() (3,600 s)
  });

  it('throws a typed error when the result cannot validate', async () => {
    const hostOs = fakeOs({ platform: () => 'plan9' });
    const error = await collectInventory({ agentVersion: '1', si: failingInventoryProbes(), os: hostOs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InventoryError);
    expect(error).toMatchObject({ code: 'INVENTORY_INVALID' });
  });
});
