import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { desiredStateSchema, EMPTY_DESIRED_STATE, type DesiredState, type FileSpec, type ObservedState } from '../../manifests/index.js';
import type { CronRunner } from '../cron/index.js';
import type { AgentLogger } from '../log.js';
import type { Supervisor } from '../supervisor/index.js';
import { observeFile } from './observe-files.js';
import { extractArchive } from '../files/extract-archive.js';

/** The DESIRED_STATE instruction: a host's whole desired state, its hash, and artifact downloads. */
export const desiredInstructionSchema = z.object({
  revision: z.number().int().nullable(),
  hash: z.string().max(128),
  desired: desiredStateSchema,
  artifacts: z.record(z.string(), z.object({ sha256: z.string(), md5: z.string(), url: z.string() })).default({}),
});
export type DesiredInstruction = z.infer<typeof desiredInstructionSchema>;

/** Writes one managed file from the artifact store (verified, atomic). */
export type PutFile = (file: FileSpec, artifact: DesiredInstruction['artifacts'][string]) => Promise<void>;

const STATE_FILE = 'desired.json';
/** How often managed files are re-hashed, so hand edits are found and restored. @default 30 s */
export const FILE_CHECK_MS = 30_000;

/**
 * Keeps this host in its desired state, with or without the server: the last desired state is
 * kept on disk and enforced again at every start; guarded processes and cron entries keep
 * running while the server is away; managed files are re-checked and restored.
 *
 *   instruction ──▶ validate ──▶ persist ──▶ apply (processes, cron, files) ──▶ report observed
 */
export class DesiredStateManager {
  private current: DesiredInstruction | undefined;
  private lastError: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private readonly opts: {
      stateDir: string;
      supervisor: Supervisor;
      cron: CronRunner;
      putFile: PutFile;
      logger: AgentLogger;
      /** Told after every apply and whenever a file check changed something. */
      onChange: () => void;
      fileCheckMs?: number;
    },
  ) {}

  /** Enforces the desired state kept on disk (at agent start, before any server contact). */
  async start(): Promise<void> {
    const file = path.join(this.opts.stateDir, STATE_FILE);
    if (fs.existsSync(file)) {
      const parsed = desiredInstructionSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (parsed.success) {
        this.current = parsed.data;
        this.opts.logger.info('enforcing the desired state kept on disk', { revision: parsed.data.revision, hash: parsed.data.hash });
        await this.enqueue();
      } else this.opts.logger.warn(`ignored an unreadable ${file}`);
    }
    this.timer = setInterval(() => void this.enqueue(), this.opts.fileCheckMs ?? FILE_CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  get hash(): string | null {
    return this.current?.hash ?? null;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  /** A DESIRED_STATE instruction from the server. */
  async receive(payload: unknown): Promise<void> {
    const parsed = desiredInstructionSchema.safeParse(payload);
    if (!parsed.success) {
      this.opts.logger.warn('ignored a malformed desired state', { issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) });
      return;
    }
    this.current = parsed.data;
    this.persist(parsed.data);
    await this.enqueue();
  }

  /** What this host runs now, for the server's drift computation. */
  async observe(): Promise<ObservedState> {
    const desired = this.current?.desired ?? EMPTY_DESIRED_STATE;
    return {
      processes: this.opts.supervisor.snapshot().map((p) => ({ name: p.name, ...(p.pid ? { pid: p.pid } : {}), state: p.state, restarts: p.restarts, specHash: p.specHash, ...(p.startedAt ? { startedAt: p.startedAt } : {}) })),
      cron: this.opts.cron.snapshot().map((c) => ({ name: c.name, specHash: c.specHash, ...(c.lastRun ? { lastRun: c.lastRun.startedAt } : {}), ...(c.nextRunAt ? { nextRun: c.nextRunAt } : {}) })),
      files: await Promise.all(desired.files.map((f) => observeFile(f))),
    };
  }

  private enqueue(): Promise<void> {
    this.applying = this.applying.then(() => this.apply()).catch((err: unknown) => this.opts.logger.error('applying the desired state failed', { err: err instanceof Error ? err.message : String(err) }));
    return this.applying;
  }

  /** Idempotent: processes and cron compare spec hashes; files are rewritten only when they differ. */
  private async apply(): Promise<void> {
    const instruction = this.current;
    if (!instruction) return;
    const desired: DesiredState = instruction.desired;
    const problems: string[] = [];
    let changed = false;
    for (const f of desired.files) {
      try {
        if (await this.ensureFile(f, instruction)) changed = true;
      } catch (err) {
        problems.push(`${f.path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    try {
      const r = await this.opts.supervisor.apply(desired.processes);
      if (r.started.length + r.restarted.length + r.stopped.length + r.adopted.length > 0) changed = true;
    } catch (err) {
      problems.push(`processes: ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
      const r = this.opts.cron.apply(desired.crontab);
      if (r.added.length + r.replaced.length + r.removed.length > 0) changed = true;
    } catch (err) {
      problems.push(`crontab: ${err instanceof Error ? err.message : String(err)}`);
    }
    const error = problems.length ? problems.join('; ').slice(0, 1000) : undefined;
    if (error !== this.lastError) changed = true;
    this.lastError = error;
    if (error) this.opts.logger.warn('the desired state could not be applied in full', { error });
    if (changed) this.opts.onChange();
  }

  /** Returns true when the file was (re)written. */
  private async ensureFile(f: FileSpec, instruction: DesiredInstruction): Promise<boolean> {
    const artifact = instruction.artifacts[f.artifact];
    const seen = await observeFile(f);
    const wantMd5 = f.md5 ?? artifact?.md5;
    const wantSha = f.sha256 ?? artifact?.sha256;
    const contentOk = seen.exists && (!wantMd5 || seen.md5 === wantMd5) && (!wantSha || seen.sha256 === wantSha);
    const modeOk = !f.mode || !seen.mode || seen.mode === f.mode;
    if (contentOk && modeOk) return this.ensureExtracted(f, seen.sha256!);
    if (contentOk && !modeOk) {
      await fs.promises.chmod(f.path, parseInt(f.mode!, 8));
      return true;
    }
    if (!artifact) throw new Error(`artifact ${f.artifact} is not in the server's store`);
    await this.opts.putFile(f, artifact);
    await this.ensureExtracted(f, artifact.sha256);
    this.opts.logger.info(seen.exists ? 'restored a managed file that differed from its desired content' : 'wrote a managed file', { path: f.path });
    if (f.restartProcess) await this.opts.supervisor.restart(f.restartProcess).catch((err: unknown) => this.opts.logger.warn('could not restart after a file change', { process: f.restartProcess, err: String(err) }));
    return true;
  }

  /** Unpacks `f` into `f.extractTo` once per archive content (a marker file remembers which). */
  private async ensureExtracted(f: FileSpec, sha256: string): Promise<boolean> {
    if (!f.extractTo) return false;
    const marker = path.join(f.extractTo, '.ioms-extracted');
    const done = await fs.promises.readFile(marker, 'utf8').catch(() => '');
    if (done.trim() === `${sha256} ${path.basename(f.path)}`) return false;
    const entries = await extractArchive(f.path, f.extractTo);
    await fs.promises.writeFile(marker, `${sha256} ${path.basename(f.path)}\n`);
    this.opts.logger.info('unpacked a managed archive', { path: f.path, into: f.extractTo, entries });
    return true;
  }

  private persist(instruction: DesiredInstruction): void {
    const file = path.join(this.opts.stateDir, STATE_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(instruction), { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
}
