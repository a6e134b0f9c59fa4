import type { z } from 'zod';
import type { AppError } from '../errors.js';
import { badInput } from '../errors.js';
import { agentOf, type GraphQLContext } from '../graphql/context.js';
import { clean } from '../auth/unsafe-text.js';

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
 * The one way a bad agent report is refused: counted, logged and audited (`report:<kind>`,
 * FAILURE) once per burst (see RefusalSampler), charged to the socket's budget, and answered
 * with BAD_USER_INPUT; nothing else is touched.
 */
export async function refuseAgentReport(ctx: GraphQLContext, kind: string, reason: string, error: AppError = badInput(`invalid ${kind} report: ${reason}`)): Promise<never> {
  const agent = agentOf(ctx);
  ctx.budget?.penalize(Date.now());
  const entry = { actorType: 'AGENT' as const, actor: agent.hostName, ip: ctx.ip, action: `report:${kind}`, target: agent.hostName, outcome: 'FAILURE' as const, reason: clean(reason) };
  if (ctx.services.refusals.note(`host:${agent.hostId}:${kind}`, `report:${kind}`, entry)) {
    ctx.services.logger.warn({ host: agent.hostName, kind, reason }, 'refused an agent report');
    await ctx.services.audit.record(ctx.services.orm.em.fork(), entry).catch((err: unknown) => ctx.services.logger.error({ err, host: agent.hostName }, 'could not audit a refused agent report'));
  }
  throw error;
}
