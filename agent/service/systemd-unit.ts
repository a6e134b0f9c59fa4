/**
 * Renders the agent's systemd unit. Pure: options in, unit text out.
 *
 * Quoting follows systemd.syntax(7) and systemd.service(5): words are split on whitespace
 * unless double-quoted, C escapes apply inside quotes, `%` starts a specifier everywhere
 * (`%%` is a literal percent), and in `ExecStart=` `$NAME` expands environment variables
 * (`$$` is a literal dollar) while in `Environment=` it does not.
 */
import { posix } from 'node:path';

import { ServiceError } from './service-error.js';

/** What the unit needs; every path absolute. */
export interface SystemdUnitInput {
  readonly nodePath: string;
  readonly entry: string;
  readonly args: readonly string[];
  readonly stateDir: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** The restart delay, as in the original AgentService's watchdog. */
export const RESTART_SEC = 5;

/** A word that needs no quoting in any unit setting (no specifier, variable or separator). */
const PLAIN_WORD = /^[A-Za-z0-9_@+=:,./-]+$/;

/** Environment variable names systemd accepts in `Environment=`. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Quotes one word for a unit file. `expandsDollar` is true for `ExecStart=`, where `$` must
 * be doubled; specifiers (`%`) are escaped everywhere.
 */
export function quoteSystemdWord(word: string, expandsDollar: boolean): string {
  if (PLAIN_WORD.test(word)) return word;
  let out = '';
  for (const ch of word) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '%') out += '%%';
    else if (ch === '$' && expandsDollar) out += '$$';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (isControl(ch)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `"${out}"`;
}

/** The `ExecStart=` value: node, the entry, then every argument as one word each. */
export function renderExecStart(input: Pick<SystemdUnitInput, 'nodePath' | 'entry' | 'args'>): string {
  requireAbsolute('node path', input.nodePath);
  requireAbsolute('entry', input.entry);
  return [input.nodePath, input.entry, ...input.args].map((word) => quoteSystemdWord(word, true)).join(' ');
}

/**
 * The whole unit file.
 *
 * - `Type=simple`, `Restart=always`, `RestartSec=5`: the agent is a long-running foreground
 *   process and comes back after any exit, like the original watchdog.
 * - `KillMode=process`: stopping or restarting the agent signals the agent alone; the
 *   processes it guards stay up and are adopted by the next agent (their pids are on disk).
 * - `After=`/`Wants=network-online.target`: the agent dials out as soon as it starts.
 * - `WorkingDirectory=` the state dir, so relative paths land there and not in `/`.
 */
export function renderSystemdUnit(input: SystemdUnitInput): string {
  requireAbsolute('state dir', input.stateDir);
  const lines = [
    '# Written by `ioms agent install`; `ioms agent uninstall` removes it.',
    '[Unit]',
    'Description=IOMS agent',
    'After=network-online.target',
    'Wants=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${renderExecStart(input)}`,
    `WorkingDirectory=${quoteSystemdPath(input.stateDir)}`,
    ...Object.entries(input.env ?? {}).map(([name, value]) => `Environment=${renderEnvironmentAssignment(name, value)}`),
    'Restart=always',
    `RestartSec=${RESTART_SEC}`,
    'KillMode=process',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ];
  return lines.join('\n');
}

/** One `NAME=value` word for `Environment=`; `$` is literal there, `%` is not. */
export function renderEnvironmentAssignment(name: string, value: string): string {
  if (!ENV_NAME.test(name)) throw new ServiceError('INVALID_OPTIONS', `environment variable name ${JSON.stringify(name)} is not valid for systemd`);
  return quoteSystemdWord(`${name}=${value}`, false);
}

/**
 * `WorkingDirectory=` takes a path, not a word list: quotes are not removed, only specifiers
 * are expanded. So `%` is doubled and anything that cannot appear on one line is refused.
 */
function quoteSystemdPath(path: string): string {
  if ([...path].some(isControl) || path.trim() !== path) throw new ServiceError('INVALID_OPTIONS', `state dir ${JSON.stringify(path)} contains control characters or surrounding spaces`);
  return path.replaceAll('%', '%%');
}

function requireAbsolute(what: string, path: string): void {
  if (!posix.isAbsolute(path)) throw new ServiceError('INVALID_OPTIONS', `${what} must be an absolute path, got ${JSON.stringify(path)}`);
}

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}
