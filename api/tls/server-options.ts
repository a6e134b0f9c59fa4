/**
 * The server's TLS settings: load and check the certificate and key named by `IOMS_TLS_CERT` /
 * `IOMS_TLS_KEY`, and the warning for a server that listens on the network without TLS.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type ServerOptions } from 'node:https';

import { isLoopbackHost } from '../../protocol/client-trust.js';
import { TlsError } from './tls-error.js';

export { isLoopbackHost };

/** TLS 1.0 and 1.1 are refused. */
export const TLS_MIN_VERSION = 'TLSv1.2';

/**
 * TLS 1.3 suites (all AEAD), then for TLS 1.2 only ECDHE key exchange (forward secrecy) with AEAD
 * ciphers: no RSA key exchange, no CBC, no SHA-1 MACs.
 */
export const TLS_CIPHERS = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
].join(':');

/** Where the server's certificate (chain allowed, leaf first) and private key live. */
export interface ServerTlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

export interface LoadServerTlsOptions {
  /** The certificate must be valid at this time. @default new Date() */
  readonly now?: Date;
}

/**
 * Reads and checks the certificate and key, and returns options for `https.createServer`.
 *
 * @throws TlsError `TLS_FILE_MISSING`, `TLS_FILE_UNREADABLE`, `TLS_NOT_PEM` (also for an
 *   encrypted key, which the server cannot unlock unattended), `TLS_KEY_MISMATCH`,
 *   `TLS_CERT_NOT_VALID_NOW`.
 */
export function loadServerTlsOptions(files: ServerTlsFiles, options: LoadServerTlsOptions = {}): ServerOptions {
  const certPem = readTlsFile(files.certFile, 'certificate');
  const keyPem = readTlsFile(files.keyFile, 'private key');
  const cert = parseCertificate(files.certFile, certPem);
  const key = parsePrivateKey(files.keyFile, keyPem);
  if (!cert.checkPrivateKey(key)) {
    throw new TlsError('TLS_KEY_MISMATCH', `the private key ${files.keyFile} does not belong to the certificate ${files.certFile}`);
  }
  const now = options.now ?? new Date();
  if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) {
    throw new TlsError(
      'TLS_CERT_NOT_VALID_NOW',
      `the certificate ${files.certFile} is valid from ${cert.validFrom} to ${cert.validTo}, not now: clients would refuse it`,
    );
  }
  return {
    cert: certPem,
    key: keyPem,
    minVersion: TLS_MIN_VERSION,
    ciphers: TLS_CIPHERS,
    honorCipherOrder: true,
  };
}

/**
 * The TLS files named by `IOMS_TLS_CERT` and `IOMS_TLS_KEY`, or undefined when neither is set
 * (plain HTTP).
 *
 * @throws TlsError `TLS_INCOMPLETE_CONFIG` when only one is set: serving plain HTTP then would
 *   silently drop the encryption the operator asked for.
 */
export function serverTlsFilesFromEnv(env: NodeJS.ProcessEnv = process.env): ServerTlsFiles | undefined {
  const certFile = nonEmpty(env.IOMS_TLS_CERT);
  const keyFile = nonEmpty(env.IOMS_TLS_KEY);
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    const missing = certFile === undefined ? 'IOMS_TLS_CERT' : 'IOMS_TLS_KEY';
    throw new TlsError('TLS_INCOMPLETE_CONFIG', `TLS needs both IOMS_TLS_CERT and IOMS_TLS_KEY; ${missing} is not set`);
  }
  return { certFile, keyFile };
}

/**
 * The text the server logs (at warn level, at startup) when it serves plain HTTP; undefined
 * when `host` is loopback, where only local processes can listen in.
 */
export function plainListenWarning(host: string, port?: number): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  const where = port === undefined ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return [
    `WARNING: listening on ${where} WITHOUT TLS.`,
    'Passwords, session tokens, agent credentials and commands cross the network in clear text.',
    'Run `ioms tls init --hosts <name,ip,...>` and set IOMS_TLS_CERT and IOMS_TLS_KEY,',
    'or listen on 127.0.0.1 behind a TLS-terminating proxy.',
  ].join(' ');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function readTlsFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TlsError('TLS_FILE_MISSING', `the TLS ${what} file ${path} does not exist`, { cause });
    throw new TlsError('TLS_FILE_UNREADABLE', `cannot read the TLS ${what} file ${path} (${code ?? 'error'})`, { cause });
  }
}

function parseCertificate(path: string, pem: string): X509Certificate {
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    const hint = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem) ? ' (it holds a private key: are the certificate and key swapped?)' : '';
    throw new TlsError('TLS_NOT_PEM', `${path} holds no PEM certificate${hint}`);
  }
  try {
    return new X509Certificate(pem);
  } catch (cause) {
    throw new TlsError('TLS_NOT_PEM', `${path} holds a PEM certificate that does not parse`, { cause });
  }
}

function parsePrivateKey(path: string, pem: string): KeyObject {
  if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || pem.includes('Proc-Type: 4,ENCRYPTED')) {
    throw new TlsError('TLS_NOT_PEM', `${path} holds an encrypted private key; the server needs it unencrypted (mode 0600)`);
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    const hint = pem.includes('-----BEGIN CERTIFICATE-----') ? ' (it holds a certificate: are the certificate and key swapped?)' : '';
    throw new TlsError('TLS_NOT_PEM', `${path} holds no PEM private key${hint}`);
  }
  try {
    return createPrivateKey(pem);
  } catch (cause) {
    throw new TlsError('TLS_NOT_PEM', `${path} holds a PEM private key that does not parse`, { cause });
  }
}
