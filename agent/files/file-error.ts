/**
 * Typed errors of the agent's file distribution. Every error carries a stable `code` so the
 * link can report it without matching message text.
 */

/** Closed set of failure codes raised by `agent/files`. */
export type FileErrorCode =
  /** The destination path is not acceptable for this platform (relative, `..`, device name, ...). */
  | 'INVALID_PATH'
  /** A checksum argument is not lowercase hex of the right length. */
  | 'INVALID_CHECKSUM'
  /** A symlink on the way to the destination leads out of the directory holding it, or the destination itself is a link. */
  | 'UNSAFE_SYMLINK'
  /** The destination exists and is not a regular file (a directory, a device, ...). */
  | 'NOT_A_FILE'
  /** The downloaded bytes do not match the expected SHA-256 or MD5. The target was not touched. */
  | 'CHECKSUM_MISMATCH'
  /** The transfer kept ending early and the attempts ran out. The target was not touched. */
  | 'TRUNCATED'
  /** The server refused the download (401, 403, 404, ...) or kept failing (5xx, 503). */
  | 'HTTP_ERROR'
  /** The artifact is larger than the caller's limit. */
  | 'TOO_LARGE'
  /** The download was aborted by the caller's signal. */
  | 'ABORTED'
  /** The desired state names an artifact the server's store does not have. */
  | 'ARTIFACT_NOT_FOUND'
  /** A managed file to remove was changed since IOMS wrote it; it is left in place. */
  | 'MODIFIED_BY_HAND';

/** An error raised by `agent/files`, with a machine-readable `code`. */
export class FileError extends Error {
  override readonly name = 'FileError';

  constructor(
    readonly code: FileErrorCode,
    message: string,
    options?: ErrorOptions & { readonly status?: number },
  ) {
    super(message, options);
    this.status = options?.status;
  }

  /** The HTTP status for `HTTP_ERROR`. */
  readonly status: number | undefined;
}
