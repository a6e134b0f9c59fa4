/** Typed errors of the supervisor; `code` is stable, the message is for humans. */
export const SUPERVISOR_ERROR_CODES = [
  'UNKNOWN_PROCESS',
  'SUPERVISOR_DETACHED',
] as const;
export type SupervisorErrorCode = (typeof SUPERVISOR_ERROR_CODES)[number];

export class SupervisorError extends Error {
  override readonly name = 'SupervisorError';

  constructor(
    readonly code: SupervisorErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
