import os from 'node:os';
import { assertSecureUrl, clientTlsOptions } from '../protocol/client-trust.js';
import { inventoryFingerprint, parseInstruction, type CronRunsReport, type ProcessEventsReport } from '../protocol/index.js';
import { collectInventory, createMetricsCollector } from './observe/index.js';
import { AgentLink, type Instruction, type LinkSession } from './link/agent-link.js';
import { DEFAULT_BACKOFF } from './link/backoff.js';
import { postGraphql } from './link/http-graphql.js';
import * as send from './link/reports.js';
import type { AgentLogger } from './log.js';
import { AgentState, type Credential } from './state/agent-state.js';
import { AGENT_VERSION } from './version.js';
import path from 'node:path';
import { ResultSpool } from './exec/index.js';
import { downloadArtifact } from './files/download-artifact.js';
import { CommandHandler } from './jobs/command-handler.js';
import { RestartRecorder } from './supervisor/restart-records.js';
import { ProcessLogs } from './supervisor/process-logs.js';
import { logPathsFor, Supervisor } from './supervisor/index.js';
import { CronRunner, openRebootGate } from './cron/index.js';
import { runCommand } from './exec/index.js';
import { DesiredStateManager } from './desired/desired-state-manager.js';
import { ReportQueue } from './desired/report-queue.js';
import { sendChanges, sendCronRuns, sendObservedState, sendProcessEvents } from './desired/send-reports.js';
import { ChangeSpool } from './desired/change-spool.js';
import { armRollback, installBundle, RESTART_EXIT_CODE } from './upgrade/self-upgrade.js';

export interface AgentOptions {
  /** http(s):// base URL of the server; may be omitted once enrolled. */
  readonly server?: string;
  /** Enrollment token; needed only for the first start. */
  readonly token?: string;
  /** @default os.hostname() */
  readonly name?: string;
  readonly labels?: Record<string, string>;
  readonly stateDir: string;
  /** CA file to trust (copied into the state dir at enrollment). */
  readonly caFile?: string;
  /** Allow plain ws:// to a non-loopback server. @default false */
  readonly insecure?: boolean;
  /** @default 15000 */
  readonly heartbeatIntervalMs?: number;
  /** @default 60000, at least 5000 */
  readonly metricsIntervalMs?: number;
  /** How often managed files are re-hashed and restored. @default 30000 */
  readonly fileCheckIntervalMs?: number;
  /** The longest wait between re-sends of a command result the server has not stored. @default 30000, at least 1000 */
  readonly resultResendMaxMs?: number;
  /** The longest wait between reconnect attempts (and the pace after a refused credential). @default 60000, at least 1000 */
  readonly reconnectMaxMs?: number;
  /** Connect once with the stored credential, print the version, exit 0 (self-upgrade's trial run). */
  readonly trialConnect?: boolean;
  readonly logger: AgentLogger;
}

export class AgentError extends Error {
  constructor(
    readonly code: 'NOT_ENROLLED' | 'ENROLL_FAILED' | 'BAD_OPTION',
    message: string,
  ) {
    super(message);
  }
}

export const MIN_METRICS_INTERVAL_MS = 5_000;
export const MIN_RESULT_RESEND_MS = 1_000;
export const MIN_RECONNECT_MS = 1_000;

const ENROLL = `mutation($token: String!, $name: String!, $labels: JSON) {
  enrollAgent(token: $token, name: $name, labels: $labels) { hostId hostName secret }
}`;

/** A running agent; `stop()` ends it. */
export interface RunningAgent {
  readonly credential: Credential;
  readonly link: AgentLink;
  stop(): Promise<void>;
}

/**
 * Starts the agent: enrolls once with the token (or loads the stored credential), then keeps one
 * connection to the server, reporting inventory on connect and on change, heartbeats and metrics.
 */
export async function startAgent(opts: AgentOptions): Promise<RunningAgent> {
  // Options are checked before anything is written or an enrollment token is spent.
  const heartbeatMs = opts.heartbeatIntervalMs ?? 15_000;
  const metricsMs = opts.metricsIntervalMs ?? 60_000;
  if (metricsMs < MIN_METRICS_INTERVAL_MS) throw new AgentError('BAD_OPTION', `the metrics interval must be at least ${MIN_METRICS_INTERVAL_MS / 1000} s`);
  if (opts.resultResendMaxMs !== undefined && opts.resultResendMaxMs < MIN_RESULT_RESEND_MS) throw new AgentError('BAD_OPTION', `the result re-send maximum must be at least ${MIN_RESULT_RESEND_MS / 1000} s`);
  if (opts.reconnectMaxMs !== undefined && opts.reconnectMaxMs < MIN_RECONNECT_MS) throw new AgentError('BAD_OPTION', `the reconnect maximum must be at least ${MIN_RECONNECT_MS / 1000} s`);
  const state = new AgentState(opts.stateDir);
  state.ensure();
  if (opts.caFile) state.storeCa(opts.caFile);
  const caFile = state.storedCa();
  const tls = clientTlsOptions({ caFile });
  let credential = state.readCredential();
  if (!credential) credential = await enroll(opts, state, tls);
  const serverUrl = opts.server ?? credential.server;
  const checked = assertSecureUrl(serverUrl, { insecure: opts.insecure });
  if (checked.warning) opts.logger.warn(checked.warning);
  const wsUrl = new URL('/graphql', checked.url);
  wsUrl.protocol = checked.url.protocol === 'https:' || checked.url.protocol === 'wss:' ? 'wss:' : 'ws:';

  const log = opts.logger;
  const metrics = createMetricsCollector();
  let heartbeatSeq = 0;
  let sentFingerprint: string | undefined;

  const sendInventory = async (session: LinkSession, force: boolean) => {
    const inventory = await collectInventory({ agentVersion: AGENT_VERSION });
    const fingerprint = inventoryFingerprint(inventory);
    if (!force && fingerprint === sentFingerprint) return;
    await send.sendInventory(session, inventory);
    sentFingerprint = fingerprint;
  };
  const report = (what: string, work: () => Promise<unknown>) => {
    work().catch((err: unknown) => log.warn(`could not send ${what}`, { err: err instanceof Error ? err.message : String(err) }));
  };

  if (opts.trialConnect) return trialConnect(wsUrl.toString(), tls, credential, log);
  const rollback = armRollback(opts.stateDir, (message) => log.error(message));
  let restartAfterReport = false;
  const supervisor = new Supervisor({ stateDir: path.join(opts.stateDir, 'supervisor') });
  const spool = await ResultSpool.open(path.join(opts.stateDir, 'results'));
  let currentSession: LinkSession | undefined;
  const agentAuth = `IomsAgent ${credential.hostId}:${credential.secret}`;
  const commands = new CommandHandler(spool, {
    restartProcess: (name) => supervisor.restart(name),
    collectInventory: async () => {
      if (!currentSession) throw new Error('not connected');
      await sendInventory(currentSession, true);
    },
    download: async (i) => {
      const { artifact, path: dest, mode } = i.payload;
      const result = await downloadArtifact({ url: artifact.url, sha256: artifact.sha256, md5: artifact.md5, dest, mode: mode ? parseInt(mode, 8) : undefined, headers: { authorization: agentAuth }, tls });
      return `${result.path}: ${result.changed ? "written" : "already up to date"} (${result.sizeBytes} bytes, md5 ${result.md5})`;
    },
    upgrade: async (i) => {
      const artifact = i.payload.artifact;
      const message = await installBundle({
        instruction: i,
        stateDir: opts.stateDir,
        download: async (dest) => void (await downloadArtifact({ url: artifact.url, sha256: artifact.sha256, md5: artifact.md5, dest, mode: 0o755, headers: { authorization: agentAuth }, tls })),
        trialArgs: ['--state-dir', opts.stateDir, '--server', serverUrl, ...(opts.insecure ? ['--insecure'] : [])],
      });
      restartAfterReport = true;
      return message;
    },
  }, log, undefined, { resendMaxMs: opts.resultResendMaxMs });
  await commands.recover();

  // Desired state: guarded processes, cron entries, managed files — enforced with or without the server.
  const cron = new CronRunner({ runCommand: (req, o) => runCommand(req, { signal: o.signal }), restartProcess: (name) => supervisor.restart(name), reboot: openRebootGate(opts.stateDir) });
  const processEvents = new ReportQueue<ProcessEventsReport[number]>(500);
  const cronRuns = new ReportQueue<CronRunsReport[number]>(500);
  const changes = await ChangeSpool.open(opts.stateDir);
  // `ioms logs`: the captured output of guarded processes, read on request (protocol/process-logs.schema.ts).
  const processLogs = new ProcessLogs({
    logPaths: (name) => (supervisor.snapshot().some((p) => p.name === name) ? logPathsFor(path.join(opts.stateDir, 'supervisor', 'logs'), name) : undefined),
    send: async (chunk) => {
      if (!currentSession) throw new Error('not connected');
      await send.sendProcessLogs(currentSession, chunk);
    },
  });
  const restartRecords = new RestartRecorder((r) => processEvents.push({ ...r }));
  supervisor.onEvent((e) => {
    restartRecords.onEvent(e);
    if (e.type === 'exited' || e.type === 'fatal' || e.type === 'started') scheduleObserved();
  });
  cron.onRun((r) => {
    cronRuns.push({ name: r.name, startedAt: r.startedAt, finishedAt: r.finishedAt, exitCode: r.exitCode, status: r.status, output: r.output.slice(-65_536) });
    scheduleObserved();
  });
  const desired = new DesiredStateManager({
    stateDir: opts.stateDir,
    supervisor,
    cron,
    logger: log,
    onChange: () => scheduleObserved(),
    onChanges: (made) => void changes.push(made).catch((err: unknown) => log.warn('could not spool changes', { err: err instanceof Error ? err.message : String(err) })),
    fileCheckMs: opts.fileCheckIntervalMs,
    usageReportMs: metricsMs,
    download: async (f, artifact) => {
      return downloadArtifact({ url: artifact.url, sha256: artifact.sha256, md5: artifact.md5, dest: f.path, ...(f.mode ? { mode: parseInt(f.mode, 8) } : {}), headers: { authorization: agentAuth }, tls });
    },
  });
  let observedTimer: NodeJS.Timeout | undefined;
  function scheduleObserved(): void {
    if (observedTimer) return;
    observedTimer = setTimeout(() => {
      observedTimer = undefined;
      if (currentSession) report('the observed state', () => sendObserved(currentSession!));
    }, 200);
  }
  const sendObserved = async (session: LinkSession) => {
    await sendObservedState(session, { hash: desired.hash, observed: desired.observe(), ...(desired.error ? { error: desired.error } : {}) });
  };
  const flushReports = async (session: LinkSession) => {
    restartRecords.flushExpired();
    await processEvents.flush((batch) => sendProcessEvents(session, batch));
    await cronRuns.flush((batch) => sendCronRuns(session, batch));
    await changes.flush((batch) => sendChanges(session, batch));
  };
  await desired.start();

  const link = new AgentLink({
    url: wsUrl.toString(),
    tls,
    connectionParams: { hostId: credential.hostId, secret: credential.secret, agentVersion: AGENT_VERSION },
    logger: log,
    ...(opts.reconnectMaxMs === undefined ? {} : { backoff: { ...DEFAULT_BACKOFF, maxMs: opts.reconnectMaxMs } }),
    onSession: (session) => {
      currentSession = session;
      rollback.connected();
      report('the inventory', () => sendInventory(session, true));
      report('unacknowledged command results', () =>
        commands.connected({
          started: (id, attempt) => send.sendCommandStarted(session, { id, ...(attempt ? { attempt } : {}) }),
          send: async (result) => {
            const stored = await send.sendCommandResult(session, result);
            if (stored && restartAfterReport) {
              log.info('restarting into the new agent bundle');
              setTimeout(() => void link.stop().finally(() => process.exit(RESTART_EXIT_CODE)), 100);
            }
            return stored;
          },
        }),
      );
      report('the observed state', () => sendObserved(session));
      const reports = setInterval(() => report('process and cron records', () => flushReports(session)), 2_000);
      const beat = setInterval(() => {
        report('a heartbeat', () => send.sendHeartbeat(session, { seq: heartbeatSeq++, at: new Date().toISOString(), uptimeSeconds: Math.round(os.uptime()) }));
      }, heartbeatMs);
      const sample = setInterval(() => {
        report('metrics', async () => {
          await send.sendMetrics(session, await metrics.sample());
          await sendInventory(session, false);
        });
      }, metricsMs);
      return () => {
        currentSession = undefined;
        processLogs.stopAll();
        commands.disconnected();
        clearInterval(beat);
        clearInterval(sample);
        clearInterval(reports);
      };
    },
    onInstruction: (raw: Instruction) => {
      const parsed = parseInstruction(raw);
      if (!parsed.ok) {
        log.warn('ignored a malformed instruction', { problem: parsed.problem });
        return;
      }
      const instruction = parsed.instruction;
      switch (instruction.kind) {
        case 'DESIRED_STATE':
          report('the desired state', () => desired.receive(instruction.payload));
          break;
        case 'PROCESS_LOGS':
          void processLogs.start(instruction.payload);
          break;
        case 'PROCESS_LOGS_STOP':
          processLogs.stop(instruction.payload.requestId);
          break;
        case 'SHELL':
        case 'RESTART_PROCESS':
        case 'COLLECT_INVENTORY':
        case 'SET_PASSWORD':
        case 'DOWNLOAD':
        case 'UPGRADE_AGENT':
          report(`the result of ${instruction.id}`, () => commands.handle(instruction));
          break;
        default: {
          const never: never = instruction;
          log.warn('ignored an instruction this agent does not know', { kind: String((never as { kind?: unknown }).kind) });
        }
      }
    },
  });
  link.start();
  log.info('agent started', { host: credential.hostName, hostId: credential.hostId, server: serverUrl, stateDir: opts.stateDir, version: AGENT_VERSION });
  return {
    credential,
    link,
    stop: async () => {
      await link.stop();
      desired.stop();
      cron.stopAll();
      supervisor.detach();
    },
  };
}

async function enroll(opts: AgentOptions, state: AgentState, tls: ReturnType<typeof clientTlsOptions>): Promise<Credential> {
  if (!opts.server || !opts.token) {
    throw new AgentError('NOT_ENROLLED', `not enrolled yet (no credential in ${state.dir}): start once with --server URL --token TOKEN`);
  }
  assertSecureUrl(opts.server, { insecure: opts.insecure });
  const name = opts.name ?? os.hostname();
  let result: { enrollAgent: { hostId: number; hostName: string; secret: string } };
  try {
    result = await postGraphql(opts.server, tls, ENROLL, { token: opts.token, name, labels: opts.labels ?? {} });
  } catch (err) {
    throw new AgentError('ENROLL_FAILED', `enrollment refused: ${err instanceof Error ? err.message : String(err)}`);
  }
  const credential: Credential = { server: opts.server, hostId: result.enrollAgent.hostId, hostName: result.enrollAgent.hostName, secret: result.enrollAgent.secret, enrolledAt: new Date().toISOString() };
  state.writeCredential(credential);
  opts.logger.info('enrolled', { host: credential.hostName, hostId: credential.hostId });
  return credential;
}

/** Self-upgrade's trial: does this bundle connect with the host's credential? Prints its version. */
async function trialConnect(url: string, tls: ReturnType<typeof clientTlsOptions>, credential: Credential, log: AgentLogger): Promise<RunningAgent> {
  const link = new AgentLink({
    url,
    tls,
    connectionParams: { hostId: credential.hostId, secret: credential.secret, agentVersion: AGENT_VERSION, trial: true },
    logger: log,
    onSession: () => {
      process.stdout.write(`${JSON.stringify({ trialVersion: AGENT_VERSION })}\n`);
      setTimeout(() => process.exit(0), 50);
      return () => undefined;
    },
    onInstruction: () => undefined,
  });
  setTimeout(() => process.exit(1), 25_000).unref();
  link.start();
  return { credential, link, stop: () => link.stop() };
}
