import os from 'node:os';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { parseLabels } from '../manifests/index.js';
import { createAgentLogger, type LogLevel } from './log.js';
import { defaultStateDir } from './service/state-dir.js';
import { agentV8Flags, applyAgentV8Flags } from './v8-flags.js';

export interface AgentCommandOptions {
  server?: string;
  token?: string;
  name?: string;
  labels?: string;
  stateDir?: string;
  ca?: string;
  insecure?: boolean;
  metricsInterval?: string;
  heartbeatInterval?: string;
  fileCheckInterval?: string;
  resultResendMax?: string;
  reconnectMax?: string;
  trialConnect?: boolean;
  logLevel?: string;
}

/** `5s`, `1m`, `60` (seconds) → ms. */
export function intervalMs(text: string, flag: string): number {
  const m = /^(\d+)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new Error(`${flag}: "${text}" is not a duration (e.g. 15s, 1m)`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}

/**
 * `ioms agent`: run the agent in the foreground (service managers run exactly this). Environment
 * fallbacks: IOMS_SERVER_URL, IOMS_ENROLL_TOKEN, IOMS_AGENT_NAME, IOMS_AGENT_LABELS, IOMS_AGENT_STATE_DIR;
 * IOMS_AGENT_V8_FLAGS replaces the V8 flags the agent sets on itself (`v8-flags.ts`).
 */
export function registerAgentCommand(program: Command): Command {
  return program
    .command('agent')
    .description('run the IOMS agent: enroll once with a token, then stay connected to the server')
    .option('--server <url>', 'server URL, e.g. https://ioms.example.com:8888 (IOMS_SERVER_URL)')
    .option('--token <token>', 'enrollment token, needed the first time only (IOMS_ENROLL_TOKEN)')
    .option('--name <name>', 'host name to enroll as (IOMS_AGENT_NAME; default: this machine’s hostname)')
    .option('--labels <k=v,...>', 'labels for this host (IOMS_AGENT_LABELS)')
    .option('--state-dir <dir>', 'where the credential and state live (IOMS_AGENT_STATE_DIR)')
    .option('--ca <file>', 'trust this CA for the server (stored in the state dir)')
    .option('--insecure', 'allow plain ws:// to a non-loopback server')
    .option('--metrics-interval <duration>', 'how often to send metrics (at least 5s)', '60s')
    .option('--heartbeat-interval <duration>', 'how often to send a heartbeat', '15s')
    .option('--file-check-interval <duration>', 'how often managed files are re-checked and restored', '30s')
    .option('--reconnect-max <duration>', 'longest wait between attempts to reconnect to the server (at least 1s)', '60s')
    .option('--result-resend-max <duration>', 'longest wait between re-sends of a command result the server has not stored (at least 1s)', '30s')
    .addOption(new Option('--trial-connect', 'connect once and exit (used by self-upgrade)').hideHelp())
    .option('--log-level <level>', 'debug, info, warn or error', 'info')
    .action(async (o: AgentCommandOptions, cmd: Command) => {
      // Before anything else runs: memory over speed for a process that mostly waits (v8-flags.ts).
      applyAgentV8Flags(agentV8Flags(process.env));
      // --server, --ca and --insecure are also global options of the full `ioms` CLI, which may take them first.
      const globals = cmd.optsWithGlobals<{ server?: string; ca?: string; insecure?: boolean }>();
      const env = process.env;
      const logger = createAgentLogger((o.logLevel ?? 'info') as LogLevel);
      const labels = o.labels ?? env.IOMS_AGENT_LABELS;
      const stateDir = path.resolve(o.stateDir ?? env.IOMS_AGENT_STATE_DIR ?? defaultStateDir({ platform: process.platform, uid: process.getuid?.(), env, homedir: os.homedir() }));
      // Loaded here, not at the top: every other `ioms` command would pay for the whole agent.
      const { startAgent } = await import('./agent.js');
      const agent = await startAgent({
        server: o.server ?? globals.server ?? env.IOMS_SERVER_URL,
        token: o.token ?? env.IOMS_ENROLL_TOKEN,
        name: o.name ?? env.IOMS_AGENT_NAME,
        labels: labels ? parseLabels(labels) : undefined,
        stateDir,
        caFile: o.ca ?? globals.ca,
        insecure: Boolean(o.insecure ?? globals.insecure),
        metricsIntervalMs: intervalMs(o.metricsInterval ?? '60s', '--metrics-interval'),
        heartbeatIntervalMs: intervalMs(o.heartbeatInterval ?? '15s', '--heartbeat-interval'),
        fileCheckIntervalMs: intervalMs(o.fileCheckInterval ?? '30s', '--file-check-interval'),
        resultResendMaxMs: intervalMs(o.resultResendMax ?? '30s', '--result-resend-max'),
        reconnectMaxMs: intervalMs(o.reconnectMax ?? '60s', '--reconnect-max'),
        trialConnect: Boolean(o.trialConnect),
        logger,
      });
      const stop = (signal: string) => {
        logger.info(`${signal}: stopping`);
        agent.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
}
