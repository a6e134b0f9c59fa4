import { isIPv4, isIPv6 } from 'node:net';
import { type IpScope } from '../../protocol/index.js';

/** IPv4 ranges that are not public, most specific first where they nest. */
const IPV4_RANGES: ReadonlyArray<readonly [base: string, prefix: number, scope: IpScope]> = [
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['100.64.0.0', 10, 'private'], // shared address space (carrier-grade NAT), RFC 6598
  ['0.0.0.0', 8, 'reserved'], // "this network"
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
  ['192.0.2.0', 24, 'reserved'], // TEST-NET-1 (documentation)
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['198.51.100.0', 24, 'reserved'], // TEST-NET-2
  ['203.0.113.0', 24, 'reserved'], // TEST-NET-3
  ['224.0.0.0', 4, 'reserved'], // multicast
  ['240.0.0.0', 4, 'reserved'], // class E and broadcast
];

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

const IPV4_MASKED = IPV4_RANGES.map(([base, prefix, scope]) => {
  const size = 2 ** (32 - prefix);
  return { start: ipv4ToInt(base), size, scope };
});

function classifyIpv4(address: string): IpScope {
  const value = ipv4ToInt(address);
  const hit = IPV4_MASKED.find((range) => value >= range.start && value < range.start + range.size);
  return hit ? hit.scope : 'public';
}

/** The eight 16-bit groups of a valid IPv6 address (zone already removed). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (embedded) {
    const v4 = ipv4ToInt(embedded);
    text = text.slice(0, -embedded.length) + `${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function classifyIpv6(address: string): IpScope {
  const g = ipv6Groups(address);
  const first = g[0] ?? 0;
  const allZeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (allZeroTo(7) && g[7] === 1) return 'loopback';
  if (allZeroTo(8)) return 'reserved'; // unspecified ::
  if (allZeroTo(5) && g[5] === 0xffff) {
    // IPv4-mapped ::ffff:a.b.c.d: the IPv4 address decides.
    const v4 = ((g[6] ?? 0) * 65536 + (g[7] ?? 0)) >>> 0;
    return classifyIpv4([v4 >>> 24, (v4 >>> 16) & 255, (v4 >>> 8) & 255, v4 & 255].join('.'));
  }
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xfe00) === 0xfc00) return 'private'; // unique local, RFC 4193
  if (first === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
  if ((first & 0xe000) === 0x2000) return 'public'; // global unicast 2000::/3
  return 'reserved'; // multicast ff00::/8 and unassigned space
}

/** Strip an IPv6 zone suffix: `fe80::1%eth0` → `fe80::1`. */
export function stripZone(address: string): string {
  const percent = address.indexOf('%');
  return percent === -1 ? address : address.slice(0, percent);
}

/**
 * Classify an IP address by where it is reachable from (see {@link IpScope}).
 * Pure; returns `undefined` for text that is not an IPv4 or IPv6 address.
 */
export function classifyIp(address: string): IpScope | undefined {
  const bare = stripZone(address);
  if (isIPv4(bare)) return classifyIpv4(bare);
  if (isIPv6(bare)) return classifyIpv6(bare);
  return undefined;
}
