import { toCsv, type CsvCell } from '../api/reports/csv.js';
import { CliError } from './errors.js';

/** The part of output.ts's Column the CSV writer needs. */
interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => unknown;
}

/**
 * `-o csv` for any command (RFC 4180, see api/reports/csv.ts): the command's table columns when it
 * has them; otherwise, for a list (or a `{ nodes }` page), one column per field of its items, so a
 * command that prints JSON-like data for non-table formats still gets a usable file.
 * @throws CliError (exit 2) for output that is not a list of records
 */
export function renderCsv<T>(data: T | T[], columns: readonly CsvColumn<T>[]): string {
  if (columns.length > 0) {
    const rows = Array.isArray(data) ? data : [data];
    return toCsv(
      columns.map((c) => c.header),
      rows.map((r) => columns.map((c) => csvCell(c.value(r)))),
    );
  }
  const nodes = (data as { nodes?: unknown } | null)?.nodes;
  const list: unknown = Array.isArray(data) ? data : Array.isArray(nodes) ? nodes : [data];
  const records = (list as unknown[]).filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r));
  if (records.length !== (list as unknown[]).length) throw new CliError('this output is not a list of records; use -o json or -o yaml', 2);
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return toCsv(
    keys,
    records.map((r) => keys.map((k) => csvCell(r[k]))),
  );
}

function csvCell(v: unknown): CsvCell {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.join(',');
  return JSON.stringify(v);
}
