/**
 * `ioms logs HOST PROCESS`: the server asks an agent for a guarded process's captured output
 * (the files of `agent/supervisor/log-files.ts`), over the agent's existing link.
 *
 *   server ──PROCESS_LOGS {requestId, process, tailLines, follow}──▶ agent
 *   agent  ──reportProcessLogs({requestId, seq, lines, done})──▶ server   (one or more chunks)
 *   server ──PROCESS_LOGS_STOP {requestId}──▶ agent                       (the reader went away)
 *
 * Bounded on both sides: at most {@link MAX_LOG_TAIL_LINES} lines back, chunks of at most
 * {@link MAX_LOG_CHUNK_BYTES}, a follow ends after {@link MAX_LOG_FOLLOW_SECONDS}. The agent
 * sends `done: true` last (with `error` when it could not read the logs).
 */
import { z } from 'zod';

/** Most lines a tail may ask for. */
export const MAX_LOG_TAIL_LINES = 10_000;
/** Most bytes of log text in one chunk (the agent splits larger reads). */
export const MAX_LOG_CHUNK_BYTES = 64 * 1024;
/** A follow ends after this long; run `ioms logs -f` again to go on. */
export const MAX_LOG_FOLLOW_SECONDS = 3600;
/** How far back the agent reads each file to find the tail, in bytes. */
export const MAX_LOG_TAIL_BYTES = 4 * 1024 * 1024;


const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const processLogsRequestSchema = z
  .object({
    requestId,
    process: z.string().min(1).max(128),
    /** Lines of each stream to send first (0: none, only what follows). */
    tailLines: z.int().min(0).max(MAX_LOG_TAIL_LINES),
    /** Keep sending what the process writes until stopped or {@link MAX_LOG_FOLLOW_SECONDS}. */
    follow: z.boolean(),
  })
  .strict();
export type ProcessLogsRequest = z.infer<typeof processLogsRequestSchema>;

export const processLogsStopSchema = z.object({ requestId }).strict();

export const LOG_STREAMS = ['stdout', 'stderr'] as const;
export type LogStream = (typeof LOG_STREAMS)[number];

export const processLogLineSchema = z.object({ stream: z.enum(LOG_STREAMS), text: z.string().max(MAX_LOG_CHUNK_BYTES) }).strict();
export type ProcessLogLine = z.infer<typeof processLogLineSchema>;

export const processLogsChunkSchema = z
  .object({
    requestId,
    /** 0, 1, 2 … per request. */
    seq: z.int().min(0),
    lines: z.array(processLogLineSchema).max(MAX_LOG_TAIL_LINES * 2),
    /** The last chunk of this request. */
    done: z.boolean(),
    /** Why the logs could not be read (no such process, unreadable file). */
    error: z.string().max(1024).optional(),
  })
  .strict();
export type ProcessLogsChunk = z.infer<typeof processLogsChunkSchema>;
