import type { IncomingMessage } from 'node:http';
import { normalizeIp } from '../auth/allow-list.js';

/**
 * The caller's address. With `trustProxyHops` > 0 the address that many hops back in
 * X-Forwarded-For is used (only behind proxies you run; otherwise clients could forge it).
 */
export function clientIp(req: IncomingMessage, trustProxyHops: number): string {
  const direct = normalizeIp(req.socket.remoteAddress ?? '');
  if (trustProxyHops <= 0) return direct || 'unknown';
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const pick = chain[chain.length - trustProxyHops];
  return pick ? normalizeIp(pick) : direct || 'unknown';
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}
