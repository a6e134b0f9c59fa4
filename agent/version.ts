/** Reported in the inventory and on connect; bumped with each release. */
export const AGENT_VERSION = '0.1.0';
