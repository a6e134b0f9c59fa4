/** Typed errors of the agent bundler; `code` is stable, the message is for humans. */
export const BUNDLE_ERROR_CODES = [
  /** A command-line argument is unknown or lacks its value. */
  'INVALID_ARGS',
  /** esbuild reported errors. */
  'BUILD_FAILED',
  /** The agent pulled in server code (`api/`, `db/`), which must not ship to hosts. */
  'FORBIDDEN_IMPORT',
] as const;
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export class BundleError extends Error {
  override readonly name = 'BundleError';

  constructor(
    readonly code: BundleErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
