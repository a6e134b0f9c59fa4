import type { DocumentNode, GraphQLError } from 'graphql';
import type { AuthResult } from '../auth/principal.js';
import { listenForInstructions } from '../hosts/agent-report-handlers.js';
import { agentInstructionsTopic } from '../hosts/topics.js';
import type { Services } from '../services.js';
import { instructionView, type AgentFastPath } from './agent-fast-path.js';
import { pushMessage, type WsExtra } from './graphql-ws-server.js';

/**
 * An agent's instruction stream as a push: each instruction published for its host is sent on
 * its socket at once, as the `next` message graphql-ws would send. Through graphql-ws the stream
 * was an async-iterator chain held for the socket's life — the handler's suspended frame with
 * its emitter closures and execution arguments, a context, the stream and topic iterators and
 * their pending promises: 3–4 KB per agent, most of an idle agent's heap. Here it is one small
 * object and the pub/sub listener.
 *
 * Narrow, like the fast path (agent-fast-path.ts): only a `subscribe` message whose document is
 * exactly the instruction stream, on an acknowledged agent socket whose principal the field's
 * rule admits, and only the socket's first such stream, is taken here; anything else (a bad
 * document, a refusal, a second stream) goes on to graphql-ws, which answers or audits it as
 * before. The socket's budget is charged as for any operation. The client ends the stream with
 * `complete`, or by closing the socket.
 *
 *   subscribe (exactly the stream) ──▶ LISTENING ──complete (its id) or close──▶ gone
 *                                          │
 *                                          └── each instruction ──▶ `next` on the socket
 */
export interface PushExtra extends WsExtra {
  auth?: AuthResult;
  /** onConnect finished: graphql-ws acknowledged the connection. */
  acknowledged?: boolean;
  instructions?: InstructionSink;
}

export class InstructionPush {
  constructor(
    private readonly services: Services,
    private readonly fast: AgentFastPath,
    /** The validated document for a query text (errors: not taken here). */
    private readonly check: (query: string) => { readonly document: DocumentNode; readonly errors: readonly unknown[] },
    /** Charges one operation to the socket's budget: the refusal when it is over. */
    private readonly spend: (extra: PushExtra) => GraphQLError | undefined,
  ) {}

  /** The glue's `take`: whether this message was the instruction stream's, and handled here. */
  take(extra: PushExtra, text: string): boolean {
    if (extra.instructions) return text.includes('"complete"') && this.completed(extra, text);
    if (!extra.acknowledged || !text.includes('agentInstructions')) return false;
    const message = parse(text);
    if (message?.type !== 'subscribe' || typeof message.id !== 'string' || typeof message.payload?.query !== 'string') return false;
    const auth = extra.auth;
    if (!auth?.ok || auth.principal.kind !== 'agent') return false;
    let checked;
    try {
      checked = this.check(message.payload.query);
    } catch {
      return false;
    }
    if (checked.errors.length > 0) return false;
    const fields = this.fast.instructionFields(checked.document, auth);
    if (!fields) return false;
    const refused = this.spend(extra);
    if (refused) {
      pushMessage(extra, JSON.stringify({ id: message.id, type: 'error', payload: [refused.toJSON()] }));
      return true;
    }
    const sink = new InstructionSink(extra, message.id, fields, auth.principal.hostId);
    extra.instructions = sink;
    listenForInstructions(this.services, sink.hostId, sink.deliver);
    return true;
  }

  /** The glue's `closed`: the socket is gone, so is its stream. */
  closed(extra: PushExtra): void {
    this.stop(extra);
  }

  private completed(extra: PushExtra, text: string): boolean {
    const message = parse(text);
    if (message?.type !== 'complete' || message.id !== extra.instructions?.id) return false;
    this.stop(extra);
    return true;
  }

  private stop(extra: PushExtra): void {
    const sink = extra.instructions;
    if (!sink) return;
    extra.instructions = undefined;
    this.services.pubsub.unlisten(agentInstructionsTopic(sink.hostId), sink.deliver);
  }
}

/** One agent's stream: where its instructions go. */
class InstructionSink {
  /** The pub/sub listener (bound once: the emitter needs a function). */
  readonly deliver: (instruction: unknown) => void;

  constructor(
    private readonly extra: WsExtra,
    readonly id: string,
    private readonly fields: readonly string[],
    readonly hostId: number,
  ) {
    this.deliver = this.send.bind(this);
  }

  private send(instruction: unknown): void {
    pushMessage(this.extra, JSON.stringify({ id: this.id, type: 'next', payload: { data: { agentInstructions: instructionView(this.fields, instruction) } } }));
  }
}

interface Message {
  readonly type?: unknown;
  readonly id?: unknown;
  readonly payload?: { readonly query?: unknown };
}

function parse(text: string): Message | undefined {
  try {
    const m = JSON.parse(text) as unknown;
    return typeof m === 'object' && m !== null ? (m as Message) : undefined;
  } catch {
    return undefined;
  }
}
