import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The host's credential, written once at enrollment; the server keeps only its hash. */
export const credentialSchema = z.object({
  server: z.string().url(),
  hostId: z.number().int().positive(),
  hostName: z.string().min(1),
  secret: z.string().min(16),
  enrolledAt: z.string(),
});
export type Credential = z.infer<typeof credentialSchema>;

export class AgentStateError extends Error {
  constructor(
    readonly code: 'STATE_UNREADABLE' | 'STATE_INVALID',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const CREDENTIAL_FILE = 'credential.json';
export const CA_FILE = 'ca.pem';

/** The agent's state directory: credential (0600), trusted CA, and what later features keep there. */
export class AgentState {
  constructor(readonly dir: string) {}

  ensure(): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  readCredential(): Credential | undefined {
    const file = path.join(this.dir, CREDENTIAL_FILE);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new AgentStateError('STATE_UNREADABLE', `cannot read ${file}`, { cause: err });
    }
    const parsed = credentialSchema.safeParse(safeJson(text));
    if (!parsed.success) throw new AgentStateError('STATE_INVALID', `${file} is not a valid agent credential; remove it and enroll again`);
    return parsed.data;
  }

  writeCredential(credential: Credential): void {
    this.writePrivate(CREDENTIAL_FILE, `${JSON.stringify(credential, null, 2)}\n`);
  }

  /** Keeps a copy of the CA given at enrollment, so later starts trust the same CA. */
  storeCa(sourceFile: string): string {
    const dest = path.join(this.dir, CA_FILE);
    if (path.resolve(sourceFile) !== dest) this.writePrivate(CA_FILE, fs.readFileSync(sourceFile, 'utf8'), 0o644);
    return dest;
  }

  storedCa(): string | undefined {
    const file = path.join(this.dir, CA_FILE);
    return fs.existsSync(file) ? file : undefined;
  }

  private writePrivate(name: string, content: string, mode = 0o600): void {
    this.ensure();
    const file = path.join(this.dir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w', mode);
    try {
      fs.writeSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, file);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
