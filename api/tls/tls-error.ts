/**
 * Typed errors for creating and loading the server's TLS material.
 *
 * The client side (agent, CLI) has its own `TlsTrustError` in `client-trust.ts`, because that
 * file may import nothing but Node built-ins.
 */

/** Every way making or loading server TLS material can fail. */
export type TlsErrorCode =
  /** A `--hosts` entry is neither a DNS name nor an IP address. */
  | 'TLS_INVALID_HOST'
  /** A validity period is not a whole number of days in range. */
  | 'TLS_INVALID_DAYS'
  /** `ioms tls init` would overwrite an existing CA (pass `force`). */
  | 'TLS_CA_EXISTS'
  /** `--reuse-ca` found no CA to reuse. */
  | 'TLS_CA_NOT_FOUND'
  /** Options that exclude each other, e.g. replacing and reusing the CA at once. */
  | 'TLS_CONFLICTING_OPTIONS'
  /** The CA given to sign with is not a usable CA (not a CA, key does not match, expired). */
  | 'TLS_INVALID_CA'
  /** Only one of `IOMS_TLS_CERT` / `IOMS_TLS_KEY` is set. */
  | 'TLS_INCOMPLETE_CONFIG'
  /** A certificate or key file does not exist. */
  | 'TLS_FILE_MISSING'
  /** A certificate or key file exists but cannot be read (permissions, a directory, ...). */
  | 'TLS_FILE_UNREADABLE'
  /** A file holds no PEM block of the expected kind, or the block does not parse. */
  | 'TLS_NOT_PEM'
  /** The private key does not belong to the certificate. */
  | 'TLS_KEY_MISMATCH'
  /** The certificate is expired or not yet valid: every client would refuse it. */
  | 'TLS_CERT_NOT_VALID_NOW';

/** An error from `api/tls/`, with a stable `code` for callers and tests. */
export class TlsError extends Error {
  override readonly name = 'TlsError';

  constructor(
    readonly code: TlsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
