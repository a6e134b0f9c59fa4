/**
 * Builds Windows command lines. Pure.
 *
 * A Windows service has one command line string (`binPath=`, stored as `ImagePath`), which the
 * program splits itself. node.exe and shawl.exe both split by the Microsoft C runtime rules,
 * so each argument is quoted by those rules (the algorithm of libuv's `quote_cmd_arg`).
 */
import { ServiceError } from './service-error.js';

/** Quotes one argument so the MSVC runtime's `argv` splitting returns it unchanged. */
export function quoteWindowsArg(arg: string): string {
  if (arg === '') return '""';
  if (!/[\s"]/.test(arg)) return arg;
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      backslashes += 1;
      continue;
    }
    // Backslashes are literal unless they precede a quote: then each is doubled.
    out += ch === '"' ? '\\'.repeat(backslashes * 2 + 1) + '"' : '\\'.repeat(backslashes) + ch;
    backslashes = 0;
  }
  // Closing quote follows: trailing backslashes are doubled so they do not escape it.
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}

/** Joins arguments into one command line; each is checked with {@link assertServiceSafe}. */
export function joinWindowsCommandLine(args: readonly string[]): string {
  for (const arg of args) assertServiceSafe(arg);
  return args.map(quoteWindowsArg).join(' ');
}

/**
 * `ImagePath` is an expandable string: the service manager replaces `%NAME%` with the
 * variable's value and there is no escape for `%`. Such arguments are refused rather than
 * silently changed; so are NUL and line breaks, which cannot survive a command line.
 */
export function assertServiceSafe(arg: string): void {
  if (/%[^%\s]+%/.test(arg)) {
    throw new ServiceError('INVALID_OPTIONS', `argument ${JSON.stringify(arg)} contains a %VARIABLE% reference, which Windows would expand in the service command line`);
  }
  if (arg.includes('\0') || arg.includes('\r') || arg.includes('\n')) throw new ServiceError('INVALID_OPTIONS', `argument ${JSON.stringify(arg)} contains a line break or NUL`);
}
