'use client';
import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';
import type { HostUpdatedSubscription } from '../gql/graphql';

const HostUpdatedDoc = graphql(`
  subscription HostUpdated {
    hostUpdated {
      id
      name
      online
      alive
      revoked
      lastSeenAt
      lastConnectedAt
      agentVersion
      address
      labels
      inventory
    }
  }
`);

/**
 * Calls `onUpdate` for each `hostUpdated` event, and `refresh` at most once per `throttleMs`
 * after any (for panels that re-query aggregates instead of patching rows).
 */
export function useHostUpdates(opts: { onUpdate?: (h: HostUpdate) => void; refresh?: () => void; throttleMs?: number }) {
  const { onUpdate, refresh, throttleMs = 2000 } = opts;
  const [{ data }] = useSubscription({ query: HostUpdatedDoc });
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const h = data?.hostUpdated;
    if (!h) return;
    onUpdate?.(h);
    if (!refresh) return;
    const wait = Math.max(0, last.current + throttleMs - Date.now());
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      last.current = Date.now();
      refresh();
    }, wait);
  }, [data]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return data?.hostUpdated;
}

export type HostUpdate = HostUpdatedSubscription['hostUpdated'];

/** Re-runs `fn` every `ms` while the page is visible. */
export function useInterval(fn: () => void, ms: number): void {
  const saved = useRef(fn);
  saved.current = fn;
  useEffect(() => {
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') saved.current();
    }, ms);
    return () => clearInterval(id);
  }, [ms]);
}
