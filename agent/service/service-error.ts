/** Typed errors of the agent's service installer; `code` is stable, the message is for humans. */
export const SERVICE_ERROR_CODES = [
  /** The platform has no service manager this installer knows (only linux/systemd and win32). */
  'UNSUPPORTED_PLATFORM',
  /** Installing a system service needs root (POSIX) or an elevated prompt (Windows). */
  'NOT_PRIVILEGED',
  /** Linux without a running systemd (no /run/systemd/system): containers, SysV init, WSL1. */
  'NO_SYSTEMD',
  /** Windows: node is not a service binary; a wrapper (shawl) must host it. */
  'WRAPPER_REQUIRED',
  /** A name, path or argument cannot be written into a unit file or service command line. */
  'INVALID_OPTIONS',
  /** `uninstall` found no such service. */
  'NOT_INSTALLED',
  /** Windows: a service with that name exists already (uninstall it first). */
  'ALREADY_INSTALLED',
  /** systemctl / sc.exe ran and failed, or could not be started. */
  'COMMAND_FAILED',
  /** Writing or removing the unit file or the state directory failed. */
  'FILE_IO',
] as const;
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
