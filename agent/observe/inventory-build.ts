import { isIPv4, isIPv6 } from 'node:net';
import {
  MAX_ADDRESSES_PER_INTERFACE,
  MAX_DISKS,
  MAX_HOSTNAME_LENGTH,
  MAX_INTERFACE_NAME_LENGTH,
  MAX_INTERFACES,
  MAX_IPS,
  MAX_LABEL_LENGTH,
  MAX_MACS,
  MAX_PATH_LENGTH,
  MAX_TEXT_LENGTH,
  type DiskInfo,
  type Inventory,
  type IpAddress,
  type NetworkInterfaceInfo,
} from '../../protocol/index.js';
import { classifyIp, stripZone } from './ip-scope.js';
import { type CpuFacts, type FsSizeFacts, type MemFacts, type NetworkInterfaceFacts, type OsAddressFacts, type OsInfoFacts } from './probes.js';
import { byCodeUnit } from '../compare-text.js';

/**
 * Everything gathered about the host, each field absent when its probe failed. Plain data:
 * {@link buildInventory} turns it into an inventory without I/O.
 */
export interface InventoryFacts {
  agentVersion: string;
  /** Wall clock at gathering, ms since the epoch: boot time is this minus the uptime. */
  nowMs: number;
  hostname?: string;
  platform?: string;
  arch?: string;
  /** `os.release()`: the kernel version. */
  kernelRelease?: string;
  totalmem?: number;
  uptimeSeconds?: number;
  cpus?: ReadonlyArray<{ model: string }>;
  osInterfaces?: Record<string, ReadonlyArray<OsAddressFacts> | undefined>;
  osInfo?: OsInfoFacts;
  cpu?: CpuFacts;
  mem?: MemFacts;
  fsSize?: readonly FsSizeFacts[];
  siInterfaces?: readonly NetworkInterfaceFacts[];
  codePage?: string;
  locale?: string;
  timeZone?: string;
}

const FAMILY_NAMES: Readonly<Record<string, string>> = {
  linux: 'Linux',
  win32: 'Windows',
  darwin: 'macOS',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
  netbsd: 'NetBSD',
  sunos: 'SunOS',
  aix: 'AIX',
  android: 'Android',
};

/** Trimmed text cut to `max` code units, or `undefined` when nothing is left. */
function clip(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().slice(0, max).trim();
  return text === '' ? undefined : text;
}

/** A finite, non-negative whole number of bytes, or `undefined`. */
function bytes(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(Math.round(value), Number.MAX_SAFE_INTEGER) : undefined;
}

/** `AA-BB-...` or `aa:bb:...` → `aa:bb:...`; all-zero and malformed addresses → `undefined`. */
export function normalizeMac(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const mac = value.trim().toLowerCase().replaceAll('-', ':');
  if (!/^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/.test(mac) || mac === '00:00:00:00:00:00') return undefined;
  return mac;
}

function uniqueCapped(values: Iterable<string>, max: number): string[] {
  return [...new Set(values)].slice(0, max);
}

function buildInterfaces(facts: InventoryFacts): NetworkInterfaceInfo[] {
  const byName = new Map<string, NetworkInterfaceFacts>();
  for (const nic of facts.siInterfaces ?? []) if (typeof nic?.iface === 'string') byName.set(nic.iface, nic);
  const osInterfaces = facts.osInterfaces ?? {};
  const names = new Set([...byName.keys(), ...Object.keys(osInterfaces)]);

  const built: NetworkInterfaceInfo[] = [];
  for (const rawName of names) {
    const name = clip(rawName, MAX_INTERFACE_NAME_LENGTH);
    if (!name) continue;
    const nic = byName.get(rawName);
    const entries = osInterfaces[rawName] ?? [];
    // node:os lists every address; systeminformation only the first of each family.
    const all = entries.length > 0 ? entries.map((e) => e.address) : [nic?.ip4 ?? '', nic?.ip6 ?? ''];
    const bare = all.filter((a): a is string => typeof a === 'string').map(stripZone);
    built.push({
      name,
      ipv4: uniqueCapped(bare.filter((a) => isIPv4(a)), MAX_ADDRESSES_PER_INTERFACE),
      ipv6: uniqueCapped(bare.filter((a) => isIPv6(a)), MAX_ADDRESSES_PER_INTERFACE),
      mac: normalizeMac(nic?.mac) ?? normalizeMac(entries[0]?.mac),
      internal: nic?.internal ?? entries.some((e) => e.internal),
    });
  }
  // When capping, keep the interfaces that carry routable addresses (not a host's 500 veths).
  const routable = (nic: NetworkInterfaceInfo) =>
    [...nic.ipv4, ...nic.ipv6].some((a) => ['private', 'public', 'reserved'].includes(classifyIp(a) ?? '')) ? 0 : 1;
  return built
    .sort((a, b) => routable(a) - routable(b) || byCodeUnit(a.name, b.name))
    .slice(0, MAX_INTERFACES)
    .sort((a, b) => byCodeUnit(a.name, b.name));
}

function buildIps(interfaces: readonly NetworkInterfaceInfo[]): IpAddress[] {
  const ips: IpAddress[] = [];
  for (const nic of interfaces) {
    for (const [family, list] of [['ipv4', nic.ipv4], ['ipv6', nic.ipv6]] as const) {
      for (const address of list) {
        const scope = classifyIp(address);
        if (scope && scope !== 'loopback') ips.push({ family, address, scope, interface: nic.name });
      }
    }
  }
  return ips.slice(0, MAX_IPS);
}

function buildDisks(fsSize: readonly FsSizeFacts[]): DiskInfo[] {
  const byMount = new Map<string, DiskInfo>();
  for (const fs of fsSize) {
    const mount = clip(fs?.mount, MAX_PATH_LENGTH);
    const sizeBytes = bytes(fs?.size);
    if (!mount || sizeBytes === undefined || byMount.has(mount)) continue;
    byMount.set(mount, { device: clip(fs.fs, MAX_PATH_LENGTH), mount, fsType: clip(fs.type, MAX_LABEL_LENGTH), sizeBytes });
  }
  return [...byMount.values()].sort((a, b) => byCodeUnit(a.mount, b.mount)).slice(0, MAX_DISKS);
}

function cpuModel(facts: InventoryFacts): string {
  const brand = clip(facts.cpu?.brand, MAX_TEXT_LENGTH);
  const maker = clip(facts.cpu?.manufacturer, MAX_TEXT_LENGTH);
  const fromSi = brand && maker && !brand.toLowerCase().startsWith(maker.toLowerCase()) ? `${maker} ${brand}` : brand;
  return clip(fromSi, MAX_TEXT_LENGTH) ?? clip(facts.cpus?.[0]?.model, MAX_TEXT_LENGTH) ?? 'unknown';
}

function bootTime(facts: InventoryFacts): string {
  const ms = facts.nowMs - (facts.uptimeSeconds ?? 0) * 1000;
  // Whole seconds: the subtraction jitters by milliseconds between calls.
  return new Date(Math.round(ms / 1000) * 1000).toISOString();
}

/**
 * Turn gathered facts into an inventory candidate. Pure. Degrades field by field: a failed
 * probe leaves its optional fields absent and its lists empty, and required text falls back
 * to `node:os` values or `unknown`. Lists are de-duplicated, sorted and cut to the protocol
 * limits so that the result validates. The caller still validates it.
 */
export function buildInventory(facts: InventoryFacts): Inventory {
  const platform = facts.platform ?? facts.osInfo?.platform ?? 'unknown';
  const kernel = clip(facts.osInfo?.kernel, MAX_LABEL_LENGTH) ?? clip(facts.kernelRelease, MAX_LABEL_LENGTH) ?? 'unknown';
  const interfaces = buildInterfaces(facts);
  const speed = facts.cpu?.speed;
  const physicalCores = facts.cpu?.physicalCores;
  const cores = (facts.cpus?.length || facts.cpu?.cores) ?? 0;
  return {
    hostname: clip(facts.hostname, MAX_HOSTNAME_LENGTH) ?? clip(facts.osInfo?.hostname, MAX_HOSTNAME_LENGTH) ?? 'unknown',
    os: {
      name: FAMILY_NAMES[platform] ?? platform,
      release: clip(facts.osInfo?.release, MAX_LABEL_LENGTH) ?? kernel,
      platform: platform as Inventory['os']['platform'], // checked by the schema in collectInventory
      arch: clip(facts.arch, MAX_LABEL_LENGTH) ?? clip(facts.osInfo?.arch, MAX_LABEL_LENGTH) ?? 'unknown',
      kernel,
      distro: clip(facts.osInfo?.distro, MAX_TEXT_LENGTH),
    },
    cpu: {
      model: cpuModel(facts),
      cores: Math.max(1, Math.round(cores)),
      physicalCores: Number.isInteger(physicalCores) && physicalCores! > 0 ? physicalCores : undefined,
      speedGHz: typeof speed === 'number' && Number.isFinite(speed) && speed > 0 ? speed : undefined,
    },
    memoryBytes: bytes(facts.totalmem) ?? bytes(facts.mem?.total) ?? 0,
    disks: buildDisks(facts.fsSize ?? []),
    interfaces,
    ips: buildIps(interfaces),
    macs: uniqueCapped(interfaces.filter((n) => !n.internal && n.mac).map((n) => n.mac!), MAX_MACS).sort(),
    timezone: clip(facts.timeZone, MAX_LABEL_LENGTH) ?? 'UTC',
    locale: clip(facts.locale, MAX_LABEL_LENGTH) ?? 'und',
    codePage: clip(facts.codePage, MAX_LABEL_LENGTH),
    bootTime: bootTime(facts),
    agentVersion: clip(facts.agentVersion, MAX_LABEL_LENGTH) ?? 'unknown',
  };
}
