/**
 * A real HTTP server with the artifact routes and resolver, on a migrated SQLite database, for
 * the artifact tests (the production server wires the same pieces in start-server.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import express from 'express';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { MikroORM } from '@mikro-orm/core';
import { createArtifactAccess } from '../../api/artifacts/artifact-access.js';
import { createArtifactRouter, type ArtifactRouter } from '../../api/artifacts/artifact-routes.js';
import { ArtifactStore } from '../../api/artifacts/artifact-store.js';
import { ArtifactResolver } from '../../api/artifacts/artifact.resolver.js';
import { ArtifactService } from '../../api/artifacts/artifact.service.js';
import { AuditService } from '../../api/audit/audit.service.js';
import { accessGuard } from '../../api/auth/access.js';
import type { AuthResult } from '../../api/auth/principal.js';
import { SessionService } from '../../api/auth/session.service.js';
import { DateTimeScalar } from '../../api/graphql/scalars.js';
import { bearerToken, clientIp } from '../../api/server/client-ip.js';
import type { Services } from '../../api/services.js';
import { UserService } from '../../api/users/user.service.js';
import { AuditEventRecord, type Role } from '../../db/entities/index.js';
import { migrateDatabase, openDatabase } from '../../db/orm.js';

export const TEST_PASSWORD = 'artifact-test-password';

export interface HarnessOptions {
  readonly maxConcurrentDownloads?: number;
  readonly maxBlobBytes?: number;
}

export interface Harness {
  readonly url: string;
  readonly dir: string;
  readonly storeDir: string;
  readonly orm: MikroORM;
  readonly service: ArtifactService;
  readonly router: ArtifactRouter;
  /** Bearer tokens of the users `admin`, `operator`, `viewer`. */
  readonly tokens: Record<'admin' | 'operator' | 'viewer', string>;
  /** Hashes each host id references (feeds the agent side of ArtifactAccess). */
  readonly hostRefs: Map<number, Set<string>>;
  /** `name@version` → what references it (feeds deleteArtifact and referencedBy). */
  readonly versionRefs: Map<string, string[]>;
  /** Headers that make the test authenticator see agent `hostId`. */
  agentHeaders(hostId: number): Record<string, string>;
  gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] }>;
  auditRows(action: string): Promise<AuditEventRecord[]>;
  close(): Promise<void>;
}

let schemaPromise: Promise<GraphQLSchema> | undefined;
function artifactSchema(): Promise<GraphQLSchema> {
  schemaPromise ??= buildSchema({ resolvers: [ArtifactResolver], globalMiddlewares: [accessGuard], scalarsMap: [{ type: Date, scalar: DateTimeScalar }], validate: false });
  return schemaPromise;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-artifacts-'));
  const orm = await openDatabase(`sqlite:${path.join(dir, 'ioms.db')}`);
  await migrateDatabase(orm);
  const now = () => new Date();
  const audit = new AuditService(now);
  const sessions = new SessionService({ idleSeconds: 3600, maxSeconds: 3600 }, now);
  const users = new UserService(now);
  const tokens = {} as Record<'admin' | 'operator' | 'viewer', string>;
  for (const [username, role] of [['admin', 'ADMIN'], ['operator', 'OPERATOR'], ['viewer', 'VIEWER']] as const) {
    const em = orm.em.fork();
    const user = await users.create(em, { username, password: TEST_PASSWORD, role: role as Role });
    tokens[username] = (await sessions.create(em, user, '127.0.0.1')).token;
  }
  const hostRefs = new Map<number, Set<string>>();
  const versionRefs = new Map<string, string[]>();
  const storeDir = path.join(dir, 'data', 'artifacts');
  const store = await ArtifactStore.open({ dir: storeDir, maxBlobBytes: opts.maxBlobBytes });
  const service = new ArtifactService({ store, now, referencedBy: async (v) => versionRefs.get(`${v.name}@${v.version}`) ?? [] });
  const authenticate = async (req: http.IncomingMessage): Promise<AuthResult> => {
    const agent = req.headers['x-test-agent'];
    if (typeof agent === 'string') return { ok: true, principal: { kind: 'agent', hostId: Number(agent), hostName: `host-${agent}` } };
    return sessions.authenticate(orm.em.fork(), bearerToken(req.headers.authorization), clientIp(req, 0));
  };
  const router = createArtifactRouter({
    service,
    access: createArtifactAccess({ referencedBy: async (hostId) => hostRefs.get(hostId) ?? new Set() }),
    authenticate,
    em: () => orm.em.fork(),
    audit,
    clientIp: (req) => clientIp(req, 0),
    maxConcurrentDownloads: opts.maxConcurrentDownloads,
    retryAfterSeconds: 2,
  });
  const services = { orm, audit, artifacts: service, now } as unknown as Services & { artifacts: ArtifactService };
  const schema = await artifactSchema();
  const app = express();
  app.use(router.router);
  app.post('/graphql', express.json(), async (req, res) => {
    const body = req.body as { query: string; variables?: Record<string, unknown> };
    const auth = await authenticate(req);
    const result = await graphql({ schema, source: body.query, variableValues: body.variables, contextValue: { em: orm.em.fork(), auth, ip: clientIp(req, 0), transport: 'http', services } });
    res.json(result);
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dir,
    storeDir,
    orm,
    service,
    router,
    tokens,
    hostRefs,
    versionRefs,
    agentHeaders: (hostId) => ({ 'x-test-agent': String(hostId) }),
    async gql(query, variables = {}, token) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as never;
    },
    auditRows: (action) => orm.em.fork().find(AuditEventRecord, { action }, { orderBy: { id: 'asc' } }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await orm.close(true);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A file of `sizeBytes` pseudo-random bytes, with its checksums. */
export function makeFile(dir: string, name: string, sizeBytes: number, seed = 1): { file: string; sha256: string; md5: string; sizeBytes: number } {
  const file = path.join(dir, name);
  const block = crypto.createHash('sha512').update(String(seed)).digest();
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < chunk.length; i += block.length) block.copy(chunk, i, 0, Math.min(block.length, chunk.length - i));
  const fd = fs.openSync(file, 'w');
  const sha = crypto.createHash('sha256');
  const md5 = crypto.createHash('md5');
  for (let written = 0, n = 0; written < sizeBytes; n += 1) {
    const part = chunk.subarray(0, Math.min(chunk.length, sizeBytes - written));
    part.writeUInt32LE(n, 0);
    fs.writeSync(fd, part);
    sha.update(part);
    md5.update(part);
    written += part.length;
  }
  fs.closeSync(fd);
  return { file, sha256: sha.digest('hex'), md5: md5.digest('hex'), sizeBytes };
}

/** A PUT of `body` (a file path or a buffer) through Node's http client. */
export function put(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const size = typeof body === 'string' ? fs.statSync(body).size : body.length;
    let responded = false;
    const req = http.request(url, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'content-length': String(size), ...headers } }, (res) => {
      responded = true;
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, json: parseJson(text) });
      });
    });
    req.on('error', (err) => (responded ? undefined : reject(err)));
    if (typeof body === 'string') fs.createReadStream(body).on('error', reject).pipe(req);
    else req.end(body);
  });
}

/** Files in the store directory (blobs and temp files). */
export function storeEntries(h: Harness): string[] {
  return fs.existsSync(h.storeDir) ? fs.readdirSync(h.storeDir).sort() : [];
}

function parseJson(text: string): Record<string, unknown> {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return { text };
  }
}
