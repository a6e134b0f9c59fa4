/** A report cell as shown in the page (the CSV keeps the server's raw figure). */
import { formatBytes, formatDateTime, formatDuration } from '../../lib/format';
import type { CellFormat } from './report-kinds';

const fixed = (v: number, digits: number) => (Number.isInteger(v) ? String(v) : v.toFixed(digits));

export function formatCell(format: CellFormat, value: unknown, lang: string, utc: boolean): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (format) {
    case 'date':
      return formatDateTime(String(value), lang, utc);
    case 'pct':
      return typeof value === 'number' ? `${fixed(value, 2)} %` : String(value);
    case 'min':
      return typeof value === 'number' ? `${fixed(value, 1)} min` : String(value);
    case 'bytes':
      return typeof value === 'number' ? formatBytes(value) : String(value);
    case 'ms':
      return typeof value === 'number' ? formatDuration(value) : String(value);
    case 'int':
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value) : String(value);
    default:
      return String(value);
  }
}

/** Numbers line up on the right. */
export const isNumeric = (format: CellFormat) => format === 'int' || format === 'pct' || format === 'min' || format === 'ms' || format === 'number' || format === 'bytes';
