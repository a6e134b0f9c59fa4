/**
 * The CLI's output layer: every byte a command prints goes through here, so what an agent or a
 * user wrote reaches the terminal only as text (see `terminal-text.ts`). Commands never call
 * `process.stdout.write` themselves (eslint enforces it for cli/).
 */
import YAML from 'yaml';
import { renderCsv } from './csv-output.js';
import { CliError } from './errors.js';
import { escapeQuotedControls, hasUnsafeTerminalText, sanitizeTerminalText } from './terminal-text.js';

/** `-o` values. `wide` is a table whose cells are never shortened. */
export const OUTPUT_FORMATS = ['table', 'wide', 'json', 'yaml', 'csv'] as const;
export type OutputFormat = Exclude<(typeof OUTPUT_FORMATS)[number], 'wide'>;

let wide = false;

/** Parses `-o`; `wide` gives the table format with full cells (remembered for {@link fitCell}). */
export function parseFormat(value: string | undefined): OutputFormat {
  const v = value ?? 'table';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(v)) throw new CliError(`unknown output format "${v}": use table, wide, json, yaml or csv`, 2);
  if (v === 'wide') {
    wide = true;
    return 'table';
  }
  return v as OutputFormat;
}

/**
 * A table cell of at most `max` characters (cut with `…`) — only on a terminal without `-o wide`.
 * Piped or redirected output, and `-o wide`, keep every cell whole.
 */
export function fitCell(text: string, max: number, isTerminal: boolean = process.stdout.isTTY === true): string {
  if (!isTerminal || wide || text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

/** Writes to stdout with every terminal control shown as an escape. */
export function writeOut(text: string): void {
  process.stdout.write(sanitizeTerminalText(text));
}

/**
 * Writes CSV to stdout: every terminal control shown as an escape, as {@link writeOut} does,
 * except the CRLF record ends RFC 4180 requires (a CR right before a LF moves nothing a reader
 * could be fooled by).
 */
export function writeCsvOut(text: string): void {
  process.stdout.write(text.split('\r\n').map(sanitizeTerminalText).join('\r\n'));
}

/** Writes to stderr with every terminal control shown as an escape. */
export function writeErr(text: string): void {
  process.stderr.write(sanitizeTerminalText(text));
}

/**
 * Redraws the status line on stderr: `\r`, the sanitized `line`, and erase-to-end-of-line — the
 * only cursor control the CLI itself sends (progress bars). `line` '' just erases it.
 */
export function writeStatusLine(line: string): void {
  process.stderr.write(line ? `\r${sanitizeTerminalText(line)}\x1b[K` : '\r\x1b[K');
}

/** Writes `text` unchanged (`--raw`: command output for scripts that need its bytes). */
export function writeRaw(text: string): void {
  process.stdout.write(text);
}

/** Writes `text` to stderr unchanged (`--raw`). */
export function writeRawErr(text: string): void {
  process.stderr.write(text);
}

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => unknown;
}

/** JSON or YAML text of `data`, with the controls their serializers leave raw escaped (the parsed value is unchanged). */
export function formatData(format: 'json' | 'yaml', data: unknown): string {
  if (format === 'json') return `${escapeQuotedControls(JSON.stringify(data, null, 2))}\n`;
  // YAML writes controls raw in plain scalars: force double quotes (which escape C0) when needed.
  const unsafe = hasUnsafeTerminalText(JSON.stringify(data) ?? '');
  return unsafe ? escapeQuotedControls(YAML.stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'QUOTE_DOUBLE' })) : YAML.stringify(data);
}

/** Prints `data` as JSON or YAML (the stable, scriptable forms), as CSV (RFC 4180, the table's columns) or as an aligned table. */
export function printData<T>(format: OutputFormat, data: T | T[], columns: readonly Column<T>[], write: (s: string) => unknown = writeOut): void {
  if (format === 'json' || format === 'yaml') {
    write(formatData(format, data));
    return;
  }
  if (format === 'csv') {
    (write === writeOut ? writeCsvOut : write)(renderCsv(data, columns));
    return;
  }
  const rows = Array.isArray(data) ? data : [data];
  write(renderTable(rows, columns));
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => cellText(c.value(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns.map((c) => c.header.toUpperCase())), ...cells.map(line)].join('\n') + '\n';
}

/** One cell: one line of sanitized text (so column widths count what the terminal shows). */
function cellText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '-';
  if (Array.isArray(v)) return v.length ? sanitizeTerminalText(v.join(',')) : '-';
  if (typeof v === 'object') return escapeQuotedControls(JSON.stringify(v));
  return sanitizeTerminalText(String(v).replace(/\s+/g, ' '));
}

