/** Set by `npm run build:agent -- --agent-version V` (esbuild `define`); absent when run from source. */
declare const __IOMS_AGENT_VERSION__: string | undefined;

/** Reported in the inventory and on connect. */
export const AGENT_VERSION: string = typeof __IOMS_AGENT_VERSION__ === 'string' ? __IOMS_AGENT_VERSION__ : '0.1.0';
