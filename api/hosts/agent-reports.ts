import type { z } from 'zod';
import type { AppError } from '../errors.js';
import { badInput } from '../errors.js';
import { agentOf, type GraphQLContext } from '../graphql/context.js';

/** Parses a JSON report against `schema`, size first; returns an error sentence on failure. Never throws. */
export function parseJsonReport<T>(schema: z.ZodType<T>, text: string, maxBytes: number): { ok: true; value: T } | { ok: false; problem: string } {
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, problem: `over ${maxBytes} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

/**
 * The one way a bad agent report is refused: logged, audited (`report:<kind>`, FAILURE), and
 * answered with BAD_USER_INPUT; nothing else is touched.
 */
export async function refuseAgentReport(ctx: GraphQLContext, kind: string, reason: string, error: AppError = badInput(`invalid ${kind} report: ${reason}`)): Promise<never> {
  const agent = agentOf(ctx);
  ctx.services.logger.warn({ host: agent.hostName, kind, reason }, 'refused an agent report');
  await ctx.services.audit.record(ctx.services.orm.em.fork(), { actorType: 'AGENT', actor: agent.hostName, ip: ctx.ip, action: `report:${kind}`, target: agent.hostName, outcome: 'FAILURE', reason });
  throw error;
}
