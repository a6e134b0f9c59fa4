import net from 'node:net';

/** A CIDR or a single address, IPv4 or IPv6. */
export function parseCidr(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [addr, prefixText, ...rest] = text.trim().split('/');
  if (!addr || rest.length > 0) return undefined;
  const version = net.isIP(addr);
  if (version === 0) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const max = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { address: addr, prefix: max, family };
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= max ? { address: addr, prefix, family } : undefined;
}

/** The entries that are not valid CIDRs. */
export function invalidCidrs(list: readonly string[]): string[] {
  return list.filter((c) => !parseCidr(c));
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; strips IPv6 zone ids. */
export function normalizeIp(ip: string): string {
  const plain = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  return mapped?.[1] ?? plain;
}

/** True when `ip` is inside one of the CIDRs, or the list is empty (no restriction). */
export function ipAllowed(list: readonly string[], ip: string): boolean {
  if (list.length === 0) return true;
  const addr = normalizeIp(ip);
  const version = net.isIP(addr);
  if (version === 0) return false;
  const blocks = new net.BlockList();
  for (const entry of list) {
    const cidr = parseCidr(entry);
    if (cidr) blocks.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return blocks.check(addr, version === 4 ? 'ipv4' : 'ipv6');
}
