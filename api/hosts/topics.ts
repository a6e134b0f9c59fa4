/** Pub/sub topics of the hosts feature. */
export const HOST_UPDATED_TOPIC = 'HOST_UPDATED';

/** Instructions for one host's agent; every replica listens, the one holding the socket delivers. */
export function agentInstructionsTopic(hostId: number): string {
  return `AGENT_INSTRUCTIONS:${hostId}`;
}

/** Asks whichever replica holds a host's socket to close it (revocation). */
export const CLOSE_AGENT_TOPIC = 'CLOSE_AGENT';

/** Something recorded about one host that its page shows: payload {@link HostChangedEvent} (host-changed.ts). */
export const HOST_CHANGED_TOPIC = 'HOST_CHANGED';
