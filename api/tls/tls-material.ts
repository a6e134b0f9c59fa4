/**
 * Writes the quick-setup TLS material to a directory: a private CA and a server certificate.
 *
 *   dir/ca.pem          CA certificate: give it to agents and the CLI (`--ca`)
 *   dir/ca-key.pem      CA private key (0600): only needed to issue new server certificates
 *   dir/server.pem      server certificate (`IOMS_TLS_CERT`)
 *   dir/server-key.pem  server private key (0600, `IOMS_TLS_KEY`)
 */
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { checkValidityDays, createCertificateAuthority, issueServerCertificate } from './certificates.js';
import { parseSubjectAltNames, type SubjectAltName } from './subject-alt-names.js';
import { TlsError } from './tls-error.js';

export const CA_CERT_FILE = 'ca.pem';
export const CA_KEY_FILE = 'ca-key.pem';
export const SERVER_CERT_FILE = 'server.pem';
export const SERVER_KEY_FILE = 'server-key.pem';

/** Server certificates live about two years; renew with `ioms tls init --force` or your own CA. */
export const DEFAULT_SERVER_DAYS = 825;
/** The private CA lives ten years, so agents need a new `ca.pem` rarely. */
export const DEFAULT_CA_DAYS = 3650;

export interface WriteTlsMaterialOptions {
  /** Names and addresses of the server; loopback names are always added. */
  readonly hosts: readonly string[];
  /** Server certificate validity. @default DEFAULT_SERVER_DAYS */
  readonly days?: number;
  /** CA validity. @default max(DEFAULT_CA_DAYS, days) */
  readonly caDays?: number;
  /** Replace an existing CA. Without it an existing `ca.pem`/`ca-key.pem` is an error. @default false */
  readonly force?: boolean;
  /**
   * Keep the existing CA and only issue a new server certificate (new hosts, renewal): agents
   * keep their `ca.pem`. Exclusive with `force`. @default false
   */
  readonly reuseCa?: boolean;
  /** Common name of the CA. @default "IOMS private CA" */
  readonly caCommonName?: string;
  /** @default new Date() */
  readonly now?: Date;
}

export interface TlsMaterial {
  readonly caCertFile: string;
  readonly caKeyFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** True when `force` replaced a CA that was there before: every agent needs the new `ca.pem`. */
  readonly replacedExistingCa: boolean;
  /** True when `reuseCa` signed with the CA already in `dir`. */
  readonly reusedCa: boolean;
  /** SHA-256 fingerprint of the server certificate (`AB:CD:...`). */
  readonly fingerprint256: string;
  readonly subjectAltNames: readonly SubjectAltName[];
}

/**
 * Creates `dir` (0700) if needed and writes a new CA and server certificate into it. Every file
 * is written to a temporary name and renamed, so a reader never sees half a key; keys are 0600.
 * Nothing is written when the hosts or days are invalid.
 *
 * @throws TlsError `TLS_CA_EXISTS` when a CA is already there and neither `force` nor `reuseCa`
 *   is set; `TLS_CA_NOT_FOUND` when `reuseCa` finds none; `TLS_INVALID_CA` when it does not work;
 *   `TLS_CONFLICTING_OPTIONS` for `force` with `reuseCa`; `TLS_INVALID_HOST`, `TLS_INVALID_DAYS`.
 */
export async function writeTlsMaterial(dir: string, options: WriteTlsMaterialOptions): Promise<TlsMaterial> {
  const paths = {
    caCertFile: join(dir, CA_CERT_FILE),
    caKeyFile: join(dir, CA_KEY_FILE),
    certFile: join(dir, SERVER_CERT_FILE),
    keyFile: join(dir, SERVER_KEY_FILE),
  };
  if (options.force === true && options.reuseCa === true) {
    throw new TlsError('TLS_CONFLICTING_OPTIONS', '--force (replace the CA) and --reuse-ca (keep it) exclude each other');
  }
  const existingCa = (await exists(paths.caCertFile)) || (await exists(paths.caKeyFile));
  if (options.reuseCa === true) return reissueServerCertificate(dir, paths, options);
  if (existingCa && options.force !== true) {
    throw new TlsError(
      'TLS_CA_EXISTS',
      `${dir} already holds a CA (${CA_CERT_FILE}) that agents may trust; pass --reuse-ca to issue only a new server certificate from it, or --force to replace it (then every agent and CLI needs the new ${CA_CERT_FILE})`,
    );
  }

  // Check the input before the (slow) key generation.
  parseSubjectAltNames(options.hosts);
  const days = checkValidityDays(options.days ?? DEFAULT_SERVER_DAYS);
  const now = options.now ?? new Date();
  const ca = createCertificateAuthority({
    commonName: options.caCommonName ?? 'IOMS private CA',
    days: options.caDays ?? Math.max(DEFAULT_CA_DAYS, days),
    now,
  });
  const server = issueServerCertificate(ca, { hosts: options.hosts, days, now });

  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(paths.caKeyFile, ca.keyPem, 0o600);
  await writeFileAtomic(paths.caCertFile, ca.certPem, 0o644);
  await writeFileAtomic(paths.keyFile, server.keyPem, 0o600);
  await writeFileAtomic(paths.certFile, server.certPem, 0o644);
  return {
    ...paths,
    replacedExistingCa: existingCa,
    reusedCa: false,
    fingerprint256: server.fingerprint256,
    subjectAltNames: server.subjectAltNames,
  };
}

async function reissueServerCertificate(
  dir: string,
  paths: Omit<TlsMaterial, 'replacedExistingCa' | 'reusedCa' | 'fingerprint256' | 'subjectAltNames'>,
  options: WriteTlsMaterialOptions,
): Promise<TlsMaterial> {
  let ca: { certPem: string; keyPem: string };
  try {
    ca = { certPem: await readFile(paths.caCertFile, 'utf8'), keyPem: await readFile(paths.caKeyFile, 'utf8') };
  } catch (cause) {
    throw new TlsError('TLS_CA_NOT_FOUND', `--reuse-ca needs ${CA_CERT_FILE} and ${CA_KEY_FILE} in ${dir}`, { cause });
  }
  const server = issueServerCertificate(ca, { hosts: options.hosts, days: options.days ?? DEFAULT_SERVER_DAYS, now: options.now });
  await writeFileAtomic(paths.keyFile, server.keyPem, 0o600);
  await writeFileAtomic(paths.certFile, server.certPem, 0o644);
  return { ...paths, replacedExistingCa: false, reusedCa: true, fingerprint256: server.fingerprint256, subjectAltNames: server.subjectAltNames };
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function writeFileAtomic(path: string, content: string, mode: number): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content, { mode, flag: 'wx' });
    // The umask may have narrowed `mode`; set it exactly (a no-op on Windows).
    await chmod(tmp, mode);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new Error(`write ${path}`, { cause: error });
  }
}
