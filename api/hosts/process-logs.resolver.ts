/**
 * `ioms logs HOST PROCESS [--tail N] [-f]`: a subscription that asks the host's agent for a
 * guarded process's output and relays the agent's chunks (protocol/process-logs.schema.ts).
 *
 * The chunks travel on a pub/sub topic named by host id and request id, so they reach the
 * subscriber whichever replica holds the agent, and an agent can only answer for its own host.
 * Each request is audited (who read which process's output on which host).
 */
import { randomBytes } from 'node:crypto';
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { processLogsInstruction, processLogsStopInstruction } from '../../protocol/instruction.schema.js';
import { MAX_LOG_TAIL_LINES, processLogsChunkSchema, type ProcessLogsChunk } from '../../protocol/process-logs.schema.js';
import { Allow } from '../auth/access.js';
import { AppError, badInput } from '../errors.js';
import { actorOf, agentOf, type GraphQLContext } from '../graphql/context.js';
import { parseJsonReport, refuseAgentReport } from './agent-reports.js';
import { agentInstructionsTopic } from './topics.js';

/** Largest reportProcessLogs text: a 64 KiB chunk of many short lines, JSON-escaped. */
const MAX_LOGS_REPORT_BYTES = 512 * 1024;
/** @default lines sent first when the caller gives no tail */
export const DEFAULT_LOG_TAIL_LINES = 100;

export function processLogsTopic(hostId: number, requestId: string): string {
  return `process-logs:${hostId}:${requestId}`;
}

@ObjectType('ProcessLogLine')
export class ProcessLogLineType {
  @Field(() => String, { description: 'stdout or stderr' }) stream!: string;
  @Field(() => String, { description: 'One line, without its newline; control characters as the process wrote them' }) text!: string;
}

@ObjectType('ProcessLogChunk')
export class ProcessLogChunkType {
  @Field(() => [ProcessLogLineType]) lines!: ProcessLogLineType[];
  @Field(() => Boolean, { description: 'The last chunk: the tail was sent, or the follow ended' }) done!: boolean;
  @Field(() => String, { nullable: true, description: 'Why the agent could not read the logs' }) error!: string | null;
}

/**
 * The subscription's stream. A reader that goes away (Ctrl-C) ends it at once: `return()` sends
 * PROCESS_LOGS_STOP and closes the topic, even while no chunk is pending.
 */
function relay(ctx: GraphQLContext, hostName: string, processName: string, tail: number, follow: boolean): AsyncIterableIterator<ProcessLogChunkType> {
  const { services } = ctx;
  const requestId = randomBytes(12).toString('base64url');
  let hostId: number | undefined;
  let topic: AsyncIterator<unknown> | undefined;
  let finished = false;
  const stop = async () => {
    if (!finished && follow && hostId !== undefined) services.pubsub.publish(agentInstructionsTopic(hostId), processLogsStopInstruction(requestId));
    finished = true;
    await topic?.return?.();
  };
  async function* chunks(): AsyncGenerator<ProcessLogChunkType> {
    const [host] = await services.hosts.list(ctx.em, { hosts: [hostName] });
    const actor = actorOf(ctx);
    const audit = (outcome: 'SUCCESS' | 'FAILURE', reason?: string) =>
      services.audit.record(services.orm.em.fork(), { ...actor, action: 'processLogs', target: `${hostName}/${processName}`, args: { tail, follow }, outcome, ...(reason ? { reason } : {}) });
    if (!host || host.name.toLowerCase() !== hostName.toLowerCase()) {
      await audit('FAILURE', 'no such host');
      throw new AppError('NOT_FOUND', `no host named "${hostName}"`);
    }
    if (!host.online) {
      await audit('FAILURE', 'host offline');
      throw new AppError('BAD_USER_INPUT', `${host.name} is offline: its logs are read by its agent, which is not connected`);
    }
    await audit('SUCCESS');
    hostId = host.id;
    topic = services.pubsub.subscribe(processLogsTopic(host.id, requestId))[Symbol.asyncIterator]();
    services.pubsub.publish(agentInstructionsTopic(host.id), processLogsInstruction({ requestId, process: processName, tailLines: tail, follow }));
    let expected = 0;
    const early = new Map<number, ProcessLogsChunk>();
    while (!finished) {
      const next = await topic.next();
      if (next.done) return;
      const chunk = next.value as ProcessLogsChunk;
      early.set(chunk.seq, chunk);
      // Chunks arrive in order on one replica; across replicas one may overtake another.
      while (early.has(expected)) {
        const c = early.get(expected)!;
        early.delete(expected);
        expected += 1;
        if (c.done) finished = true;
        yield { lines: c.lines, done: c.done, error: c.error ?? null };
        if (c.done) return;
      }
    }
  }
  const inner = chunks();
  const it: AsyncIterableIterator<ProcessLogChunkType> = {
    next: () => inner.next(),
    return: async () => {
      await stop();
      return inner.return(undefined);
    },
    throw: async (err: unknown) => {
      await stop();
      return inner.throw(err);
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}

@Resolver()
export class ProcessLogsResolver {
  @Subscription(() => ProcessLogChunkType, {
    description: 'A guarded process’s stdout and stderr, read by its agent: the last `tail` lines of each, then (with `follow`) what it writes, until the subscription ends or one hour passes. Audited.',
    subscribe: ({ args, context }) => {
      const tail = args.tail === undefined || args.tail === null ? DEFAULT_LOG_TAIL_LINES : Number(args.tail);
      if (!Number.isInteger(tail) || tail < 0 || tail > MAX_LOG_TAIL_LINES) throw badInput(`tail must be a whole number from 0 to ${MAX_LOG_TAIL_LINES}`);
      return relay(context as GraphQLContext, String(args.host), String(args.process), tail, Boolean(args.follow));
    },
  })
  @Allow('OPERATOR')
  processLogs(
    @Root() chunk: ProcessLogChunkType,
    @Arg('host', () => String) _host: string,
    @Arg('process', () => String) _process: string,
    @Arg('tail', () => Int, { nullable: true, description: 'Lines of each stream to send first; default 100' }) _tail?: number,
    @Arg('follow', () => Boolean, { nullable: true }) _follow?: boolean,
  ): ProcessLogChunkType {
    return chunk;
  }

  @Mutation(() => Boolean, { description: 'A chunk of a guarded process’s output, answering PROCESS_LOGS' })
  @Allow('AGENT', { audit: 'REPORT' })
  async reportProcessLogs(@Arg('report', () => String) report: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const r = parseJsonReport(processLogsChunkSchema, report, MAX_LOGS_REPORT_BYTES);
    const chunk = r.ok ? r.value : await refuseAgentReport(ctx, 'processLogs', r.problem);
    ctx.services.pubsub.publish(processLogsTopic(agentOf(ctx).hostId, chunk.requestId), chunk);
    return true;
  }
}
