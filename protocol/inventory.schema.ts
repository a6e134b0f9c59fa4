import { z } from 'zod';
import {
  MAX_ADDRESSES_PER_INTERFACE,
  MAX_DISKS,
  MAX_HOSTNAME_LENGTH,
  MAX_INTERFACE_NAME_LENGTH,
  MAX_INTERFACES,
  MAX_IPS,
  MAX_MACS,
  MAX_PATH_LENGTH,
  MAX_TEXT_LENGTH,
} from './limits.js';
import { byteCount, count, isoTimestamp, label, macAddress, nonNegative, requiredString } from './primitives.js';

/** Operating-system platforms, as Node's `process.platform` names them. */
export const PLATFORMS = ['aix', 'android', 'cygwin', 'darwin', 'freebsd', 'haiku', 'linux', 'netbsd', 'openbsd', 'sunos', 'win32'] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

/**
 * Where an IP address is reachable from:
 * - `loopback`: this host only (127.0.0.0/8, ::1);
 * - `link-local`: the local link only (169.254.0.0/16, fe80::/10);
 * - `private`: a private network (RFC 1918, shared CGNAT 100.64.0.0/10, unique-local fc00::/7);
 * - `reserved`: not globally routable for another reason (documentation, benchmarking,
 *   multicast, "this network", class E, IPv6 documentation 2001:db8::/32, ...);
 * - `public`: globally routable unicast.
 */
export const IP_SCOPES = ['loopback', 'link-local', 'private', 'reserved', 'public'] as const;
export const ipScopeSchema = z.enum(IP_SCOPES);
export type IpScope = z.infer<typeof ipScopeSchema>;

const interfaceName = requiredString(MAX_INTERFACE_NAME_LENGTH);

/** One address of the host, tagged with its family and scope. */
export const ipAddressSchema = z.discriminatedUnion('family', [
  z.object({ family: z.literal('ipv4'), address: z.ipv4(), scope: ipScopeSchema, interface: interfaceName.optional() }),
  z.object({ family: z.literal('ipv6'), address: z.ipv6(), scope: ipScopeSchema, interface: interfaceName.optional() }),
]);
export type IpAddress = z.infer<typeof ipAddressSchema>;

export const osSchema = z.object({
  /** Family name: `Linux`, `Windows`, `macOS`, ... */
  name: label,
  /** Version of the distribution or product, e.g. `12` (Debian), `10.0.20348` (Windows). */
  release: label,
  platform: platformSchema,
  /** CPU architecture as Node names it: `x64`, `arm64`, ... */
  arch: label,
  /** Kernel version, e.g. `6.1.0-18-amd64`. */
  kernel: label,
  /** Distribution or edition, e.g. `Debian GNU/Linux`, `Microsoft Windows Server 2022 Standard`. */
  distro: requiredString(MAX_TEXT_LENGTH).optional(),
});

export const cpuSchema = z.object({
  model: requiredString(MAX_TEXT_LENGTH),
  /** Logical processors: what `os.cpus().length` counts. */
  cores: count.min(1),
  physicalCores: count.min(1).optional(),
  /** Nominal clock speed; absent when the platform does not say. */
  speedGHz: nonNegative.optional(),
});

export const diskSchema = z.object({
  /** Block device or volume, e.g. `/dev/sda1`, `C:`. */
  device: requiredString(MAX_PATH_LENGTH).optional(),
  /** Mount point (drive letter on Windows). */
  mount: requiredString(MAX_PATH_LENGTH),
  fsType: label.optional(),
  sizeBytes: byteCount,
});

export const networkInterfaceSchema = z.object({
  name: interfaceName,
  ipv4: z.array(z.ipv4()).max(MAX_ADDRESSES_PER_INTERFACE),
  /** IPv6 addresses without zone suffix (`fe80::1`, not `fe80::1%eth0`). */
  ipv6: z.array(z.ipv6()).max(MAX_ADDRESSES_PER_INTERFACE),
  /** Absent for interfaces without a hardware address (loopback, tunnels). */
  mac: macAddress.optional(),
  /** True for loopback interfaces. */
  internal: z.boolean(),
});

/**
 * What a host is: sent by the agent on connect and whenever its fingerprint changes.
 *
 * Unknown fields are stripped, not rejected, so a newer agent can report to an older server.
 */
export const inventorySchema = z.object({
  hostname: requiredString(MAX_HOSTNAME_LENGTH),
  os: osSchema,
  cpu: cpuSchema,
  /** Total physical memory. */
  memoryBytes: byteCount,
  disks: z.array(diskSchema).max(MAX_DISKS),
  interfaces: z.array(networkInterfaceSchema).max(MAX_INTERFACES),
  /** Every non-loopback address of the host, each tagged with family and scope. */
  ips: z.array(ipAddressSchema).max(MAX_IPS),
  /** Distinct hardware addresses of the non-internal interfaces. */
  macs: z.array(macAddress).max(MAX_MACS),
  /** IANA time zone, e.g. `Europe/Berlin`, `Etc/UTC`. */
  timezone: label,
  /** BCP 47 locale, e.g. `en-US`. */
  locale: label,
  /** Windows console code page, e.g. `65001`, `949`; absent elsewhere. */
  codePage: label.optional(),
  bootTime: isoTimestamp,
  agentVersion: label,
});

export type Inventory = z.infer<typeof inventorySchema>;
export type OsInfo = z.infer<typeof osSchema>;
export type CpuInfo = z.infer<typeof cpuSchema>;
export type DiskInfo = z.infer<typeof diskSchema>;
export type NetworkInterfaceInfo = z.infer<typeof networkInterfaceSchema>;
