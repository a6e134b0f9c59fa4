/**
 * A rollout as its watchers see it: the `rolloutStatus` snapshot with every `rolloutProgressed`
 * row folded in. `ioms rollout status --watch` (cli/manifests/watch-rollout.ts) and the
 * dashboard's rollout panel (web/src/ui/desired/rollout-panel.tsx) both keep one.
 *
 * A host's rollout states (the server owns the transitions):
 *
 *   apply ──▶ PENDING ──plan empty──▶ CONVERGED
 *                │  ▲                    │
 *        actions │  └────── new apply ───┘
 *                ▼                       │ observed state differs
 *             DRIFTED ◀──────────────────┘
 *                │ dispatch fails past its retries
 *                ▼
 *             FAILED
 *
 * Cost: a rollout to 10,000 hosts streams 10,000s of rows, so applying a row and reading the
 * counts or the converged test cost O(1); the rows stay in one array sorted by host that a row
 * for a known host replaces in place (no copy per row). A row for a new host is appended and the
 * array is sorted again on the next read of `hosts` — once per read, however many came.
 *
 * Pure and import-free: the dashboard's static export bundles this file for the browser. The row
 * shape is structural, so the CLI's wire type and the dashboard's generated GraphQL type both fit.
 * The fold owns its state (like cli/jobs/job-progress.ts): nothing passed in is changed, and
 * `hosts` is a read-only view of its array, valid until the next change.
 */

/** What the fold reads of a `HostRollout` row; the rest of the row is kept as it came. */
export interface RolloutRowLike {
  readonly host: string;
  readonly online: boolean;
  /** PENDING, CONVERGED, DRIFTED or FAILED (db/entities/host-state.entity.ts). */
  readonly status: string;
  /** The revision the host should run. */
  readonly revision?: number | null;
  /** The revision it last converged on. */
  readonly convergedRevision?: number | null;
  readonly error?: string | null;
  readonly drift: readonly { readonly key: string; readonly reason: string }[];
  /** ISO time of the server's last change to the row: an older row than the one held is stale. */
  readonly updatedAt: string;
}

export interface RolloutCounts {
  readonly converged: number;
  readonly drifted: number;
  readonly pending: number;
  readonly failed: number;
  readonly offline: number;
  readonly total: number;
}

/**
 * What {@link RolloutFold.apply} did with a row: `stale` ignored it (older than the row held),
 * `same` kept it without news (only timestamps moved), `changed` shows something new: a host not
 * seen before or a different status, revision, drift, error or online.
 */
export type RolloutApplied = 'stale' | 'same' | 'changed';

function byHost(a: RolloutRowLike, b: RolloutRowLike): number {
  return a.host < b.host ? -1 : a.host > b.host ? 1 : 0;
}

/** Online and not yet converged on the revision it should run: what `--until-converged` waits for. */
export function isWaitedFor(row: RolloutRowLike): boolean {
  return row.online && !(row.status === 'CONVERGED' && ((row.revision ?? null) === null || (row.convergedRevision ?? null) === (row.revision ?? null)));
}

/** True when `row` is news next to `old`: a new host, or a different status, revision, drift, error or online. */
export function rolloutRowChanged(old: RolloutRowLike | undefined, row: RolloutRowLike): boolean {
  if (!old) return true;
  if (old.online !== row.online || old.status !== row.status || (old.revision ?? null) !== (row.revision ?? null)) return true;
  if ((old.convergedRevision ?? null) !== (row.convergedRevision ?? null) || (old.error ?? null) !== (row.error ?? null)) return true;
  if (old.drift.length !== row.drift.length) return true;
  return old.drift.some((d, i) => d.key !== row.drift[i]!.key || d.reason !== row.drift[i]!.reason);
}

export class RolloutFold<R extends RolloutRowLike> {
  private readonly rows: R[];
  /** host → index in `rows`; valid for every host, sorted or not. */
  private readonly index = new Map<string, number>();
  private unsorted = false;
  private latestRevision: number | null;
  private readonly tally = new Map<string, number>();
  private offlineCount = 0;
  private waitingCount = 0;

  /** From a `rolloutStatus` answer; the rows are copied once and sorted by host. */
  constructor(snapshot: { readonly revision?: number | null; readonly hosts: readonly R[] }) {
    this.latestRevision = snapshot.revision ?? null;
    this.rows = [];
    for (const row of snapshot.hosts) {
      const at = this.index.get(row.host);
      if (at === undefined) {
        this.index.set(row.host, this.rows.length);
        this.rows.push(row);
      } else {
        this.count(this.rows[at]!, -1);
        this.rows[at] = row;
      }
      this.count(row, 1);
    }
    this.sort();
  }

  /** The revision in force: the server's answer, raised by newer revisions seen in rows. */
  get revision(): number | null {
    return this.latestRevision;
  }

  /** Every host's latest row, sorted by host name. */
  get hosts(): readonly R[] {
    if (this.unsorted) this.sort();
    return this.rows;
  }

  get size(): number {
    return this.rows.length;
  }

  row(host: string): R | undefined {
    const at = this.index.get(host);
    return at === undefined ? undefined : this.rows[at];
  }

  counts(): RolloutCounts {
    const n = (status: string) => this.tally.get(status) ?? 0;
    return { converged: n('CONVERGED'), drifted: n('DRIFTED'), pending: n('PENDING'), failed: n('FAILED'), offline: this.offlineCount, total: this.rows.length };
  }

  /**
   * `--until-converged`: every online host is converged on the revision it should run. Offline
   * hosts are not waited for (they converge when they return); no online host is vacuously done.
   */
  converged(): boolean {
    return this.waitingCount === 0;
  }

  /** The online hosts still waited for, sorted (O(hosts): for the timeout message, not per row). */
  notConverged(): R[] {
    return this.hosts.filter(isWaitedFor);
  }

  /** Folds in one `rolloutProgressed` row: replaces the host's row (or adds the host) unless it is older. */
  apply(row: R): RolloutApplied {
    const at = this.index.get(row.host);
    const old = at === undefined ? undefined : this.rows[at];
    if (old && Date.parse(row.updatedAt) < Date.parse(old.updatedAt)) return 'stale';
    const changed = rolloutRowChanged(old, row);
    this.put(at, old, row);
    if (row.revision != null && (this.latestRevision === null || row.revision > this.latestRevision)) this.latestRevision = row.revision;
    return changed ? 'changed' : 'same';
  }

  /**
   * A host went on- or offline (`hostUpdated`: the server publishes no rollout row for that).
   * False, and nothing changed, when the host is not in the rollout or already was so.
   */
  setOnline(host: string, online: boolean): boolean {
    const at = this.index.get(host);
    const old = at === undefined ? undefined : this.rows[at];
    if (!old || old.online === online) return false;
    this.put(at, old, { ...old, online });
    return true;
  }

  private put(at: number | undefined, old: R | undefined, row: R): void {
    if (old) this.count(old, -1);
    this.count(row, 1);
    if (at !== undefined) {
      this.rows[at] = row;
      return;
    }
    this.index.set(row.host, this.rows.length);
    this.rows.push(row);
    // Still sorted when the new host sorts last (a snapshot's order, or names that only grow).
    if (this.rows.length > 1 && byHost(this.rows[this.rows.length - 2]!, row) > 0) this.unsorted = true;
  }

  private count(row: R, by: 1 | -1): void {
    this.tally.set(row.status, (this.tally.get(row.status) ?? 0) + by);
    if (!row.online) this.offlineCount += by;
    if (isWaitedFor(row)) this.waitingCount += by;
  }

  private sort(): void {
    this.rows.sort(byHost);
    this.rows.forEach((r, i) => this.index.set(r.host, i));
    this.unsorted = false;
  }
}
