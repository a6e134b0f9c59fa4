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
    const handler = new CommandHandler(spool, noActions, quiet, sink, graceMs);
    await handler.handle({ id: 't7', kind: 'SHELL', payload: { command, timeoutMs: 10_000, attempt: 2 } });
    expect(log).toEqual(sent);
    expect((await spool.unacked()).map((r) => r.id)).toEqual([]);
    handler.disconnected();
  });
});
