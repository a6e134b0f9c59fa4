import type { Instruction, RunCommandInstruction } from '../../protocol/index.js';
import type { PubSub } from '../pubsub/pubsub.js';

/**
 * One message per job and dispatch step, heard by every replica: the instruction once, and the
 * (host, command id) pairs it goes to. Each replica hands it to the sockets it holds; the
 * others ignore the pairs. This replaces one publish per target.
 */
export const AGENT_FANOUT_TOPIC = 'AGENT_FANOUT';

/** A command instruction without its per-target `id` (distributed over the union's members). */
export type FanoutInstruction = RunCommandInstruction extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;

export interface FanoutMessage {
  /** The instruction without its per-target `id`. */
  readonly instruction: FanoutInstruction;
  /** [hostId, command id `t<target id>`] */
  readonly targets: readonly (readonly [number, string])[];
}

/** Targets per message: keeps one pub/sub message to a few hundred KB. */
const FANOUT_CHUNK = 2_000;

export function publishFanout(pubsub: PubSub, instruction: FanoutInstruction, targets: readonly (readonly [number, string])[]): void {
  for (let i = 0; i < targets.length; i += FANOUT_CHUNK) pubsub.publish(AGENT_FANOUT_TOPIC, { instruction, targets: targets.slice(i, i + FANOUT_CHUNK) } satisfies FanoutMessage);
}

/** The per-host instructions of a fan-out message this replica can deliver (`holds` says which). */
export function localInstructions(message: FanoutMessage, holds: (hostId: number) => boolean): { hostId: number; instruction: Instruction }[] {
  const out: { hostId: number; instruction: Instruction }[] = [];
  // The template was validated against protocol/ once, by the dispatcher; only the id differs.
  for (const [hostId, id] of message.targets) if (holds(hostId)) out.push({ hostId, instruction: { id, kind: 'RUN_COMMAND', payload: { ...message.instruction, id } as RunCommandInstruction } });
  return out;
}
