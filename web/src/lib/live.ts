'use client';
import { useCallback, useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';
import type { HostChangedSubscription, HostPart, HostUpdatedSubscription } from '../gql/graphql';

/** A host's row in lists: what the hosts table shows and what `hostUpdated` patches into it. */
graphql(`
  fragment HostRow on Host {
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
    os
  }
`);

const HostUpdatedDoc = graphql(`
  subscription HostUpdated {
    hostUpdated {
      ...HostRow
    }
  }
`);

/**
 * Calls `onUpdate` for every `hostUpdated` event (each one, even when many arrive between two
 * renders), and `refresh` at most once per `throttleMs` after any (for panels that re-query
 * aggregates instead of patching rows).
 */
export function useHostUpdates(opts: { onUpdate?: (h: HostUpdate) => void; refresh?: () => void; throttleMs?: number }): void {
  const latest = useRef(opts);
  latest.current = opts;
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const handle = useCallback((_prev: unknown, event: HostUpdatedSubscription) => {
    const { onUpdate, refresh, throttleMs = 2000 } = latest.current;
    onUpdate?.(event.hostUpdated);
    if (refresh && !timer.current) {
      const wait = Math.max(0, last.current + throttleMs - Date.now());
      timer.current = setTimeout(() => {
        timer.current = undefined;
        last.current = Date.now();
        latest.current.refresh?.();
      }, wait);
    }
    return true;
  }, []);
  useSubscription({ query: HostUpdatedDoc }, handle);
  useEffect(() => () => clearTimeout(timer.current), []);
}

export type HostUpdate = HostUpdatedSubscription['hostUpdated'];

const HostChangedDoc = graphql(`
  subscription HostChanged($name: String!) {
    hostChanged(name: $name) {
      host
      part
    }
  }
`);

/** Calls `onChange` with the part (RESTARTS, CRON_RUNS, STATE) each time `hostChanged` reports one for this host. */
export function useHostChanges(name: string, onChange: (part: HostPart) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  const handle = useCallback((_prev: unknown, event: HostChangedSubscription) => {
    latest.current(event.hostChanged.part);
    return true;
  }, []);
  useSubscription({ query: HostChangedDoc, variables: { name }, pause: !name }, handle);
}

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
