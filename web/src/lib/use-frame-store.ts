'use client';
import { useState, useSyncExternalStore } from 'react';
import { FrameStore } from './frame-store';

/** A {@link FrameStore} made once for the component, and its fold as of the last frame with changes. */
export function useFrameStore<F>(create: () => F): { store: FrameStore<F>; fold: F; version: number } {
  const [store] = useState(() => new FrameStore(create()));
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  return { store, fold: store.fold, version };
}
