/**
 * Side effect only: sets the agent's V8 flags (`v8-flags.ts`) when this module is evaluated.
 * `agent/main.ts` (the bundle's entry) imports it FIRST, so the flags hold before any other
 * module of the bundle runs: set any later, TurboFan has already compiled start-up code and
 * the heap has grown under the default heuristics.
 */
import { agentV8Flags, applyAgentV8Flags } from './v8-flags.js';

applyAgentV8Flags(agentV8Flags(process.env));
