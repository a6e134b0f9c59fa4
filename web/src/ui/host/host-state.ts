/**
 * Pure views of a host's desired and observed state for the host page: the JSON the API returns
 * is read defensively (it comes from agents) and paired by key. Whether something drifted is
 * never decided here: that is the server's drift (the planner in manifests/).
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
  /** The recorded status of the newest run (SUCCEEDED, FAILED…), when one is recorded. */
  readonly lastStatus?: string;
  readonly nextRun?: string;
}

/** Entries from the desired and observed crontabs; the last run is the newest recorded one (or the observed one). */
export function cronRows(desired: unknown, observed: unknown, runs: readonly { name: string; startedAt: string; status: string }[] = []): CronRow[] {
  const want = new Map(arr(obj(desired).crontab).map((c) => [str(c.name) ?? '', c]));
  const have = new Map(arr(obj(observed).cron).map((c) => [str(c.name) ?? '', c]));
  const newest = new Map<string, { startedAt: string; status: string }>();
  for (const r of runs) if (!newest.has(r.name) || Date.parse(r.startedAt) > Date.parse(newest.get(r.name)!.startedAt)) newest.set(r.name, r);
  const names = [...new Set([...want.keys(), ...have.keys()])].filter(Boolean).sort();
  return names.map((name) => {
    const w = want.get(name);
    const o = have.get(name);
    const run = newest.get(name);
    const observedLast = str(o?.lastRun);
    const lastRun = run && (!observedLast || Date.parse(run.startedAt) >= Date.parse(observedLast)) ? run.startedAt : observedLast;
    const restart = str(w?.restartProcess);
    return { name, schedule: str(w?.schedule), timezone: str(w?.timezone), action: restart ? `restart ${restart}` : str(w?.command), lastRun, lastStatus: run?.startedAt === lastRun ? run?.status : undefined, nextRun: str(o?.nextRun) };
  });
}

/** One item of the server's drift: the planner's action and reason for a key (`file:/etc/x`). */
export interface DriftItem {
  readonly key: string;
  readonly action: string;
  readonly reason: string;
  readonly sentence: string;
}

export interface FileRow {
  readonly path: string;
  readonly artifact?: string;
  readonly sha256?: string;
  readonly md5?: string;
  /** The server's drift for this file (the planner's reason), if any. */
  readonly drift?: DriftItem;
  /** No drift: IN_SYNC once the agent reported its state, NOT_REPORTED before. */
  readonly state: 'DRIFTED' | 'IN_SYNC' | 'NOT_REPORTED';
}

/**
 * Managed files as the server sees them: the declared ones and any the drift names, each with
 * the planner's verdict from `drift` (no checksum is compared here: the planner on the server
 * and the agent decides). Checksums shown are the observed ones, else the declared ones.
 */
export function fileRows(desired: unknown, observed: unknown, drift: readonly DriftItem[]): FileRow[] {
  const want = new Map(arr(obj(desired).files).map((f) => [str(f.path) ?? '', f]));
  const have = new Map(arr(obj(observed).files).map((f) => [str(f.path) ?? '', f]));
  const drifts = new Map(drift.filter((d) => d.key.startsWith('file:')).map((d) => [d.key.slice('file:'.length), d]));
  const reported = observed !== null && observed !== undefined;
  const paths = [...new Set([...want.keys(), ...drifts.keys()])].filter(Boolean).sort();
  return paths.map((path) => {
    const w = want.get(path);
    const o = have.get(path);
    const d = drifts.get(path);
    return { path, artifact: str(w?.artifact), sha256: (str(o?.sha256) ?? str(w?.sha256))?.toLowerCase(), md5: (str(o?.md5) ?? str(w?.md5))?.toLowerCase(), drift: d, state: d ? 'DRIFTED' : reported ? 'IN_SYNC' : 'NOT_REPORTED' };
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
