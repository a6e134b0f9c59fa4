import { type z } from 'zod';
import { heartbeatSchema, type Heartbeat } from './heartbeat.schema.js';
import { inventorySchema, type Inventory } from './inventory.schema.js';
import { MAX_REPORT_BYTES, MAX_REPORTED_ISSUES } from './limits.js';
import { metricsSampleSchema, type MetricsSample } from './metrics-sample.schema.js';

/** Kinds of report an agent sends, each with its own schema. */
export const AGENT_REPORT_KINDS = ['inventory', 'heartbeat', 'metrics'] as const;
export type AgentReportKind = (typeof AGENT_REPORT_KINDS)[number];

/** The parsed value of each report kind. */
export interface AgentReportByKind {
  inventory: Inventory;
  heartbeat: Heartbeat;
  metrics: MetricsSample;
}

const schemas: { readonly [K in AgentReportKind]: z.ZodType<AgentReportByKind[K]> } = {
  inventory: inventorySchema,
  heartbeat: heartbeatSchema,
  metrics: metricsSampleSchema,
};

/** Why a report was refused. */
export type AgentReportErrorCode =
  | 'UNKNOWN_KIND' // the caller asked for a kind this protocol does not know
  | 'REPORT_TOO_LARGE' // more than MAX_REPORT_BYTES of UTF-8; not decoded or parsed
  | 'INVALID_ENCODING' // bytes that are not valid UTF-8
  | 'MALFORMED_JSON' // not JSON at all
  | 'INVALID_REPORT'; // JSON that does not match the schema of its kind

/** One schema violation: where (a JSON path such as `disks.3.mount`) and what. */
export interface ReportIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * A refused report. Messages never quote the offending input, so they are safe to log
 * and to send back to the agent.
 */
export class AgentReportError extends Error {
  override readonly name = 'AgentReportError';
  constructor(
    readonly code: AgentReportErrorCode,
    message: string,
    /** At most {@link MAX_REPORTED_ISSUES} schema issues, only for `INVALID_REPORT`. */
    readonly issues: readonly ReportIssue[] = [],
  ) {
    super(message);
  }
}

export type AgentReportResult<K extends AgentReportKind> =
  | { readonly ok: true; readonly kind: K; readonly value: AgentReportByKind[K] }
  | { readonly ok: false; readonly error: AgentReportError };

/**
 * Number of bytes `text` takes in UTF-8, without allocating. Lone surrogates count as the
 * three bytes of U+FFFD, as `TextEncoder` would write them.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function isTooLarge(json: string | Uint8Array): boolean {
  if (typeof json !== 'string') return json.byteLength > MAX_REPORT_BYTES;
  // Every UTF-16 code unit takes 1 to 3 UTF-8 bytes: skip the exact count when it cannot matter.
  if (json.length > MAX_REPORT_BYTES) return true;
  if (json.length * 3 <= MAX_REPORT_BYTES) return false;
  return utf8ByteLength(json) > MAX_REPORT_BYTES;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Validate one report from an agent, as the server's edge does before anything else.
 *
 * Order of checks: kind, byte size (before any decoding or parsing), UTF-8, JSON, schema.
 * Unknown object fields are stripped from `value`, not rejected, so newer agents can talk to
 * older servers; the byte cap bounds what they can cost. Never throws, whatever `json` holds.
 *
 * @param kind which report this is; decided by the server (the mutation called), not the agent.
 * @param json the raw JSON text, as a string or as the UTF-8 bytes of a WebSocket frame.
 */
export function parseAgentReport<K extends AgentReportKind>(kind: K, json: string | Uint8Array): AgentReportResult<K> {
  const fail = (code: AgentReportErrorCode, message: string) => ({ ok: false, error: new AgentReportError(code, message) }) as const;

  if (!Object.hasOwn(schemas, kind)) return fail('UNKNOWN_KIND', `unknown report kind "${String(kind).slice(0, 32)}"`);
  if (typeof json !== 'string' && !(json instanceof Uint8Array)) return fail('MALFORMED_JSON', `${kind} report is not text`);
  if (isTooLarge(json)) return fail('REPORT_TOO_LARGE', `${kind} report exceeds ${MAX_REPORT_BYTES} bytes`);

  let text: string;
  try {
    text = typeof json === 'string' ? json : fatalDecoder.decode(json);
  } catch {
    return fail('INVALID_ENCODING', `${kind} report is not valid UTF-8`);
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('MALFORMED_JSON', `${kind} report is not valid JSON`);
  }

  return validateAgentReport(kind, data);
}

/**
 * Validate a report that is already parsed (for a transport that decoded the JSON itself, such
 * as a GraphQL `JSON` argument). Skips the byte and JSON checks of {@link parseAgentReport},
 * so the transport must bound message size itself. Never throws.
 */
export function validateAgentReport<K extends AgentReportKind>(kind: K, data: unknown): AgentReportResult<K> {
  if (!Object.hasOwn(schemas, kind)) {
    return { ok: false, error: new AgentReportError('UNKNOWN_KIND', `unknown report kind "${String(kind).slice(0, 32)}"`) };
  }
  const parsed = schemas[kind].safeParse(data);
  if (parsed.success) return { ok: true, kind, value: parsed.data };
  const issues = parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const more = parsed.error.issues.length - issues.length;
  const first = issues[0];
  const summary = first ? `${first.path || '(root)'}: ${first.message}` : 'schema mismatch';
  const message = `invalid ${kind} report: ${summary}${more > 0 ? ` (+${more} more issues)` : ''}`;
  return { ok: false, error: new AgentReportError('INVALID_REPORT', message, issues) };
}
