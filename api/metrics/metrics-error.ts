/** What went wrong in metrics storage; callers branch on `code`, humans read `message`. */
export type MetricsErrorCode = 'METRICS_WRITE_FAILED' | 'METRICS_ROLLUP_FAILED' | 'METRICS_RETENTION_FAILED' | 'METRICS_MAINTENANCE_FAILED';

export class MetricsError extends Error {
  constructor(
    readonly code: MetricsErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MetricsError';
  }
}
