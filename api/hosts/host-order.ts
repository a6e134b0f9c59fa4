/**
 * The hosts list's sort orders and cursors, pure. Every order is total: the sort value first
 * (hosts without one — no sample, never seen — last in either direction), then the name. A
 * cursor carries the order it belongs to and the last row's sort value and name, so the next
 * page starts right after that row even when rows were added, removed or re-sorted since.
 */
import { registerEnumType } from 'type-graphql';
import { badInput } from '../errors.js';

export const HOST_SORTS = ['NAME', 'STATUS', 'CPU', 'MEMORY', 'LAST_SEEN', 'ADDRESS', 'AGENT_VERSION'] as const;
export type HostSort = (typeof HOST_SORTS)[number];
export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The GraphQL enums, derived from {@link HOST_SORTS} and {@link SORT_DIRECTIONS}. */
export const HostSortEnum = Object.fromEntries(HOST_SORTS.map((s) => [s, s])) as { readonly [K in HostSort]: K };
registerEnumType(HostSortEnum, { name: 'HostSort', description: 'What the hosts list is ordered by; ties (and the NAME order) by name. STATUS: online, alive, dead, revoked' });
export const SortDirectionEnum = Object.fromEntries(SORT_DIRECTIONS.map((s) => [s, s])) as { readonly [K in SortDirection]: K };
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

/** What an order reads of a host. */
export interface SortableHost {
  readonly name: string;
  readonly online: boolean;
  readonly alive: boolean;
  readonly revoked: boolean;
  readonly lastSeenAt: string | null;
  readonly address: string | null;
  readonly agentVersion: string | null;
  /** Only the CPU and MEMORY orders read these (absent: no sample). */
  readonly cpuPercent?: number | null;
  readonly memoryPercent?: number | null;
}

type SortValue = string | number | null;

export function sortValue(h: SortableHost, sort: HostSort): SortValue {
  switch (sort) {
    case 'NAME':
      return h.name;
    case 'STATUS':
      return h.revoked ? 3 : h.online ? 0 : h.alive ? 1 : 2;
    case 'CPU':
      return h.cpuPercent ?? null;
    case 'MEMORY':
      return h.memoryPercent ?? null;
    case 'LAST_SEEN':
      return h.lastSeenAt ? Date.parse(h.lastSeenAt) : null;
    case 'ADDRESS':
      return h.address;
    case 'AGENT_VERSION':
      return h.agentVersion;
  }
}

function compareKeys(va: SortValue, na: string, vb: SortValue, nb: string, direction: SortDirection): number {
  if (va !== vb) {
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    if (c !== 0) return direction === 'DESC' ? -c : c;
  }
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** A new array in the order; the input is left as it is. */
export function sortHosts<T extends SortableHost>(hosts: readonly T[], sort: HostSort, direction: SortDirection): T[] {
  const keyed = hosts.map((h) => ({ h, v: sortValue(h, sort) }));
  keyed.sort((a, b) => compareKeys(a.v, a.h.name, b.v, b.h.name, direction));
  return keyed.map((k) => k.h);
}

interface Cursor {
  readonly sort: HostSort;
  readonly direction: SortDirection;
  readonly value: SortValue;
  readonly name: string;
}

export function encodeHostCursor(h: SortableHost, sort: HostSort, direction: SortDirection): string {
  return Buffer.from(JSON.stringify([sort, direction, sortValue(h, sort), h.name])).toString('base64url');
}

/** Refuses (BAD_USER_INPUT) anything that is not an endCursor of this very order. */
export function decodeHostCursor(after: string, sort: HostSort, direction: SortDirection): Cursor {
  let parsed: unknown;
  try {
    parsed = after.length <= 2000 ? JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw badInput('after must be an endCursor from hosts');
  const [s, d, value, name] = parsed as unknown[];
  if (s !== sort || d !== direction) throw badInput(`after is an endCursor of another order (${String(s)} ${String(d)}), not ${sort} ${direction}`);
  if (typeof name !== 'string' || !(value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) throw badInput('after must be an endCursor from hosts');
  return { sort, direction, value, name };
}

export interface HostPage<T> {
  readonly nodes: T[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/** The `first` hosts after the cursor, in the order (hosts already sorted by it). */
export function pageAfter<T extends SortableHost>(sorted: readonly T[], sort: HostSort, direction: SortDirection, after: string | undefined, first: number): HostPage<T> {
  let start = 0;
  if (after) {
    const c = decodeHostCursor(after, sort, direction);
    start = sorted.findIndex((h) => compareKeys(sortValue(h, sort), h.name, c.value, c.name, direction) > 0);
    if (start < 0) start = sorted.length;
  }
  const nodes = sorted.slice(start, start + first);
  const last = nodes.at(-1);
  return { nodes, endCursor: last ? encodeHostCursor(last, sort, direction) : null, hasNextPage: start + first < sorted.length };
}
