import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { parseSince } from '../duration.js';
import { CliError } from '../errors.js';
import { writeCsvOut, writeErr, writeOut, printData } from '../output.js';

interface AuditEvent {
  id: string;
  at: string;
  actorType: string;
  actor: string;
  ip: string;
  action: string;
  target: string | null;
  args: unknown;
  outcome: string;
  reason: string | null;
}

const QUERY = `query($filter: AuditFilterInput, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    nodes { id at actorType actor ip action target args outcome reason }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** `-o csv` prints the server's `csv` of the page, the file the dashboard's export downloads (api/audit/audit-columns.ts). */
const CSV_QUERY = `query($filter: AuditFilterInput, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    csv
    pageInfo { endCursor hasNextPage }
  }
}`;

type PageInfo = { endCursor: string | null; hasNextPage: boolean };

export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description('show the audit trail, newest first (admins only)')
    .option('--actor <name>', 'only this user or host')
    .option('--action <name>', 'only this action, e.g. login, createUser')
    .option('--outcome <outcome>', 'SUCCESS, FAILURE or DENIED')
    .option('--since <when>', 'a duration ago (1h, 7d) or an ISO date')
    .option('--until <when>', 'a duration ago or an ISO date')
    .option('--limit <n>', 'rows per page (1–500)', '50')
    .option('--after <cursor>', 'continue after this cursor (printed at the end of a page)')
    .action(async (o: { actor?: string; action?: string; outcome?: string; since?: string; until?: string; limit: string; after?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const outcome = o.outcome?.toUpperCase();
      if (outcome && !['SUCCESS', 'FAILURE', 'DENIED'].includes(outcome)) throw new CliError('--outcome must be SUCCESS, FAILURE or DENIED', 2);
      const filter = {
        actor: o.actor,
        action: o.action,
        outcome,
        since: o.since ? parseSince(o.since).toISOString() : undefined,
        until: o.until ? parseSince(o.until).toISOString() : undefined,
      };
      const vars = { filter, first: Number(o.limit), after: o.after };
      if (ctx.format === 'csv') {
        const { auditEvents } = await ctx.client().request<{ auditEvents: { csv: string; pageInfo: PageInfo } }>(CSV_QUERY, vars);
        writeCsvOut(auditEvents.csv);
        // On stderr, so stdout stays the server's file byte for byte.
        if (auditEvents.pageInfo.hasNextPage) writeErr(`(more: --after ${auditEvents.pageInfo.endCursor})\n`);
        return;
      }
      const { auditEvents } = await ctx.client().request<{ auditEvents: { nodes: AuditEvent[]; pageInfo: PageInfo } }>(QUERY, vars);
      if (ctx.format !== 'table') return printData(ctx.format, auditEvents, []);
      printData(ctx.format, auditEvents.nodes, [
        { header: 'at', value: (e) => e.at },
        { header: 'actor', value: (e) => e.actor },
        { header: 'ip', value: (e) => e.ip },
        { header: 'action', value: (e) => e.action },
        { header: 'target', value: (e) => e.target },
        { header: 'outcome', value: (e) => e.outcome },
        { header: 'reason', value: (e) => e.reason },
      ]);
      if (auditEvents.pageInfo.hasNextPage) writeOut(`(more: --after ${auditEvents.pageInfo.endCursor})\n`);
    });
}
