/**
 * The arguments of `ioms exec`, parsed by hand: commander drops the `--` that separates
 * `HOST...` from `COMMAND...`, so it cannot tell `ioms exec a -- b` from `ioms exec a b --`.
 * Pure: tokens in, a request (or an ExecUsageError) out.
 */
import { parseDuration } from '../duration.js';
import { CliError } from '../errors.js';
import { selectorProblem } from '../selector-arg.js';

export type ExecUsageErrorCode =
  /** Neither `-l` nor a host name. */
  | 'NO_TARGETS'
  /** Neither `-- COMMAND` nor `--action`. */
  | 'NO_COMMAND'
  /** `--` with nothing (or only blanks) after it. */
  | 'EMPTY_COMMAND'
  /** Both a command and `--action`, or two `--action`s. */
  | 'COMMAND_AND_ACTION'
  /** `--shell`, `--cwd` or `--env` with an action; `--mode` without a download. */
  | 'OPTION_NOT_FOR_ACTION'
  | 'UNKNOWN_OPTION'
  | 'MISSING_VALUE'
  | 'REPEATED_OPTION'
  | 'BAD_VALUE';

/** A mistake on the command line: exit status 2, nothing sent to the server. */
export class ExecUsageError extends CliError {
  override readonly name = 'ExecUsageError';
  constructor(
    readonly code: ExecUsageErrorCode,
    message: string,
  ) {
    super(message, 2);
  }
}

export const INTERPRETERS = ['sh', 'bash', 'cmd', 'powershell'] as const;
export type Interpreter = (typeof INTERPRETERS)[number];

/** A built-in action instead of a shell command (JobActionInput without the secret). */
export type ExecAction =
  | { readonly kind: 'RESTART_PROCESS'; readonly processName: string }
  | { readonly kind: 'COLLECT_INVENTORY' }
  | { readonly kind: 'SET_PASSWORD'; readonly username: string }
  | { readonly kind: 'DOWNLOAD'; readonly artifact: string; readonly path: string; readonly mode?: string };

export interface ExecRequest {
  /** `""` means every host. */
  readonly selector?: string;
  readonly hosts: readonly string[];
  /** Everything after `--`, joined with single spaces. */
  readonly command?: string;
  readonly action?: ExecAction;
  readonly interpreter?: Interpreter;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutSeconds?: number;
  /** `"10"` hosts or `"25%"`, as the server takes it. */
  readonly batch?: string;
  readonly maxFailures?: number;
  readonly queueForSeconds?: number;
  /** False with `--no-wait`: submit, print the job id, return. */
  readonly wait: boolean;
  /** `--raw`: print the hosts' output byte for byte (terminal controls included), for scripts. */
  readonly raw?: boolean;
}

/** `--action NAME` → the job kind and how many values follow the name. */
const ACTIONS: Record<string, { kind: ExecAction['kind']; values: readonly string[] }> = {
  'restart-process': { kind: 'RESTART_PROCESS', values: ['NAME'] },
  'collect-inventory': { kind: 'COLLECT_INVENTORY', values: [] },
  'set-password': { kind: 'SET_PASSWORD', values: ['USER'] },
  download: { kind: 'DOWNLOAD', values: ['ARTIFACT', 'PATH'] },
};
const ACTION_USAGE = '--action restart-process NAME | collect-inventory | set-password USER | download ARTIFACT PATH';

/** Options of `ioms exec` that take one value; the key is the canonical long name. */
const VALUE_OPTIONS: Record<string, string> = {
  '-l': '--selector',
  '--selector': '--selector',
  '--batch': '--batch',
  '--max-failures': '--max-failures',
  '--timeout': '--timeout',
  '--queue-for': '--queue-for',
  '--shell': '--shell',
  '--cwd': '--cwd',
  '--env': '--env',
  '--mode': '--mode',
};
/** The root program's options: commander has already applied them wherever they stood. */
const GLOBAL_VALUE_OPTIONS = new Set(['-s', '--server', '-o', '--output', '--ca']);
const GLOBAL_FLAGS = new Set(['--insecure']);

/**
 * The tokens after the subcommand `name` in the user's arguments (process.argv without node and
 * the script), skipping the root's global options before it; undefined when `name` is not the
 * subcommand.
 */
export function tokensAfterSubcommand(userArgs: readonly string[], name: string): string[] | undefined {
  for (let i = 0; i < userArgs.length; i += 1) {
    const token = userArgs[i]!;
    if (token === '--') return undefined;
    if (GLOBAL_VALUE_OPTIONS.has(token)) {
      i += 1;
      continue;
    }
    if (token.startsWith('-') && token.length > 1) continue;
    return token === name ? userArgs.slice(i + 1) : undefined;
  }
  return undefined;
}

/** Parses everything after `ioms exec`. @throws ExecUsageError */
export function parseExecArgs(tokens: readonly string[]): ExecRequest {
  const values = new Map<string, string>();
  const env: Record<string, string> = {};
  const hosts: string[] = [];
  let action: ExecAction | undefined;
  let command: string | undefined;
  let wait = true;
  let raw = false;

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token === '--') {
      command = tokens.slice(i + 1).join(' ');
      if (command.trim() === '') throw new ExecUsageError('EMPTY_COMMAND', 'nothing after --: give the command to run, e.g. `ioms exec -l role=web -- uptime`');
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      hosts.push(token);
      continue;
    }
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const flag = eq > 0 ? token.slice(0, eq) : /^-[a-z]./.test(token) ? token.slice(0, 2) : token;
    const inline = eq > 0 ? token.slice(eq + 1) : flag !== token ? token.slice(2) : undefined;
    const takeValue = (what: string): string => {
      if (inline !== undefined) return inline;
      const next = tokens[i + 1];
      if (next === undefined || next === '--') throw new ExecUsageError('MISSING_VALUE', `${flag} needs ${what}`);
      i += 1;
      return next;
    };

    if (GLOBAL_FLAGS.has(token)) continue;
    if (GLOBAL_VALUE_OPTIONS.has(flag)) {
      takeValue('a value');
      continue;
    }
    if (token === '--no-wait') {
      wait = false;
      continue;
    }
    if (token === '--raw') {
      raw = true;
      continue;
    }
    if (flag === '--action') {
      if (action) throw new ExecUsageError('COMMAND_AND_ACTION', 'give one --action');
      const name = takeValue('an action name');
      const spec = ACTIONS[name];
      if (!spec) throw new ExecUsageError('BAD_VALUE', `unknown action "${name}": ${ACTION_USAGE}`);
      const args = spec.values.map((label) => {
        const next = tokens[i + 1];
        if (next === undefined || next.startsWith('-')) throw new ExecUsageError('MISSING_VALUE', `--action ${name} needs ${spec.values.join(' ')}`);
        i += 1;
        if (next === '') throw new ExecUsageError('BAD_VALUE', `--action ${name}: ${label} must not be empty`);
        return next;
      });
      action = buildAction(spec.kind, args);
      continue;
    }
    const canonical = VALUE_OPTIONS[flag];
    if (!canonical) throw new ExecUsageError('UNKNOWN_OPTION', `unknown option ${flag} (see \`ioms exec --help\`)`);
    const value = takeValue('a value');
    if (canonical === '--env') {
      const [key, val] = parseEnvPair(value);
      env[key] = val;
      continue;
    }
    if (values.has(canonical)) throw new ExecUsageError('REPEATED_OPTION', `${canonical} given twice${canonical === '--selector' ? ' (combine requirements with commas: -l role=web,env=prod)' : ''}`);
    values.set(canonical, value);
  }

  const selector = values.get('--selector');
  const badSelector = selector !== undefined ? selectorProblem(selector) : undefined;
  if (badSelector) throw new ExecUsageError('BAD_VALUE', badSelector);
  if (selector === undefined && hosts.length === 0) {
    throw new ExecUsageError('NO_TARGETS', "no targets: name hosts or give -l SELECTOR (-l '' means every host)");
  }
  if (command !== undefined && action) throw new ExecUsageError('COMMAND_AND_ACTION', 'give a command after -- or an --action, not both');
  if (command === undefined && !action) {
    const hint = hosts.length > 1 || (selector !== undefined && hosts.length > 0) ? ` (did you mean \`ioms exec … -- ${hosts.at(-1)}\`?)` : '';
    throw new ExecUsageError('NO_COMMAND', `nothing to run: put the command after -- or give ${ACTION_USAGE}${hint}`);
  }
  if (action) {
    const misplaced = ['--shell', '--cwd'].filter((o) => values.has(o)).concat(Object.keys(env).length ? ['--env'] : []);
    if (misplaced.length) throw new ExecUsageError('OPTION_NOT_FOR_ACTION', `${misplaced.join(', ')} apply to commands, not to --action`);
  }
  const mode = values.get('--mode');
  if (mode !== undefined && action?.kind !== 'DOWNLOAD') throw new ExecUsageError('OPTION_NOT_FOR_ACTION', '--mode applies to --action download only');
  if (mode !== undefined && !/^0?[0-7]{3}$/.test(mode)) throw new ExecUsageError('BAD_VALUE', `--mode must be an octal file mode such as 0644, not "${mode}"`);

  return {
    ...(selector !== undefined ? { selector } : {}),
    hosts,
    ...(command !== undefined ? { command } : {}),
    ...(action ? { action: action.kind === 'DOWNLOAD' && mode !== undefined ? { ...action, mode } : action } : {}),
    ...optional('interpreter', values.get('--shell'), parseInterpreter),
    ...optional('cwd', values.get('--cwd'), (v) => v),
    ...(Object.keys(env).length ? { env } : {}),
    ...optional('timeoutSeconds', values.get('--timeout'), (v) => parseSeconds('--timeout', v, 1)),
    ...optional('batch', values.get('--batch'), parseBatch),
    ...optional('maxFailures', values.get('--max-failures'), parseMaxFailures),
    ...optional('queueForSeconds', values.get('--queue-for'), (v) => parseSeconds('--queue-for', v, 0)),
    wait,
    ...(raw ? { raw } : {}),
  };
}

/** `10` hosts or `25%` of the targets: a whole number from 1, or a percentage from 1% to 100%. */
export function parseBatch(text: string): string {
  const t = text.trim();
  if (/^[1-9]\d*$/.test(t) || /^(100|[1-9]\d?)%$/.test(t)) return t;
  throw new ExecUsageError('BAD_VALUE', `--batch must be a number of hosts (10) or a percentage from 1% to 100% (25%), not "${text}"`);
}

function parseMaxFailures(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new ExecUsageError('BAD_VALUE', `--max-failures must be a whole number (0 stops at the first failure), not "${text}"`);
  return Number(text.trim());
}

function parseInterpreter(text: string): Interpreter {
  const t = text.toLowerCase();
  if ((INTERPRETERS as readonly string[]).includes(t)) return t as Interpreter;
  throw new ExecUsageError('BAD_VALUE', `--shell must be sh, bash, cmd or powershell, not "${text}"`);
}

/** A duration rounded up to whole seconds, at least `min`. */
function parseSeconds(option: string, text: string, min: number): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (err) {
    throw new ExecUsageError('BAD_VALUE', `${option}: ${(err as Error).message}`);
  }
  const seconds = Math.ceil(ms / 1000);
  if (seconds < min) throw new ExecUsageError('BAD_VALUE', `${option} must be at least ${min}s`);
  return seconds;
}

function parseEnvPair(text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new ExecUsageError('BAD_VALUE', `--env takes NAME=VALUE, not "${text}"`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}

function buildAction(kind: ExecAction['kind'], args: readonly string[]): ExecAction {
  switch (kind) {
    case 'RESTART_PROCESS':
      return { kind, processName: args[0]! };
    case 'COLLECT_INVENTORY':
      return { kind };
    case 'SET_PASSWORD':
      return { kind, username: args[0]! };
    case 'DOWNLOAD':
      return { kind, artifact: args[0]!, path: args[1]! };
  }
}

function optional<K extends string, T>(key: K, raw: string | undefined, parse: (v: string) => T): Partial<Record<K, T>> {
  return raw === undefined ? {} : ({ [key]: parse(raw) } as Record<K, T>);
}

/** The GraphQL `RunCommandInput` for a parsed request; `password` only for set-password. */
export function toRunCommandInput(req: ExecRequest, password?: string): Record<string, unknown> {
  const action = req.action ? { ...req.action, ...(req.action.kind === 'SET_PASSWORD' ? { password } : {}) } : undefined;
  const input: Record<string, unknown> = {
    selector: req.selector,
    hosts: req.hosts.length ? [...req.hosts] : undefined,
    command: req.command,
    action,
    // GraphQL enums travel by name (SH, BASH, CMD, POWERSHELL).
    interpreter: req.interpreter?.toUpperCase(),
    cwd: req.cwd,
    env: req.env,
    timeoutSeconds: req.timeoutSeconds,
    batch: req.batch,
    maxFailures: req.maxFailures,
    queueForSeconds: req.queueForSeconds,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
