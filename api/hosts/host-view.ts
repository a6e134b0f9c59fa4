import type { HostRecord } from '../../db/entities/index.js';

/** A host as clients see it: plain, JSON-safe (it also travels through pub/sub). */
export interface HostView {
  readonly id: number;
  readonly name: string;
  /** Agent labels overlaid with server labels (server wins). */
  readonly labels: Record<string, string>;
  readonly agentLabels: Record<string, string>;
  readonly serverLabels: Record<string, string>;
  readonly online: boolean;
  readonly alive: boolean;
  readonly revoked: boolean;
  readonly lastSeenAt: string | null;
  readonly lastConnectedAt: string | null;
  readonly enrolledAt: string;
  readonly agentVersion: string | null;
  readonly address: string | null;
  readonly inventory: Record<string, unknown> | null;
}

export function effectiveLabels(h: Pick<HostRecord, 'agentLabels' | 'serverLabels'>): Record<string, string> {
  return { ...h.agentLabels, ...h.serverLabels };
}

/**
 * `alive` is computed from the last heartbeat at read time, so a reader never sees a host as
 * alive past its window even before the sweeper records the change.
 */
export function hostView(h: HostRecord, now: Date, aliveWindowMs: number): HostView {
  const lastSeen = h.lastSeenAt ?? null;
  return {
    id: h.id,
    name: h.name,
    labels: effectiveLabels(h),
    agentLabels: h.agentLabels,
    serverLabels: h.serverLabels,
    online: h.online && !h.revokedAt,
    alive: !h.revokedAt && lastSeen !== null && now.getTime() - lastSeen.getTime() < aliveWindowMs,
    revoked: Boolean(h.revokedAt),
    lastSeenAt: lastSeen?.toISOString() ?? null,
    lastConnectedAt: h.lastConnectedAt?.toISOString() ?? null,
    enrolledAt: h.enrolledAt.toISOString(),
    agentVersion: h.agentVersion ?? null,
    address: h.lastAddress ?? null,
    inventory: h.inventory ?? null,
  };
}
