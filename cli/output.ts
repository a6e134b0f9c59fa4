import YAML from 'yaml';
import { renderCsv } from './csv-output.js';
import { CliError } from './errors.js';

export const OUTPUT_FORMATS = ['table', 'json', 'yaml', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function parseFormat(value: string | undefined): OutputFormat {
  const v = value ?? 'table';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(v)) throw new CliError(`unknown output format "${v}": use table, json, yaml or csv`, 2);
  return v as OutputFormat;
}

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => unknown;
}

/** Prints `data` as JSON or YAML verbatim (the stable, scriptable forms), as CSV (RFC 4180, the table's columns) or as an aligned table. */
export function printData<T>(format: OutputFormat, data: T | T[], columns: readonly Column<T>[], write: (s: string) => unknown = (s) => process.stdout.write(s)): void {
  if (format === 'json') {
    write(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  if (format === 'yaml') {
    write(YAML.stringify(data));
    return;
  }
  if (format === 'csv') {
    write(renderCsv(data, columns));
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

function cellText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '-';
  if (Array.isArray(v)) return v.length ? v.join(',') : '-';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v).replace(/\s+/g, ' ');
}

