import { afterEach, describe, expect, it } from 'vitest';
import { ResultSpool } from '../../agent/exec/index.js';
import { CommandHandler, type ResultSink } from '../../agent/jobs/command-handler.js';
import { tempDirs } from './helpers.js';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const noActions = { restartProcess: async () => undefined, collectInventory: async () => undefined, download: async () => '', upgrade: async () => '' };
const dirs = tempDirs();
afterEach(() => dirs.cleanup());

/**
 * A command that ends within the start-report window sends its result only (the result carries
 * its start time); one still running when the window passes reports its start first.
 */
describe('the agent’s start report', () => {
  it.each([
    { name: 'a quick command: the result alone', command: 'echo hi', graceMs: 60_000, sent: ['result t7'] },
    { name: 'a command running past the window: started, then the result', command: 'sleep 0.3; echo hi', graceMs: 0, sent: ['started t7 attempt 2', 'result t7'] },
  ])('$name', async ({ command, graceMs, sent }) => {
    const spool = await ResultSpool.open(await dirs.make());
    const log: string[] = [];
    const sink: ResultSink = {
      started: async (id, attempt) => void log.push(`started ${id} attempt ${attempt}`),
      send: async (result) => {
        log.push(`result ${result.id}`);
        return true;
      },
    };
    const handler = new CommandHandler(spool, noActions, quiet, sink, { startGraceMs: graceMs });
    await handler.handle({ id: 't7', kind: 'SHELL', payload: { command, timeoutMs: 10_000, attempt: 2 } });
    expect(log).toEqual(sent);
    expect((await spool.unacked()).map((r) => r.id)).toEqual([]);
    handler.disconnected();
  });
});

/**
 * A result on its way is not sent again for a redelivery of its id (the server re-offers a
 * target with neither start nor result after 15 s): the one send answers both.
 */
describe('a redelivered command whose result is being sent', () => {
  it('sends the result once and acknowledges both deliveries', async () => {
    const spool = await ResultSpool.open(await dirs.make());
    const sent: string[] = [];
    let release: (stored: boolean) => void = () => undefined;
    const answer = new Promise<boolean>((resolve) => (release = resolve));
    const sink: ResultSink = {
      started: async () => undefined,
      send: (result) => {
        sent.push(result.id);
        return answer;
      },
    };
    const handler = new CommandHandler(spool, noActions, quiet, sink);
    const instruction = { id: 't8', kind: 'SHELL', payload: { command: 'echo hi', timeoutMs: 10_000, attempt: 1 } } as const;
    const first = handler.handle(instruction);
    while (sent.length === 0) await new Promise((r) => setTimeout(r, 10));
    const again = handler.handle(instruction);
    // The repeat has its stored result and reaches the delivery (which waits on the send in flight).
    await new Promise((r) => setTimeout(r, 200));
    release(true);
    await Promise.all([first, again]);
    expect(sent).toEqual(['t8']);
    expect(await spool.unacked()).toEqual([]);
    handler.disconnected();
  });
});
