import { raw, type EntityManager } from '@mikro-orm/core';
import { hostNameProblem, labelKeyProblem, labelValueProblem, MAX_LABELS } from '../../manifests/index.js';
import { EnrollmentTokenRecord, HostRecord, HostStatusEventRecord } from '../../db/entities/index.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import { AppError, badInput, notFound } from '../errors.js';

/** @default 24 h */
export const DEFAULT_TOKEN_TTL_SECONDS = 24 * 3600;
/** @default 1 use */
export const DEFAULT_TOKEN_USES = 1;
export const MAX_TOKEN_USES = 100_000;

export interface NewToken {
  readonly labels?: Record<string, string>;
  readonly ttlSeconds?: number;
  readonly maxUses?: number;
  readonly description?: string;
  readonly createdBy: string;
}

export interface Enrollment {
  readonly token: string;
  readonly name: string;
  readonly labels?: Record<string, string>;
}

/** Why an enrollment was refused: the message for the agent, the reason for the audit row. */
export class EnrollmentRefused extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** Checks a label map from a client; returns it copied. */
export function checkLabels(labels: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = Object.entries(labels ?? {});
  if (entries.length > MAX_LABELS) throw badInput(`at most ${MAX_LABELS} labels`);
  for (const [key, value] of entries) {
    if (typeof value !== 'string') throw badInput(`label ${key}: the value must be a string`);
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem) throw badInput(`label ${key}=${value}: ${problem}`);
    out[key] = value;
  }
  return out;
}

/**
 * Enrollment tokens, and trading one for a per-host credential. A token is stored only as its
 * SHA-256; a use is taken with one conditional UPDATE, so concurrent enrollments cannot exceed
 * the token's uses.
 */
export class EnrollmentService {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async createToken(em: EntityManager, input: NewToken): Promise<{ token: string; record: EnrollmentTokenRecord }> {
    const ttl = input.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
    const maxUses = input.maxUses ?? DEFAULT_TOKEN_USES;
    if (!Number.isInteger(ttl) || ttl < 60 || ttl > 366 * 86400) throw badInput('the token lifetime must be between 1 minute and 366 days');
    if (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > MAX_TOKEN_USES) throw badInput(`uses must be between 1 and ${MAX_TOKEN_USES}`);
    const token = generateToken('iomsenr_');
    const now = this.now();
    const record = em.create(EnrollmentTokenRecord, {
      tokenHash: hashToken(token),
      description: input.description?.slice(0, 255) ?? null,
      labels: checkLabels(input.labels),
      expiresAt: new Date(now.getTime() + ttl * 1000),
      maxUses,
      uses: 0,
      createdBy: input.createdBy,
      createdAt: now,
      revokedAt: null,
    });
    await em.persistAndFlush(record);
    return { token, record };
  }

  list(em: EntityManager): Promise<EnrollmentTokenRecord[]> {
    return em.find(EnrollmentTokenRecord, {}, { orderBy: { id: 'desc' } });
  }

  async revoke(em: EntityManager, id: number): Promise<EnrollmentTokenRecord> {
    const record = await em.findOne(EnrollmentTokenRecord, { id });
    if (!record) throw notFound(`no enrollment token with id ${id}`);
    record.revokedAt ??= this.now();
    await em.flush();
    return record;
  }

  /**
   * Trades a token for a new host and its secret. A name already taken by an enrolled host is
   * refused (its credential is never replaced); a revoked host of that name may be re-enrolled.
   */
  async enroll(em: EntityManager, input: Enrollment, ip: string): Promise<{ host: HostRecord; secret: string }> {
    const nameProblem = hostNameProblem(input.name);
    if (nameProblem) throw badInput(nameProblem);
    const agentLabels = checkLabels(input.labels);
    const now = this.now();
    const token = await em.findOne(EnrollmentTokenRecord, { tokenHash: hashToken(input.token) });
    if (!token) throw new EnrollmentRefused('unknown enrollment token');
    if (token.revokedAt) throw new EnrollmentRefused('the enrollment token has been revoked');
    if (token.expiresAt <= now) throw new EnrollmentRefused('the enrollment token has expired');
    if (token.uses >= token.maxUses) throw new EnrollmentRefused('the enrollment token has no uses left');
    const existing = await em.findOne(HostRecord, { name: input.name });
    if (existing && !existing.revokedAt) {
      throw new EnrollmentRefused(`a host named ${input.name} is already enrolled; revoke it first (ioms host revoke ${input.name}) or pick another --name`);
    }
    return em.transactional(async (tx) => {
      // `uses = uses + 1` in the statement, not a value read earlier: two enrollments that both
      // read uses = n must end at n + 2, and the WHERE keeps the total within max_uses.
      const taken = await tx.nativeUpdate(EnrollmentTokenRecord, { id: token.id, uses: { $lt: token.maxUses }, revokedAt: null, expiresAt: { $gt: now } }, { uses: raw('uses + 1') } as never);
      if (taken !== 1) throw new EnrollmentRefused('the enrollment token was used up meanwhile');
      const secret = generateToken('iomshost_');
      const labels = { ...token.labels, ...agentLabels };
      let host: HostRecord;
      if (existing) {
        host = tx.merge(existing);
        Object.assign(host, { credentialHash: hashToken(secret), agentLabels: labels, revokedAt: null, enrolledAt: now, enrolledWith: token.id, online: false, alive: false });
      } else {
        host = tx.create(HostRecord, { name: input.name, credentialHash: hashToken(secret), agentLabels: labels, serverLabels: {}, enrolledAt: now, enrolledWith: token.id, online: false, alive: false, lastAddress: ip.slice(0, 64) });
      }
      await tx.flush();
      tx.create(HostStatusEventRecord, { hostId: host.id, at: now, change: 'ENROLLED', reason: `token ${token.id}` });
      return { host, secret };
    });
  }
}
