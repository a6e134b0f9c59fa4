import { badInput, conflict, notFound } from '../errors.js';

/** Every way an artifact operation can be refused or fail. */
export type ArtifactErrorCode =
  /** A name, version or checksum that is not in the accepted form. */
  | 'INVALID_INPUT'
  /** The uploaded bytes do not hash to the checksum the caller declared. Nothing was stored. */
  | 'CHECKSUM_MISMATCH'
  /** The upload is larger than the store's limit. Nothing was stored. */
  | 'TOO_LARGE'
  /** The upload ended before the declared Content-Length. Nothing was stored. */
  | 'TRUNCATED'
  /** `name@version` already names different content; versions are immutable. */
  | 'VERSION_EXISTS'
  /** No such artifact, version or registered hash. */
  | 'NOT_FOUND'
  /** A manifest or job still references the version; it cannot be deleted. */
  | 'REFERENCED'
  /** The database row exists but the blob is gone from the store (run `ioms artifact verify`). */
  | 'BLOB_MISSING';

/** An artifact refusal with a stable `code`; the message is meant for the caller. */
export class ArtifactError extends Error {
  override readonly name = 'ArtifactError';

  constructor(
    readonly code: ArtifactErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The one mapping of artifact errors to GraphQL errors; anything else passes unchanged. */
export function toAppError(err: unknown): unknown {
  if (!(err instanceof ArtifactError)) return err;
  switch (err.code) {
    case 'NOT_FOUND':
      return notFound(err.message);
    case 'REFERENCED':
    case 'VERSION_EXISTS':
      return conflict(err.message);
    case 'BLOB_MISSING':
      return err;
    default:
      return badInput(err.message, { reason: err.code });
  }
}

/** HTTP status for an artifact error on the `/artifacts` routes. */
export function httpStatusOf(code: ArtifactErrorCode): number {
  switch (code) {
    case 'INVALID_INPUT':
    case 'TRUNCATED':
      return 400;
    case 'CHECKSUM_MISMATCH':
      return 422;
    case 'TOO_LARGE':
      return 413;
    case 'VERSION_EXISTS':
    case 'REFERENCED':
      return 409;
    case 'NOT_FOUND':
      return 404;
    case 'BLOB_MISSING':
      return 500;
  }
}
