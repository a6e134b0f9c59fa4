import type { DocumentNode, GraphQLError } from 'graphql';
import type { AuthResult } from '../auth/principal.js';
import type { GraphQLContext } from '../graphql/context.js';
import { listenForInstructions } from '../hosts/agent-report-handlers.js';
import { agentInstructionsTopic } from '../hosts/topics.js';
import type { Services } from '../services.js';
import { instructionView, type AgentFastPath } from './agent-fast-path.js';
import { pushMessage, type WsExtra } from './graphql-ws-server.js';

/**
 * The agent's own operations answered on its socket before graphql-ws sees them: the messages
 * graphql-ws would send, for the work the fast path (agent-fast-path.ts) does, without the
 * library's per-operation machinery in between.
 *
 * - **Reports** (heartbeat, metrics, command reports...): the `next` and `complete` of the answer,
 *   composed here. Through graphql-ws each was a message validation, an operation record with
 *   its emitter closures, hooks and two serializations — at 10,000 idle agents, 670 heartbeats a
 *   second and the largest JavaScript cost of an idle server after the socket writes.
 * - **The instruction stream**: pushed. Each instruction published for the host is sent at once
 *   as its `next`. Through graphql-ws the stream was an async-iterator chain held for the
 *   socket's life (the handler's suspended frame with its closures and execution arguments, a
 *   context, the stream and topic iterators and their pending promises): 3–4 KB per agent, most
 *   of an idle agent's heap. Here it is one small object and the pub/sub listener.
 *
 * Narrow, like the fast path: only a `subscribe` message on an acknowledged agent socket whose
 * document is exactly one of the fast operations, with arguments the fast path accepts, and
 * which the field's rule admits, is taken here (and only the socket's first instruction
 * stream); anything else — a bad document, a refusal, a second stream — goes on to graphql-ws,
 * which answers or audits it as before. The socket's budget is charged as for any operation.
 * The client ends the stream with `complete`, or by closing the socket.
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

export class AgentLane {
  constructor(
    private readonly services: Services,
    private readonly fast: AgentFastPath,
    /** The validated document for a query text (errors: not taken here). */
    private readonly check: (query: string) => { readonly document: DocumentNode; readonly errors: readonly unknown[] },
    /** Charges one operation to the socket's budget: the refusal when it is over. */
    private readonly spend: (extra: PushExtra) => GraphQLError | undefined,
    /** The operation context graphql-ws would have made for the socket. */
    private readonly context: (extra: PushExtra) => GraphQLContext,
    private readonly logError: (err: unknown, what: string) => void,
  ) {}

  /** The glue's `take`: whether this message was one of the agent's operations, and handled here. */
  take(extra: PushExtra, text: string): boolean {
    if (!extra.acknowledged) return false;
    const auth = extra.auth;
    if (!auth?.ok || auth.principal.kind !== 'agent') return false;
    // Only a subscribe or a complete can be ours (not a ping, say): those alone are parsed here.
    if (!text.includes('"subscribe"') && !text.includes('"complete"')) return false;
    const message = parse(text);
    if (message?.type === 'complete') return this.completed(extra, message.id);
    if (message?.type !== 'subscribe' || typeof message.id !== 'string' || typeof message.payload?.query !== 'string') return false;
    const id = message.id;
    let checked;
    try {
      checked = this.check(message.payload.query);
    } catch {
      return false;
    }
    if (checked.errors.length > 0) return false;
    const variables = message.payload.variables;
    const call = typeof variables === 'object' || variables === undefined ? this.fast.reportCall(checked.document, variables as Readonly<Record<string, unknown>> | null | undefined, auth) : undefined;
    const fields = call || extra.instructions ? undefined : this.fast.instructionFields(checked.document, auth);
    if (!call && !fields) return false;
    const refused = this.spend(extra);
    if (refused) {
      pushMessage(extra, JSON.stringify({ id, type: 'error', payload: [refused.toJSON()] }));
      return true;
    }
    if (call) {
      call.run(this.context(extra)).then(
        (result) => {
          pushMessage(extra, JSON.stringify({ id, type: 'next', payload: result }));
          pushMessage(extra, JSON.stringify({ id, type: 'complete' }));
        },
        (err: unknown) => this.logError(err, 'internal error while answering an agent report'),
      );
      return true;
    }
    const sink = new InstructionSink(extra, id, fields!, auth.principal.hostId);
    extra.instructions = sink;
    listenForInstructions(this.services, sink.hostId, sink.deliver);
    return true;
  }

  /** The glue's `closed`: the socket is gone, so is its stream. */
  closed(extra: PushExtra): void {
    this.stop(extra);
  }

  private completed(extra: PushExtra, id: unknown): boolean {
    if (id === undefined || id !== extra.instructions?.id) return false;
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
  readonly payload?: { readonly query?: unknown; readonly variables?: unknown };
}

function parse(text: string): Message | undefined {
  try {
    const m = JSON.parse(text) as unknown;
    return typeof m === 'object' && m !== null ? (m as Message) : undefined;
  } catch {
    return undefined;
  }
}
