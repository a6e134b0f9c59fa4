/**
 * Pure views of a host's desired and observed state for the host page: the JSON the API returns
 * is read defensively (it comes from agents) and paired by key.
 */
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export interface ProcessRow {
  readonly name: string;
  readonly desired: boolean;
  readonly state?: string;
  readonly pid?: number;
  readonly restarts?: number;
  readonly cpu?: number;
  readonly rss?: number;
}

export function processRows(desired: unknown, observed: unknown): ProcessRow[] {
  const want = new Map(arr(obj(desired).processes).map((p) => [str(p.name) ?? '', p]));
  const have = new Map(arr(obj(observed).processes).map((p) => [str(p.name) ?? '', p]));
  const names = [...new Set([...want.keys(), ...have.keys()])].filter(Boolean).sort();
  return names.map((name) => {
    const o = have.get(name);
    return { name, desired: want.has(name), state: str(o?.state), pid: num(o?.pid), restarts: num(o?.restarts), cpu: num(o?.cpu), rss: num(o?.rss) };
  });
}

export interface CronRow {
  readonly name: string;
  readonly schedule?: string;
  readonly timezone?: string;
  readonly action?: string;
  readonly lastRun?: string;
  readonly nextRun?: string;
}

export function cronRows(desired: unknown, observed: unknown): CronRow[] {
  const want = new Map(arr(obj(desired).crontab).map((c) => [str(c.name) ?? '', c]));
  const have = new Map(arr(obj(observed).cron).map((c) => [str(c.name) ?? '', c]));
  const names = [...new Set([...want.keys(), ...have.keys()])].filter(Boolean).sort();
  return names.map((name) => {
    const w = want.get(name);
    const o = have.get(name);
    const restart = str(w?.restartProcess);
    return { name, schedule: str(w?.schedule), timezone: str(w?.timezone), action: restart ? `restart ${restart}` : str(w?.command), lastRun: str(o?.lastRun), nextRun: str(o?.nextRun) };
  });
}

/** OK: the observed checksum is the declared one; MISMATCH; MISSING (no file); PENDING (not reported yet). */
export type FileCheck = 'OK' | 'MISMATCH' | 'MISSING' | 'PENDING' | 'UNDECLARED';

export interface FileRow {
  readonly path: string;
  readonly artifact?: string;
  readonly wantSha256?: string;
  readonly wantMd5?: string;
  readonly haveSha256?: string;
  readonly haveMd5?: string;
  readonly mode?: string;
  readonly check: FileCheck;
}

export function fileRows(desired: unknown, observed: unknown): FileRow[] {
  const want = new Map(arr(obj(desired).files).map((f) => [str(f.path) ?? '', f]));
  const have = new Map(arr(obj(observed).files).map((f) => [str(f.path) ?? '', f]));
  const paths = [...new Set([...want.keys(), ...have.keys()])].filter(Boolean).sort();
  return paths.map((path) => {
    const w = want.get(path);
    const o = have.get(path);
    const wantSha256 = str(w?.sha256)?.toLowerCase();
    const wantMd5 = str(w?.md5)?.toLowerCase();
    const haveSha256 = str(o?.sha256)?.toLowerCase();
    const haveMd5 = str(o?.md5)?.toLowerCase();
    let check: FileCheck;
    if (!w) check = 'UNDECLARED';
    else if (!o) check = 'PENDING';
    else if (o.exists === false) check = 'MISSING';
    else if ((wantSha256 && haveSha256 && wantSha256 !== haveSha256) || (wantMd5 && haveMd5 && wantMd5 !== haveMd5)) check = 'MISMATCH';
    else check = 'OK';
    return { path, artifact: str(w?.artifact), wantSha256, wantMd5, haveSha256, haveMd5, mode: str(o?.mode), check };
  });
}

export interface Segment {
  readonly fromMs: number;
  readonly toMs: number;
  readonly state: 'up' | 'down' | 'unknown';
}

/**
 * Availability over [fromMs, toMs] from the status changes (oldest first): up from CONNECTED or
 * ALIVE, down from DISCONNECTED, DEAD or REVOKED. Before the first event the state is `initial`.
 */
export function availabilitySegments(events: readonly { at: string; change: string }[], fromMs: number, toMs: number, initial: Segment['state'] = 'unknown'): Segment[] {
  const changes = events
    .map((e) => ({ at: new Date(e.at).getTime(), state: e.change === 'CONNECTED' || e.change === 'ALIVE' ? ('up' as const) : e.change === 'DISCONNECTED' || e.change === 'DEAD' || e.change === 'REVOKED' ? ('down' as const) : undefined }))
    .filter((c): c is { at: number; state: 'up' | 'down' } => c.state !== undefined && c.at <= toMs)
    .sort((a, b) => a.at - b.at);
  const out: Segment[] = [];
  let state = initial;
  let start = fromMs;
  for (const c of changes) {
    if (c.at <= fromMs) {
      state = c.state;
      continue;
    }
    if (c.state === state) continue;
    out.push({ fromMs: start, toMs: c.at, state });
    start = c.at;
    state = c.state;
  }
  out.push({ fromMs: start, toMs, state });
  return out.filter((s) => s.toMs > s.fromMs);
}
