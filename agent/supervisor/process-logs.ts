/**
 * Serves `ioms logs`: reads a guarded process's captured stdout and stderr (log-files.ts) and
 * sends them to the server in bounded chunks; with `follow`, polls the files for what is
 * appended until stopped, the link drops, or MAX_LOG_FOLLOW_SECONDS pass.
 *
 * The files are written by the child directly and capped "copytruncate" style, so a file that
 * got shorter than the offset read so far was rotated: reading starts again at 0.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  MAX_LOG_CHUNK_BYTES,
  MAX_LOG_FOLLOW_SECONDS,
  MAX_LOG_TAIL_BYTES,
  type LogStream,
  type ProcessLogLine,
  type ProcessLogsChunk,
  type ProcessLogsRequest,
} from '../../protocol/index.js';
import type { LogPaths } from './log-files.js';

/** @default how often a follow looks for new output */
export const LOG_POLL_MS = 500;

/** Bytes [from, to) of `path`, or undefined when it cannot be read. Also returns the size. */
function readRange(path: string, from: number, maxBytes: number): { bytes: Buffer; size: number } | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, Math.min(from, size));
    const length = Math.min(maxBytes, size - start);
    const bytes = Buffer.alloc(Math.max(0, length));
    const read = length > 0 ? readSync(fd, bytes, 0, length, start) : 0;
    return { bytes: bytes.subarray(0, read), size };
  } finally {
    closeSync(fd);
  }
}

/** The last `n` complete-or-not lines of a file (and of its rotated `.1` when the file has fewer). */
export function tailFile(path: string, n: number, maxBytes = MAX_LOG_TAIL_BYTES): { lines: string[]; size: number } {
  const current = readRange(path, 0, 0);
  const size = current?.size ?? 0;
  if (n === 0) return { lines: [], size };
  const read = (p: string, s: number) => {
    const r = readRange(p, Math.max(0, s - maxBytes), maxBytes);
    const text = r ? r.bytes.toString('utf8') : '';
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    // A read that started mid-file begins mid-line: drop that partial first line.
    if (s > maxBytes) lines.shift();
    return lines;
  };
  let lines = read(path, size);
  if (lines.length < n) {
    const older = readRange(`${path}.1`, 0, 0);
    if (older) lines = [...read(`${path}.1`, older.size), ...lines];
  }
  return { lines: lines.slice(-n), size };
}

/** Splits lines into chunks of at most MAX_LOG_CHUNK_BYTES of text (a longer line is cut). */
export function chunkLines(lines: readonly ProcessLogLine[], maxBytes = MAX_LOG_CHUNK_BYTES): ProcessLogLine[][] {
  const chunks: ProcessLogLine[][] = [];
  let current: ProcessLogLine[] = [];
  let bytes = 0;
  for (const line of lines) {
    const text = Buffer.byteLength(line.text) > maxBytes ? Buffer.from(line.text).subarray(0, maxBytes - 16).toString('utf8') + ' [line cut]' : line.text;
    const size = Buffer.byteLength(text) + 32;
    if (current.length && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ stream: line.stream, text });
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

export interface ProcessLogsOptions {
  /** The log files of a guarded process, or undefined when this host guards no such process. */
  readonly logPaths: (process: string) => LogPaths | undefined;
  /** Sends one chunk to the server. */
  readonly send: (chunk: ProcessLogsChunk) => Promise<unknown>;
  readonly pollMs?: number;
  readonly maxFollowMs?: number;
}

interface Follow {
  timer: NodeJS.Timeout;
  deadline: NodeJS.Timeout;
  stop(): void;
}

export class ProcessLogs {
  private readonly follows = new Map<string, Follow>();

  constructor(private readonly opts: ProcessLogsOptions) {}

  /** Answers one request: the tail, then (with follow) what is appended. Never throws. */
  async start(req: ProcessLogsRequest): Promise<void> {
    let seq = 0;
    const send = (lines: ProcessLogLine[], done: boolean, error?: string) => this.opts.send({ requestId: req.requestId, seq: seq++, lines, done, ...(error ? { error } : {}) });
    const paths = this.opts.logPaths(req.process);
    if (!paths) return void (await send([], true, `no guarded process named "${req.process}" on this host`).catch(() => undefined));
    const streams: [LogStream, string][] = [
      ['stdout', paths.stdout],
      ['stderr', paths.stderr],
    ];
    const offsets = new Map<LogStream, number>();
    const first: ProcessLogLine[] = [];
    for (const [stream, path] of streams) {
      const tail = tailFile(path, req.tailLines);
      offsets.set(stream, tail.size);
      first.push(...tail.lines.map((text) => ({ stream, text })));
    }
    try {
      const chunks = chunkLines(first);
      if (!req.follow) {
        for (const [i, c] of chunks.entries()) await send(c, i === chunks.length - 1);
        if (chunks.length === 0) await send([], true);
        return;
      }
      for (const c of chunks) await send(c, false);
    } catch {
      return;
    }
    const partial = new Map<LogStream, string>();
    let sending = Promise.resolve();
    const poll = () => {
      const lines: ProcessLogLine[] = [];
      for (const [stream, path] of streams) {
        const from = offsets.get(stream) ?? 0;
        const r = readRange(path, from, MAX_LOG_TAIL_BYTES);
        if (!r) continue;
        if (r.size < from) {
          offsets.set(stream, 0); // rotated: read from the start next time
          continue;
        }
        offsets.set(stream, from + r.bytes.length);
        const text = (partial.get(stream) ?? '') + r.bytes.toString('utf8');
        const parts = text.split('\n');
        const rest = parts.pop() ?? '';
        partial.set(stream, rest.length > MAX_LOG_CHUNK_BYTES ? '' : rest);
        if (rest.length > MAX_LOG_CHUNK_BYTES) parts.push(rest);
        lines.push(...parts.map((t) => ({ stream, text: t })));
      }
      if (lines.length) sending = sending.then(async () => void (await Promise.all(chunkLines(lines).map((c) => send(c, false))))).catch(() => this.stop(req.requestId));
    };
    const timer = setInterval(poll, this.opts.pollMs ?? LOG_POLL_MS);
    const deadline = setTimeout(() => this.stop(req.requestId, 'the follow reached its time limit'), this.opts.maxFollowMs ?? MAX_LOG_FOLLOW_SECONDS * 1000);
    timer.unref();
    deadline.unref();
    this.follows.set(req.requestId, {
      timer,
      deadline,
      stop: () => void sending.then(() => send([], true)).catch(() => undefined),
    });
  }

  /** Ends a follow (the reader went away, or the time limit); sends the final chunk. */
  stop(requestId: string, _why?: string): void {
    const f = this.follows.get(requestId);
    if (!f) return;
    this.follows.delete(requestId);
    clearInterval(f.timer);
    clearTimeout(f.deadline);
    f.stop();
  }

  /** Ends every follow without sending (the link dropped). */
  stopAll(): void {
    for (const [id, f] of this.follows) {
      clearInterval(f.timer);
      clearTimeout(f.deadline);
      this.follows.delete(id);
    }
  }
}
