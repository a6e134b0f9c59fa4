import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentError, startAgent, type AgentOptions } from '../../agent/agent.js';
import { createAgentLogger } from '../../agent/log.js';

const logger = createAgentLogger('error');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * A timing below its floor is refused before the agent writes its state or spends the enrollment
 * token: the server in these options is never dialled (nothing listens on port 9 anyway).
 */
describe('agent options below their floor are refused before anything is written', () => {
  it.each<{ name: string; options: Partial<AgentOptions>; message: RegExp }>([
    { name: 'metrics interval 4 s', options: { metricsIntervalMs: 4_000 }, message: /metrics interval must be at least 5 s/ },
    { name: 'result re-send maximum 500 ms', options: { resultResendMaxMs: 500 }, message: /result re-send maximum must be at least 1 s/ },
    { name: 'reconnect maximum 0', options: { reconnectMaxMs: 0 }, message: /reconnect maximum must be at least 1 s/ },
  ])('$name', async ({ options, message }) => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-agent-options-'));
    dirs.push(parent);
    const stateDir = path.join(parent, 'state');
    const err = await startAgent({ server: 'http://127.0.0.1:9', token: 'unused', name: 'opt-host', stateDir, logger, ...options }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AgentError);
    expect((err as AgentError).code).toBe('BAD_OPTION');
    expect((err as AgentError).message).toMatch(message);
    expect(fs.existsSync(stateDir)).toBe(false);
  });
});
