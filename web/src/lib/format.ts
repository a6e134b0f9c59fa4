/** Display formats: pure functions of the value, the language and the UTC choice. */

export function formatDateTime(iso: string | null | undefined, lang: string, utc: boolean): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: utc ? 'UTC' : undefined }).format(d) + (utc ? ' UTC' : '');
}

export function formatTime(iso: string | null | undefined, lang: string, utc: boolean): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: utc ? 'UTC' : undefined }).format(d);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  let v = Math.abs(n);
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${n < 0 ? '-' : ''}${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)} ${UNITS[i]}`;
}

export function formatPercent(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : `${n.toFixed(n >= 10 ? 0 : 1)} %`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s % 60)} s`;
}

/** Labels as `k=v` pairs in key order, the way the CLI prints them. */
export function labelPairs(labels: unknown): [string, string][] {
  if (!labels || typeof labels !== 'object') return [];
  return Object.entries(labels as Record<string, unknown>)
    .map(([k, v]): [string, string] => [k, String(v)])
    .sort((a, b) => a[0].localeCompare(b[0]));
}
