import { addressCommand, type CommandTemplate, type Instruction } from '../../protocol/index.js';
import type { PubSub } from '../pubsub/pubsub.js';

/**
 * One message per job and dispatch step, heard by every replica: the instruction once, and the
 * (host, command id) pairs it goes to. Each replica hands it to the sockets it holds; the
 * others ignore the pairs. This replaces one publish per target.
 */
export const AGENT_FANOUT_TOPIC = 'AGENT_FANOUT';

/** A command instruction without its per-target `id` and `attempt` (protocol's {@link CommandTemplate}). */
export type FanoutInstruction = CommandTemplate;
/** [hostId, command id `t<target id>`, the attempt it is sent as (absent: 1)] */
export type FanoutTarget = readonly [number, string, number?];

export interface FanoutMessage {
  /** The instruction without its per-target `id`. */
  readonly instruction: FanoutInstruction;
  readonly targets: readonly FanoutTarget[];
}

/** Targets per message: keeps one pub/sub message to a few hundred KB. */
const FANOUT_CHUNK = 2_000;

export function publishFanout(pubsub: PubSub, instruction: FanoutInstruction, targets: readonly FanoutTarget[]): void {
  for (let i = 0; i < targets.length; i += FANOUT_CHUNK) pubsub.publish(AGENT_FANOUT_TOPIC, { instruction, targets: targets.slice(i, i + FANOUT_CHUNK) } satisfies FanoutMessage);
}

/** The per-host instructions of a fan-out message this replica can deliver (`holds` says which). */
export function localInstructions(message: FanoutMessage, holds: (hostId: number) => boolean): { hostId: number; instruction: Instruction }[] {
  const out: { hostId: number; instruction: Instruction }[] = [];
  // The template was validated against protocol/ once, by the dispatcher; only the id and attempt differ.
  for (const [hostId, id, attempt] of message.targets) if (holds(hostId)) out.push({ hostId, instruction: addressCommand(message.instruction, id, attempt ?? 1) });
  return out;
}
