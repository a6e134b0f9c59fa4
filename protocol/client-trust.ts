/**
 * What a client (agent, CLI) trusts when it dials the server, and which URLs it may dial.
 *
 * The agent ships alone to hosts and imports this file: it must import nothing but Node
 * built-ins (no project files, no packages).
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';

/** Every way setting up client trust or checking a server URL can fail. */
export type TlsTrustErrorCode =
  /** The `--ca` file does not exist. */
  | 'TLS_CA_MISSING'
  /** The `--ca` file exists but cannot be read. */
  | 'TLS_CA_UNREADABLE'
  /** The `--ca` file holds no usable CA certificate (not PEM, a server certificate, expired). */
  | 'TLS_CA_INVALID'
  /** A plain `http://` / `ws://` URL to a host that is not loopback, without `insecure`. */
  | 'INSECURE_URL'
  /** Not a URL, or a scheme other than http, https, ws, wss. */
  | 'UNSUPPORTED_URL';

/** An error from client-side TLS setup, with a stable `code`. */
export class TlsTrustError extends Error {
  override readonly name = 'TlsTrustError';

  constructor(
    readonly code: TlsTrustErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Options for `https.request`, `tls.connect` and `new WebSocket(url, options)` (ws). Spread them
 * into the call's options. Hostname checks stay on: no `checkServerIdentity` override.
 */
export interface ClientTlsOptions {
  /** When set, the ONLY trusted roots: Node's bundled/system store is not consulted. */
  readonly ca?: string;
  readonly rejectUnauthorized: true;
  readonly minVersion: 'TLSv1.2';
}

export interface ClientTlsTrustOptions {
  /** PEM file with the CA certificate(s) to trust instead of the system store. */
  readonly caFile?: string;
  /** @default new Date(); the CA must be valid at this time */
  readonly now?: Date;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Builds client TLS options. With `caFile`, only the CA(s) in that file are trusted; without,
 * the default trust store is used (for servers with publicly trusted certificates).
 *
 * @throws TlsTrustError `TLS_CA_MISSING`, `TLS_CA_UNREADABLE`, `TLS_CA_INVALID`
 */
export function clientTlsOptions(options: ClientTlsTrustOptions = {}): ClientTlsOptions {
  const base = { rejectUnauthorized: true, minVersion: 'TLSv1.2' } as const;
  if (options.caFile === undefined) return base;
  const pem = readCaFile(options.caFile);
  checkCaCertificates(options.caFile, pem, options.now ?? new Date());
  return { ...base, ca: pem };
}

/** A URL that passed `assertSecureUrl`. */
export interface CheckedUrl {
  readonly url: URL;
  /** True for https:// and wss://. */
  readonly encrypted: boolean;
  /** Set when `insecure` let a plain URL to a non-loopback host through: log it. */
  readonly warning?: string;
}

/**
 * Refuses to send credentials in clear text over the network: a plain `http://` or `ws://` URL
 * is allowed only to a loopback host (127.0.0.0/8, ::1, localhost), or anywhere when `insecure`
 * is set (then a `warning` comes back).
 *
 * @throws TlsTrustError `INSECURE_URL`, `UNSUPPORTED_URL`
 */
export function assertSecureUrl(url: string | URL, options: { readonly insecure?: boolean } = {}): CheckedUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new TlsTrustError('UNSUPPORTED_URL', `"${String(url)}" is not a URL (expected e.g. https://ioms.example.com:8888)`, { cause });
  }
  const scheme = parsed.protocol;
  if (scheme === 'https:' || scheme === 'wss:') return { url: parsed, encrypted: true };
  if (scheme !== 'http:' && scheme !== 'ws:') {
    throw new TlsTrustError('UNSUPPORTED_URL', `unsupported scheme "${scheme}" in ${parsed.origin}; use https:// or wss://`);
  }
  if (isLoopbackHost(parsed.hostname)) return { url: parsed, encrypted: false };
  const secureScheme = scheme === 'http:' ? 'https:' : 'wss:';
  if (options.insecure === true) {
    return {
      url: parsed,
      encrypted: false,
      warning: `INSECURE: talking to ${parsed.host} over unencrypted ${scheme.slice(0, -1)}; credentials and commands travel in clear text`,
    };
  }
  throw new TlsTrustError(
    'INSECURE_URL',
    `refusing unencrypted ${scheme}// to ${parsed.host}: use ${secureScheme}// (with --ca FILE for a private CA), or --insecure to accept clear text`,
  );
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * True for `localhost`, 127.0.0.0/8 and ::1 (any spelling, IPv4-mapped too, brackets allowed).
 * Decides without DNS: any other name is not loopback, nor are 0.0.0.0, :: or zoned addresses.
 */
export function isLoopbackHost(host: string): boolean {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h === 'localhost') return true;
  if (h.includes('%')) return false;
  const family = isIP(h);
  if (family === 4) return LOOPBACK.check(h, 'ipv4');
  if (family === 6) return LOOPBACK.check(h, 'ipv6');
  return false;
}

function readCaFile(caFile: string): string {
  try {
    return readFileSync(caFile, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TlsTrustError('TLS_CA_MISSING', `CA file ${caFile} does not exist`, { cause });
    throw new TlsTrustError('TLS_CA_UNREADABLE', `cannot read CA file ${caFile} (${code ?? 'error'})`, { cause });
  }
}

function checkCaCertificates(caFile: string, pem: string, now: Date): void {
  const blocks = pem.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) {
    throw new TlsTrustError('TLS_CA_INVALID', `CA file ${caFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  for (const block of blocks) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(block);
    } catch (cause) {
      throw new TlsTrustError('TLS_CA_INVALID', `CA file ${caFile} holds a certificate that does not parse`, { cause });
    }
    // A self-signed leaf can serve as its own trust anchor; a leaf issued by someone else cannot.
    if (!cert.ca && cert.issuer !== cert.subject) {
      throw new TlsTrustError(
        'TLS_CA_INVALID',
        `CA file ${caFile} holds a server certificate (${cert.subject.replace(/\n/g, ', ')}), not a CA: give the CA's certificate (ca.pem)`,
      );
    }
    if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) {
      throw new TlsTrustError('TLS_CA_INVALID', `the CA in ${caFile} is not valid now (valid ${cert.validFrom} to ${cert.validTo})`);
    }
  }
}
