/**
 * Maps an interpreter name and a command string to an argument vector. The command is always
 * exactly one argument of an explicit interpreter; no other request field reaches a shell.
 * Pure: the platform is a parameter.
 */
import { type InterpreterName } from './command-request.schema.js';

/** How to spawn one command: executable, arguments, and the one Windows quoting switch. */
export interface InterpreterInvocation {
  readonly file: string;
  readonly args: readonly string[];
  /**
   * When true, Node passes `args` to Windows unquoted. Needed for `cmd.exe /s /c "..."`, whose
   * quoting rules are not the C runtime's: `/s` strips exactly the outer pair of quotes we add.
   */
  readonly windowsVerbatimArguments: boolean;
}

/** The interpreter used when a request names none: `cmd` on Windows, `sh` elsewhere. */
export function defaultInterpreter(platform: NodeJS.Platform): InterpreterName {
  return platform === 'win32' ? 'cmd' : 'sh';
}

/**
 * Builds the invocation for `command` under `interpreter` on `platform`.
 *
 * | name         | POSIX                                                   | Windows                                   |
 * |--------------|---------------------------------------------------------|-------------------------------------------|
 * | `sh`         | `/bin/sh -c CMD`                                        | `sh -c CMD` (from PATH, e.g. Git for Windows) |
 * | `bash`       | `bash -c CMD`                                           | `bash -c CMD`                             |
 * | `cmd`        | `cmd.exe /d /s /c "CMD"` (fails unless cmd.exe exists)  | `cmd.exe /d /s /c "CMD"`, verbatim        |
 * | `powershell` | `pwsh -NoProfile -NonInteractive -Command CMD`          | `powershell.exe -NoProfile -NonInteractive -Command CMD` |
 *
 * `/d` skips cmd.exe AutoRun registry commands so a host's setup cannot alter the command.
 */
export function resolveInterpreter(
  interpreter: InterpreterName | undefined,
  command: string,
  platform: NodeJS.Platform,
): InterpreterInvocation {
  const name = interpreter ?? defaultInterpreter(platform);
  const isWindows = platform === 'win32';
  switch (name) {
    case 'sh':
      return { file: isWindows ? 'sh' : '/bin/sh', args: ['-c', command], windowsVerbatimArguments: false };
    case 'bash':
      return { file: 'bash', args: ['-c', command], windowsVerbatimArguments: false };
    case 'cmd':
      return { file: 'cmd.exe', args: ['/d', '/s', '/c', `"${command}"`], windowsVerbatimArguments: true };
    case 'powershell':
      return {
        file: isWindows ? 'powershell.exe' : 'pwsh',
        args: ['-NoProfile', '-NonInteractive', '-Command', command],
        windowsVerbatimArguments: false,
      };
  }
}
