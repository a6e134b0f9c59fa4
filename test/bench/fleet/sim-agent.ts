import { clientTlsOptions } from '../../../protocol/client-trust.js';
import { AgentLink, type Instruction, type LinkSession } from '../../../agent/link/agent-link.js';
import { DeferredStarts } from '../../../agent/jobs/deferred-starts.js';
import type { AgentLogger } from '../../../agent/log.js';
import { desiredStateSchema, type ArtifactDigests, type ObservedState } from '../../../manifests/index.js';
import { observeAsApplied } from './fake-applier.js';
import { commandInstructionSchema, isCommandKind, type CommandResultReport } from '../../../protocol/index.js';
import { decideExecution, fakeResult, type ExecutorPolicy } from './fake-executor.js';
import { simulatedInventory, simulatedMetrics } from './fixtures.js';

/** A simulated agent's credential, as the real agent stores it after enrollment. */
export interface SimCredential {
  readonly index: number;
  readonly name: string;
  readonly hostId: number;
  readonly secret: string;
}

/** The events a simulated agent counts (the worker sums them for the orchestrator). */
export interface SimCounters {
  connected: number;
  connections: number;
  refused: number;
  instructions: number;
  commands: number;
  /** Start reports sent (only for commands still running after the start-report window). */
  starts: number;
  results: number;
  resultRetries: number;
  desiredStates: number;
  reportErrors: number;
}

export interface SimAgentOptions {
  readonly url: string;
  readonly credential: SimCredential;
  readonly policy: ExecutorPolicy;
  readonly heartbeatMs: number;
  readonly metricsMs: number;
  readonly counters: SimCounters;
  readonly random: () => number;
  readonly agentVersion: string;
}

const silent: AgentLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

const HEARTBEAT = 'mutation($r: String!) { reportHeartbeat(report: $r) }';
const METRICS = 'mutation($r: String!) { reportMetrics(report: $r) }';
const INVENTORY = 'mutation($r: String!) { reportInventory(report: $r) }';
const OBSERVED = 'mutation($r: String!) { reportObservedState(report: $r) }';
const STARTED = 'mutation($id: String!) { reportCommandStarted(id: $id) }';
const RESULT = 'mutation($r: String!) { reportCommandResult(report: $r) }';

export { observeAsApplied } from './fake-applier.js';

/**
 * One simulated agent: the real agent's link (`agent/link`, graphql-ws, backoff with jitter) and
 * the real agent's operations and report shapes (`protocol/`), with a fake executor instead of
 * processes. Like the real agent it runs a command id at most once, reports it started (when it
 * runs past the start-report window) and finished, and re-sends a result until the server
 * acknowledges it.
 */
export class SimAgent {
  private readonly link: AgentLink;
  private session: LinkSession | undefined;
  private seq = 0;
  /** Results by command id, kept until acknowledged (the real agent's spool), then the id only. */
  private readonly unacked = new Map<string, CommandResultReport>();
  private readonly done = new Set<string>();
  /** Results whose report is on its way (not sent again for a redelivered instruction). */
  private readonly sending = new Set<string>();
  private desiredHash: string | null = null;
  private observed: ObservedState = { processes: [], cron: [], files: [] };
  /** Start reports held back as the real agent's are: a command that ends within the window reports its result only. */
  private readonly starts = new DeferredStarts((id) => this.reportStarted(id));

  constructor(private readonly opts: SimAgentOptions) {
    const c = opts.credential;
    this.link = new AgentLink({
      url: opts.url,
      tls: clientTlsOptions({}),
      connectionParams: { hostId: c.hostId, secret: c.secret, agentVersion: opts.agentVersion },
      logger: {
        ...silent,
        error: () => void opts.counters.refused++,
      },
      random: opts.random,
      onSession: (session) => this.onSession(session),
      onInstruction: (instruction) => this.onInstruction(instruction),
    });
  }

  start(): void {
    this.link.start();
  }

  stop(): Promise<void> {
    return this.link.stop();
  }

  private onSession(session: LinkSession): () => void {
    const counters = this.opts.counters;
    this.session = session;
    counters.connected++;
    counters.connections++;
    const c = this.opts.credential;
    this.report(INVENTORY, JSON.stringify(simulatedInventory(c.name, c.index, this.opts.agentVersion)));
    this.report(OBSERVED, JSON.stringify({ hash: this.desiredHash, observed: this.observed }));
    for (const result of this.unacked.values()) void this.sendResult(result);
    // Spread the periodic reports like a fleet started at different times.
    const phase = Math.round(this.opts.random() * this.opts.heartbeatMs);
    let beat: NodeJS.Timeout | undefined;
    const first = setTimeout(() => {
      beat = setInterval(() => this.report(HEARTBEAT, JSON.stringify({ seq: this.seq++, at: new Date().toISOString(), uptimeSeconds: 3600 })), this.opts.heartbeatMs);
    }, phase);
    const sample = setInterval(() => this.report(METRICS, JSON.stringify(simulatedMetrics(new Date(), this.opts.random))), this.opts.metricsMs);
    return () => {
      this.session = undefined;
      counters.connected--;
      clearTimeout(first);
      clearInterval(beat);
      clearInterval(sample);
    };
  }

  private onInstruction(instruction: Instruction): void {
    this.opts.counters.instructions++;
    if (isCommandKind(instruction.kind)) this.runCommand(instruction);
    else if (instruction.kind === 'DESIRED_STATE') this.applyDesired(instruction.payload);
  }

  private runCommand(message: unknown): void {
    const parsed = commandInstructionSchema.safeParse(message);
    if (!parsed.success) return;
    const i = parsed.data;
    const stored = this.unacked.get(i.id);
    if (stored) return void this.sendResult(stored);
    if (this.done.has(i.id)) return; // acknowledged before: the server holds it
    this.done.add(i.id);
    const decision = decideExecution(this.opts.policy, this.opts.random);
    if (decision.outcome === 'DROP') return;
    this.opts.counters.commands++;
    const startedAt = new Date();
    this.starts.started(i.id, undefined);
    setTimeout(() => {
      this.starts.finished(i.id);
      const result = fakeResult(i, decision.outcome, startedAt, new Date(), this.opts.credential.name);
      this.unacked.set(i.id, result);
      void this.sendResult(result);
    }, decision.afterMs);
  }

  private reportStarted(id: string): void {
    if (!this.session) return;
    this.opts.counters.starts++;
    this.session.request(STARTED, { id }).catch(() => undefined);
  }

  private async sendResult(result: CommandResultReport): Promise<void> {
    const session = this.session;
    if (!session) return; // sent again on the next connect
    // On its way already (a redelivered instruction): that send answers it, as in the real agent.
    if (this.sending.has(result.id)) return;
    this.sending.add(result.id);
    try {
      const r = await session.request<{ reportCommandResult: boolean }>(RESULT, { r: JSON.stringify(result) });
      if (r.reportCommandResult && this.unacked.delete(result.id)) this.opts.counters.results++;
    } catch {
      this.opts.counters.resultRetries++;
      setTimeout(() => void this.sendResult(result), 1000 + this.opts.random() * 1000);
    } finally {
      this.sending.delete(result.id);
    }
  }

  private applyDesired(payload: unknown): void {
    const p = payload as { hash?: unknown; desired?: unknown; artifacts?: Record<string, ArtifactDigests> };
    const desired = desiredStateSchema.safeParse(p.desired);
    if (!desired.success || typeof p.hash !== 'string') return;
    this.opts.counters.desiredStates++;
    this.desiredHash = p.hash;
    this.observed = observeAsApplied(desired.data, 1000 + this.opts.credential.index, p.artifacts ?? {});
    this.report(OBSERVED, JSON.stringify({ hash: this.desiredHash, observed: this.observed }));
  }

  private report(query: string, r: string): void {
    this.session?.request(query, { r }).catch(() => void this.opts.counters.reportErrors++);
  }
}
