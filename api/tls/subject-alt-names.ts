/**
 * Subject alternative names for the server certificate: which names and addresses clients may
 * use to reach the server. Pure: no I/O.
 */
import { isIP } from 'node:net';

import { TlsError } from './tls-error.js';

/** Names every server certificate carries, so local agents and the CLI always verify. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** One entry of the certificate's subjectAltName extension. */
export type SubjectAltName =
  | { readonly kind: 'dns'; readonly name: string }
  | { readonly kind: 'ip'; readonly address: string; readonly bytes: Uint8Array };

const MAX_DNS_NAME_LENGTH = 253;
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Classifies each host as a DNS name or an IP address (IPv4 or IPv6), adds the loopback names,
 * lowercases names, and drops duplicates (`::1` and `0:0:0:0:0:0:0:1` are one address).
 * A leftmost `*.` wildcard label is allowed (`*.hosts.example.com`).
 *
 * @throws TlsError `TLS_INVALID_HOST` naming the first entry that is neither.
 */
export function parseSubjectAltNames(hosts: readonly string[]): SubjectAltName[] {
  const result: SubjectAltName[] = [];
  const seen = new Set<string>();
  for (const raw of [...LOOPBACK_HOSTS, ...hosts]) {
    const entry = parseHost(raw);
    const key = entry.kind === 'dns' ? `dns:${entry.name}` : `ip:${Buffer.from(entry.bytes).toString('hex')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(entry);
  }
  return result;
}

/** Renders names the way `openssl x509 -text` and Node's `subjectaltname` do. */
export function describeSubjectAltNames(names: readonly SubjectAltName[]): string {
  return names.map((n) => (n.kind === 'dns' ? `DNS:${n.name}` : `IP:${n.address}`)).join(', ');
}

function parseHost(raw: string): SubjectAltName {
  const host = raw.trim();
  const unbracketed = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const family = unbracketed.includes('%') ? 0 : isIP(unbracketed);
  if (family === 4) return { kind: 'ip', address: unbracketed, bytes: ipv4ToBytes(unbracketed) };
  if (family === 6) return { kind: 'ip', address: unbracketed.toLowerCase(), bytes: ipv6ToBytes(unbracketed) };

  const name = host.toLowerCase().replace(/\.$/, '');
  if (isDnsName(name)) return { kind: 'dns', name };
  throw new TlsError(
    'TLS_INVALID_HOST',
    `"${raw}" is neither a DNS name nor an IP address (give bare names or addresses, without scheme or port)`,
  );
}

function isDnsName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_DNS_NAME_LENGTH) return false;
  const labels = name.split('.');
  const [first, ...rest] = labels;
  if (first === '*') return rest.length >= 2 && rest.every((l) => DNS_LABEL.test(l));
  // An all-numeric last label would make "10.0.0" look like a name; real TLDs are never numeric.
  if (labels.length > 1 && /^\d+$/.test(labels[labels.length - 1] ?? '')) return false;
  return labels.every((l) => DNS_LABEL.test(l));
}

function ipv4ToBytes(address: string): Uint8Array {
  return Uint8Array.from(address.split('.').map(Number));
}

/** Expands an IPv6 address (`::` and an embedded IPv4 tail allowed; already checked by `isIP`). */
function ipv6ToBytes(address: string): Uint8Array {
  let text = address.toLowerCase();
  const v4Tail = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail?.[1] !== undefined) {
    const [a, b, c, d] = ipv4ToBytes(v4Tail[1]);
    text = `${text.slice(0, v4Tail.index)}:${(((a ?? 0) << 8) | (b ?? 0)).toString(16)}:${(((c ?? 0) << 8) | (d ?? 0)).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}
