import type { RunCommandInstruction } from '../../protocol/index.js';
import type { PubSub } from '../pubsub/pubsub.js';

/**
 * One message per job and dispatch step, heard by every replica: the instruction once, and the
 * (host, command id) pairs it goes to. Each replica hands it to the sockets it holds; the
 * others ignore the pairs. This replaces one publish per target.
 */
export const AGENT_FANOUT_TOPIC = 'AGENT_FANOUT';

export interface FanoutMessage {
  /** The instruction without its per-target `id`. */
  readonly instruction: Omit<RunCommandInstruction, 'id'>;
  /** [hostId, command id `t<target id>`] */
  readonly targets: readonly (readonly [number, string])[];
}

/** Targets per message: keeps one pub/sub message to a few hundred KB. */
const FANOUT_CHUNK = 2_000;

export function publishFanout(pubsub: PubSub, instruction: Omit<RunCommandInstruction, 'id'>, targets: readonly (readonly [number, string])[]): void {
  for (let i = 0; i < targets.length; i += FANOUT_CHUNK) pubsub.publish(AGENT_FANOUT_TOPIC, { instruction, targets: targets.slice(i, i + FANOUT_CHUNK) } satisfies FanoutMessage);
}

/** The per-host instructions of a fan-out message this replica can deliver (`holds` says which). */
export function localInstructions(message: FanoutMessage, holds: (hostId: number) => boolean): { hostId: number; instruction: RunCommandInstruction }[] {
  const out: { hostId: number; instruction: RunCommandInstruction }[] = [];
  for (const [hostId, id] of message.targets) if (holds(hostId)) out.push({ hostId, instruction: { ...message.instruction, id } as RunCommandInstruction });
  return out;
}
