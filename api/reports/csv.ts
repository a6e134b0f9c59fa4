/**
 * CSV as RFC 4180 describes it, for reports and any `-o csv` output: UTF-8, a header row, CRLF
 * after every record, a field quoted when it holds a comma, a quote, CR or LF (quotes inside
 * doubled). Pure and dependency-free so the server (a report's `csv` field), the CLI and a web
 * page all write byte-identical files.
 *
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a CR is one a spreadsheet may run as a formula, so such a text cell is prefixed
 * with a single quote (`'=cmd` is shown as text). Numbers are written as numbers, so a negative
 * figure stays `-3` and is not altered; only text is neutralised.
 */

/** A cell: text is neutralised and quoted as needed; numbers and booleans are written as they are. */
export type CsvCell = string | number | boolean | null | undefined | Date;

/** First characters a spreadsheet may treat as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as it appears in the file. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then one record per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => `${cells.map(csvField).join(',')}\r\n`;
  return line(header) + rows.map(line).join('');
}
