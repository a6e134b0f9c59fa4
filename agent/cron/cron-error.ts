/** Typed errors of the cron runner; `code` is stable, the message is for humans. */
export const CRON_ERROR_CODES = ['INVALID_ENTRY', 'UNKNOWN_ENTRY'] as const;
export type CronErrorCode = (typeof CRON_ERROR_CODES)[number];

export class CronError extends Error {
  override readonly name = 'CronError';

  constructor(
    readonly code: CronErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
