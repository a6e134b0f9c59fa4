import { afterEach, describe, expect, it } from 'vitest';
import { ResultSpool } from '../../agent/exec/index.js';
import { CommandHandler, resendDelayMs, type ResultSink } from '../../agent/jobs/command-handler.js';
import { ServerError } from '../../agent/link/agent-link.js';
import type { CommandResult } from '../../agent/exec/index.js';
import { tempDirs } from './helpers.js';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const noActions = { restartProcess: async () => undefined, collectInventory: async () => undefined, download: async () => '', upgrade: async () => '' };
const dirs = tempDirs();
afterEach(() => dirs.cleanup());

/**
 * A result the server refused for good (a command it never sent here, an attempt it superseded)
 * is dropped from the spool and not sent again; any other failure keeps it for a re-send.
 */
describe('the agent and a refused command result', () => {
  it.each([
    { name: 'FORBIDDEN (never sent here, or another attempt): dropped', error: new ServerError('result for t7 refused: it answers attempt 1', 'FORBIDDEN'), kept: false },
    { name: 'NOT_FOUND (no such command): dropped', error: new ServerError('no command t7', 'NOT_FOUND'), kept: false },
    { name: 'DATABASE_UNAVAILABLE: kept for a re-send', error: new ServerError('the database is unavailable', 'DATABASE_UNAVAILABLE'), kept: true },
    { name: 'TOO_MANY_REQUESTS: kept for a re-send', error: new ServerError('slow down', 'TOO_MANY_REQUESTS'), kept: true },
    { name: 'no answer at all: kept for a re-send', error: new Error('no answer within 30000 ms'), kept: true },
  ])('$name', async ({ error, kept }) => {
    const spool = await ResultSpool.open(await dirs.make());
    const sent: CommandResult[] = [];
    const sink: ResultSink = {
      started: async () => undefined,
      send: async (result) => {
        sent.push(result);
        throw error;
      },
    };
    const handler = new CommandHandler(spool, noActions, quiet, sink);
    await handler.handle({ id: 't7', kind: 'SHELL', payload: { command: 'echo hi', timeoutMs: 10_000, attempt: 1 } });
    expect(sent.map((r) => r.stdout)).toEqual(['hi\n']);
    expect((await spool.unacked()).map((r) => r.id)).toEqual(kept ? ['t7'] : []);
    handler.disconnected();
  });
});

/** While connected, an unstored result is sent again on a backoff: 2 s doubling, capped (`--result-resend-max`). */
describe('the wait between re-sends of an unstored result', () => {
  it.each([
    { name: 'the default: 2 s doubling to 30 s', maxMs: undefined, delays: [2_000, 4_000, 8_000, 16_000, 30_000, 30_000] },
    { name: 'capped at 5 s', maxMs: 5_000, delays: [2_000, 4_000, 5_000, 5_000, 5_000, 5_000] },
    { name: 'capped below the first wait: every wait is the cap', maxMs: 1_000, delays: [1_000, 1_000, 1_000, 1_000, 1_000, 1_000] },
  ])('$name', ({ maxMs, delays }) => {
    expect(delays.map((_, attempt) => resendDelayMs(attempt, maxMs))).toEqual(delays);
  });
});
