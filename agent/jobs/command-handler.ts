import { MAX_COMMAND_REPORT_BYTES, type CommandInstruction, type CommandInstructionOf } from '../../protocol/index.js';
import { createExecutor, runCommand, type CommandResult, type Executor, type ResultSpool } from '../exec/index.js';
import type { RunCommandOptions } from '../exec/run-command.js';
import type { CommandRequest } from '../exec/command-request.schema.js';
import type { AgentLogger } from '../log.js';
import { isFinalRefusal } from '../link/agent-link.js';
import { setOsPassword } from './set-password.js';
import { DeferredStarts, START_REPORT_GRACE_MS } from './deferred-starts.js';

/** What the handler needs from the rest of the agent for built-in actions. */
export interface BuiltinActions {
  restartProcess(name: string): Promise<void>;
  collectInventory(): Promise<void>;
  download(instruction: CommandInstructionOf<'DOWNLOAD'>): Promise<string>;
  /** Installs a new agent bundle; the agent restarts after reporting. */
  upgrade(instruction: CommandInstructionOf<'UPGRADE_AGENT'>): Promise<string>;
}

/** Where results go; `send` resolves true once the server stored it. */
export interface ResultSink {
  /** `attempt`: the attempt the run answers (see protocol's `attemptSchema`). */
  started(id: string, attempt: number | undefined): Promise<void>;
  send(result: CommandResult): Promise<boolean>;
}

/** First re-send of an unacknowledged result, doubling up to {@link RESEND_MAX_MS}. */
export const RESEND_BASE_MS = 2_000;
/** The longest wait between re-sends unless the agent is told otherwise (`--result-resend-max`). */
export const RESEND_MAX_MS = 30_000;

type Builtin = Exclude<CommandInstruction, { kind: 'SHELL' }>;

/** Timings a deployment or a test may set; the defaults are the product's. */
export interface CommandHandlerOptions {
  /** How long a run goes before its start is reported. @default START_REPORT_GRACE_MS */
  readonly startGraceMs?: number;
  /** The longest wait between re-sends of an unacknowledged result. @default RESEND_MAX_MS */
  readonly resendMaxMs?: number;
}

/**
 * Runs command instructions (one member of the instruction union per action) at most once each (the executor's spool remembers every id),
 * reports them started (only when still running after {@link START_REPORT_GRACE_MS}) and finished, and re-sends results the server has not acknowledged
 * (after a reconnect or an agent restart). Built-in actions go through the same executor, so
 * they too run once per id.
 */
export class CommandHandler {
  private readonly executor: Executor;
  /** Built-in instructions waiting for the executor to call `run` for their id. */
  private readonly pendingBuiltins = new Map<string, Builtin>();
  private resendTimer: NodeJS.Timeout | undefined;
  private resendAttempt = 0;
  private readonly starts: DeferredStarts;
  private readonly resendMaxMs: number;
  /** Result sends in flight, by command id (see {@link deliver}). */
  private readonly sending = new Map<string, Promise<boolean>>();

  constructor(
    private readonly spool: ResultSpool,
    private readonly actions: BuiltinActions,
    private readonly logger: AgentLogger,
    private sink: ResultSink | undefined = undefined,
    options: CommandHandlerOptions = {},
  ) {
    this.resendMaxMs = options.resendMaxMs ?? RESEND_MAX_MS;
    this.starts = new DeferredStarts((id, attempt) => void this.sink?.started(id, attempt).catch(() => undefined), options.startGraceMs ?? START_REPORT_GRACE_MS);
    this.executor = createExecutor({
      spool,
      onStarted: (id, _started, attempt) => this.starts.started(id, attempt),
      run: (request, options) => this.run(request, options),
    });
  }

  /** Call once at start: turns runs cut off by an agent crash into FAILED results to report. */
  async recover(): Promise<void> {
    const lost = await this.executor.recoverInterrupted();
    if (lost.length) this.logger.warn('commands were cut off by the last agent stop; reporting them failed', { ids: lost.map((r) => r.id) });
  }

  /** The link is up: results go to `sink`; anything not yet acknowledged is sent now. */
  async connected(sink: ResultSink): Promise<void> {
    this.sink = sink;
    for (const result of await this.spool.unacked()) await this.deliver(result);
  }

  disconnected(): void {
    this.sink = undefined;
    // A send to the old link is not waited for by the next one.
    this.sending.clear();
    clearTimeout(this.resendTimer);
    this.resendTimer = undefined;
    this.resendAttempt = 0;
  }

  /**
   * Handles one command instruction (validated at the link's edge by `parseInstruction`). A
   * repeat of an id (redelivery, re-ask) shares the run in progress or returns the stored
   * result, which is reported again.
   */
  async handle(i: CommandInstruction): Promise<void> {
    if (i.kind !== 'SHELL') this.pendingBuiltins.set(i.id, i);
    const { timeoutMs, attempt } = i.payload;
    const request = i.kind === 'SHELL' ? { id: i.id, attempt, command: i.payload.command, interpreter: i.payload.interpreter, cwd: i.payload.cwd, env: i.payload.env, timeoutMs } : { id: i.id, attempt, command: `builtin:${i.kind}`, timeoutMs };
    const result = await this.executor.execute(request).finally(() => this.starts.finished(i.id));
    this.pendingBuiltins.delete(i.id);
    await this.deliver(result);
  }

  /**
   * True once the server acknowledged it; otherwise a re-send is scheduled (while connected). A
   * result already on its way is not sent again: a redelivery of its id (the server re-offers a
   * target it has no start or result for after 15 s) waits for that send. Under a server too busy
   * to store results within that time, every re-offer would otherwise add a result to its queue.
   */
  private deliver(result: CommandResult): Promise<boolean> {
    const pending = this.sending.get(result.id);
    if (pending) return pending;
    const send = this.sendOnce(result).finally(() => {
      if (this.sending.get(result.id) === send) this.sending.delete(result.id);
    });
    this.sending.set(result.id, send);
    return send;
  }

  private async sendOnce(result: CommandResult): Promise<boolean> {
    const sink = this.sink;
    if (!sink) return false; // stays unacked; sent on the next connect
    try {
      if (await sink.send(fitReport(result))) {
        await this.spool.ack(result.id);
        return true;
      }
    } catch (err) {
      if (isFinalRefusal(err)) {
        // The server looked at this result and refused it (a command it never sent here, or an
        // attempt it has since superseded): it is audited there once, and re-sending cannot change it.
        this.logger.warn('the server refused a command result for good; it is dropped', { id: result.id, code: err.code, reason: err.message });
        await this.spool.ack(result.id);
        return true;
      }
      this.logger.warn('could not report a command result; it will be sent again', { id: result.id, err: err instanceof Error ? err.message : String(err) });
    }
    this.scheduleResend();
    return false;
  }

  /**
   * While connected, unacknowledged results are sent again on a backoff (the server may have
   * been unable to store them, e.g. during a database outage) — not only after a reconnect.
   */
  private scheduleResend(): void {
    if (this.resendTimer || !this.sink) return;
    const delay = resendDelayMs(this.resendAttempt++, this.resendMaxMs);
    this.resendTimer = setTimeout(() => {
      this.resendTimer = undefined;
      this.resendUnacked().catch((err: unknown) => {
        this.logger.warn('re-sending command results failed', { err: err instanceof Error ? err.message : String(err) });
        this.scheduleResend();
      });
    }, delay);
    this.resendTimer.unref?.();
  }

  private async resendUnacked(): Promise<void> {
    let all = true;
    for (const result of await this.spool.unacked()) if (!(await this.deliver(result))) all = false;
    if (all) this.resendAttempt = 0;
  }

  private async run(request: CommandRequest, options: RunCommandOptions): Promise<CommandResult> {
    const builtin = this.pendingBuiltins.get(request.id);
    if (!builtin) return runCommand(request, options);
    const startedAt = new Date();
    options.onStarted?.({ pid: process.pid, startedAt: startedAt.toISOString() });
    let exitCode = 0;
    let stdout = '';
    let stderr = '';
    let error: string | undefined;
    try {
      const out = await this.runBuiltin(builtin);
      exitCode = out.exitCode;
      stdout = out.stdout;
      stderr = out.stderr;
    } catch (err) {
      exitCode = -1;
      error = err instanceof Error ? err.message : String(err);
    }
    const finishedAt = new Date();
    return {
      id: request.id,
      status: exitCode === 0 ? 'SUCCEEDED' : 'FAILED',
      exitCode,
      stdout,
      stderr,
      stdoutTruncated: false,
      stderrTruncated: false,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      ...(error ? { error } : {}),
    };
  }

  private async runBuiltin(i: Builtin): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    switch (i.kind) {
      case 'RESTART_PROCESS':
        await this.actions.restartProcess(i.payload.processName);
        return { exitCode: 0, stdout: `restarted ${i.payload.processName}\n`, stderr: '' };
      case 'COLLECT_INVENTORY':
        await this.actions.collectInventory();
        return { exitCode: 0, stdout: 'inventory sent\n', stderr: '' };
      case 'SET_PASSWORD':
        return setOsPassword(i.payload.username, i.payload.password, process.platform, i.payload.timeoutMs);
      case 'DOWNLOAD':
        return { exitCode: 0, stdout: `${await this.actions.download(i)}\n`, stderr: '' };
      case 'UPGRADE_AGENT':
        return { exitCode: 0, stdout: `${await this.actions.upgrade(i)}\n`, stderr: '' };
    }
  }
}

/** The wait before re-send number `attempt` (from 0): {@link RESEND_BASE_MS} doubling, capped at `maxMs`. Pure. */
export function resendDelayMs(attempt: number, maxMs = RESEND_MAX_MS): number {
  return Math.min(maxMs, RESEND_BASE_MS * 2 ** attempt);
}

/** Shrinks a result whose JSON would pass the server's report limit (escaping can grow text 6×). */
export function fitReport(result: CommandResult): CommandResult {
  let r = result;
  for (let keep = 512 * 1024; Buffer.byteLength(JSON.stringify(r)) > MAX_COMMAND_REPORT_BYTES - 1024 && keep >= 1024; keep = Math.floor(keep / 2)) {
    r = { ...r, stdout: r.stdout.slice(0, keep), stderr: r.stderr.slice(0, keep), stdoutTruncated: r.stdoutTruncated || r.stdout.length > keep, stderrTruncated: r.stderrTruncated || r.stderr.length > keep };
  }
  return r;
}
