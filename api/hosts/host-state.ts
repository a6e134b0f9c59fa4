/**
 * The one word every command and the API use for what a host is now (docs/agents.md,
 * "Liveness"). Declared here once; the GraphQL enum `HostState` and the CLI's STATUS column
 * come from it.
 *
 *   REVOKED  its credential was revoked (wins over everything)
 *   ONLINE   its agent's socket is open now
 *   OFFLINE  not connected (a stopped agent, a lost network, a host never connected)
 *
 * Whether heartbeats still arrive is a separate fact, `alive` (a heartbeat within the alive
 * window): a host that just went OFFLINE stays alive until the window passes.
 */
import { registerEnumType } from 'type-graphql';
import type { HostView } from './host-view.js';

export const HOST_STATES = ['ONLINE', 'OFFLINE', 'REVOKED'] as const;
export type HostState = (typeof HOST_STATES)[number];

export function hostState(h: Pick<HostView, 'online' | 'revoked'>): HostState {
  return h.revoked ? 'REVOKED' : h.online ? 'ONLINE' : 'OFFLINE';
}

/** The GraphQL enum, derived from {@link HOST_STATES}. */
export const HostStateEnum = Object.fromEntries(HOST_STATES.map((s) => [s, s])) as { readonly [K in HostState]: K };
registerEnumType(HostStateEnum, {
  name: 'HostState',
  description: 'What a host is now: ONLINE (connected), OFFLINE (not connected) or REVOKED. Heartbeats are the separate `alive`.',
});
