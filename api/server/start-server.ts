import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { WebSocketServer } from 'ws';
import type { MikroORM } from '@mikro-orm/core';
import { migrateDatabase, openDatabase } from '../../db/orm.js';
import { redactUrl } from '../../db/database-url.js';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import { Gauge } from 'prom-client';
import { RefusalSampler } from './refusal-sampler.js';
import { AuditEventType } from '../audit/audit-event.type.js';
import { AUDIT_TOPIC } from '../audit/audit.resolver.js';
import { afterCommit } from '../audit/audited-unit.js';
import { verifyUtf8Body } from '../auth/unsafe-text.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { SessionService } from '../auth/session.service.js';
import { generatePassword } from '../auth/tokens.js';
import type { ServerConfig } from '../config.js';
import { maskError } from '../errors.js';
import { hardeningRules, MAX_BODY_BYTES, MAX_WS_MESSAGE_BYTES } from '../graphql/limits.js';
import { buildIomsSchema } from '../graphql/schema.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../graphql/database-errors.js';
import { createLogger, type Logger } from '../logger.js';
import { createPubSub, type PubSub } from '../pubsub/pubsub.js';
import type { Services } from '../services.js';
import { loadServerTlsOptions, plainListenWarning } from '../tls/server-options.js';
import os from 'node:os';
import { UserService } from '../users/user.service.js';
import { AgentConnections } from '../hosts/agent-connections.js';
import { EnrollmentService } from '../hosts/enrollment.service.js';
import { HostService } from '../hosts/host.service.js';
import { MetricsWriter } from '../metrics/metrics-writer.service.js';
import { ObservedStateIngest } from '../manifests/observed-state-ingest.js';
import { MetricsMaintenance } from '../metrics/metrics-maintenance.service.js';
import { JobDispatcher } from '../jobs/job-dispatcher.js';
import { JobService } from '../jobs/job.service.js';
import { JobRetention } from '../jobs/job-retention.js';
import { watchAgentClosures, watchAgentFanout } from './agent-link.js';
import { wireArtifacts } from './artifact-wiring.js';
import { ManifestService } from '../manifests/manifest.service.js';
import { Reconciler } from '../reconciler/reconciler.js';
import { bearerToken, clientIp } from './client-ip.js';
import { ConnectionRegistry } from './connections.js';
import { ServerMetrics } from './metrics.js';
import { attachGraphqlWs } from './websocket.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { cookieToken } from '../auth/browser-session.js';
import type { GraphQLContext } from '../graphql/context.js';

/** Messages published inside an audited unit go out once it commits (and not at all if it rolls back). */
function publishAfterCommit(inner: PubSub): PubSub {
  return {
    publish: (topic, payload) => afterCommit(() => inner.publish(topic, payload)),
    publishMany: (topic, payloads) => afterCommit(() => inner.publishMany(topic, payloads)),
    // Local delivery hands out what was already committed and published elsewhere: at once.
    emitLocal: (topic, payload) => inner.emitLocal(topic, payload),
    subscribe: (topic) => inner.subscribe(topic),
    listen: (topic, listener) => inner.listen(topic, listener),
    unlisten: (topic, listener) => inner.unlisten(topic, listener),
    close: () => inner.close(),
  };
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8888 */
  readonly url: string;
  readonly services: Services;
  /** Graceful stop: refuse new work, close sockets, drain requests, close the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  /** Called once with the first admin's generated password (default: logged as a banner). */
  readonly onAdminCreated?: (username: string, password: string | undefined) => void;
  readonly now?: () => Date;
  /** The dashboard's static export. @default web/out */
  readonly dashboardDir?: string;
}

/** How often batched heartbeats are written. */
const HEARTBEAT_FLUSH_MS = 1000;
/** How long /readyz waits for the database before answering 503. */
const READY_TIMEOUT_MS = 2000;
/**
 * Pending connections the kernel queues before accept (capped by net.core.somaxconn). Node's
 * default of 511 overflows when thousands of agents reconnect at once (resets, then backoff).
 */
const LISTEN_BACKLOG = 4096;
/** How often expired sessions are purged. */
const SESSION_PURGE_INTERVAL_MS = 10 * 60_000;

export async function startServer(config: ServerConfig, opts: StartOptions = {}): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const now = opts.now ?? (() => new Date());
  const tls = config.tlsCert && config.tlsKey ? loadServerTlsOptions({ certFile: config.tlsCert, keyFile: config.tlsKey }) : undefined;

  const orm: MikroORM = await openDatabase(config.databaseUrl, { log: (message) => logger.debug({ orm: true }, message) });
  const applied = await migrateDatabase(orm);
  logger.info({ database: redactUrl(config.databaseUrl), migrationsApplied: applied }, 'database ready');

  const pubsub = publishAfterCommit(createPubSub({ redisUrl: config.redisUrl, channelNamespace: config.redisChannelPrefix, logger }));
  const metricsWriter = new MetricsWriter({ orm, logger, now });
  const observed = new ObservedStateIngest(() => orm.em.fork());
  const audit = new AuditService(now, (row) => pubsub.publish(AUDIT_TOPIC, AuditEventType.from(row)));
  const replicaId = config.replicaId ?? `${os.hostname()}:${config.port}`;
  const hosts = new HostService({ pubsub, aliveWindowMs: config.aliveWindowSeconds * 1000, replicaId, now });
  let publicUrl = '';
  // The service tells the dispatcher about changes; the dispatcher reads through the service.
  // Dispatch waits for the audited unit that made the change to commit (afterCommit).
  const jobs: JobService = new JobService({ pubsub, audit, hosts, now, onChange: (jobId) => afterCommit(() => void dispatcher.pump(jobId)) });
  const dispatcher: JobDispatcher = new JobDispatcher({ orm, pubsub, jobs, logger, now, serverUrl: () => publicUrl });
  const sessions = new SessionService({ idleSeconds: config.sessionIdleSeconds, maxSeconds: config.sessionMaxSeconds }, now);
  const artifacts = await wireArtifacts({ orm, dataDir: config.dataDir, audit, sessions, hosts, logger, trustProxyHops: config.trustProxyHops, now, markHost: (id) => reconciler.mark(id) });
  // With Redis, every replica reconciles the hosts it holds; without, this server holds them all.
  const reconciler = new Reconciler({ orm, pubsub, logger, now, serverUrl: () => publicUrl, replicaId: config.redisUrl ? replicaId : undefined });
  const refusals = new RefusalSampler<AuditEntry>((burst) => {
    logger.warn({ actor: burst.first.actor, action: burst.first.action, more: burst.more }, 'more refusals in the same burst');
    audit.record(orm.em.fork(), { ...burst.first, reason: `${burst.more} more refused in this burst after: ${burst.first.reason ?? ''}`.slice(0, 1024) }).catch((err: unknown) => logger.error({ err }, 'could not audit a burst of refusals'));
  });
  const services: Services = {
    config,
    refusals,
    orm,
    logger,
    pubsub,
    audit,
    sessions,
    artifacts: artifacts.service,
    manifests: new ManifestService(),
    reconciler,
    throttle: new LoginThrottle({ maxFailuresPerUser: config.loginMaxFailuresPerUser, maxFailuresPerIp: config.loginMaxFailuresPerIp, windowSeconds: config.loginWindowSeconds }, () => orm.em.fork(), now),
    users: new UserService(now),
    connections: new ConnectionRegistry(),
    hosts,
    jobs,
    dispatcher,
    enrollment: new EnrollmentService(now),
    agentConnections: new AgentConnections(),
    metrics: metricsWriter,
    observed,
    now,
  };
  await services.hosts.releaseReplica(orm.em.fork());
  const metricsMaintenance = new MetricsMaintenance({ orm, logger, config: config.metrics, now });
  metricsMaintenance.start();
  const stopWatchingClosures = watchAgentClosures(services);
  const stopWatchingFanout = watchAgentFanout(services);

  const admin = await services.users.ensureAdmin(orm.em.fork(), config.adminPassword, generatePassword);
  if (admin.created) {
    if (opts.onAdminCreated) opts.onAdminCreated('admin', admin.generatedPassword);
    else if (admin.generatedPassword) logger.warn(`first start: created user "admin" with password ${admin.generatedPassword} (shown once; change it with \`ioms user set admin --password\`)`);
    else logger.info('first start: created user "admin" with the password from IOMS_ADMIN_PASSWORD');
  }

  const schema = await buildIomsSchema(pubsub);
  const metrics = new ServerMetrics();
  new Gauge({
    name: 'ioms_refusals_total',
    help: 'Refused agent reports and over-budget socket messages since start, by kind',
    labelNames: ['kind'] as const,
    registers: [metrics.registry],
    collect() {
      for (const [kind, n] of refusals.totals) this.set({ kind }, n);
    },
  });
  const app = express();
  app.disable('x-powered-by');
  const server = tls ? https.createServer(tls, app) : http.createServer(app);
  const wsServer = new WebSocketServer({ server, path: '/graphql', maxPayload: MAX_WS_MESSAGE_BYTES });
  const ws = attachGraphqlWs({ wsServer, schema, services, metrics });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: hardeningRules(config.production),
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, original) => isDatabaseUnavailable(original) ? (logger.warn({ err: original }, 'an operation failed: database unavailable'), databaseUnavailable(formatted)) : maskError(formatted, original, (err) => logger.error({ err }, 'unexpected error in a GraphQL operation')),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), { serverWillStart: async () => ({ drainServer: () => ws.dispose() }) }],
  });
  await apollo.start();

  app.use(metrics.middleware());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      // Bounded: while the database is away a query may wait for a connection for a long time.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([orm.em.getConnection().execute('select 1'), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS)))]).finally(() => clearTimeout(timer));
      res.json({ status: 'ready' });
    } catch (err) {
      logger.warn({ err }, 'readiness check failed: database unreachable');
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  app.get('/metrics', async (_req, res) => {
    metrics.openSockets.set(wsServer.clients.size);
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // Artifact uploads and downloads stream raw bodies: mounted before (never behind) express.json.
  app.use(artifacts.routes.router);
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES, verify: verifyUtf8Body }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const ip = clientIp(req, config.trustProxyHops);
        const em = orm.em.fork();
        const auth = await services.sessions.authenticate(em, bearerToken(req.headers.authorization) ?? cookieToken(req), ip);
        return { em, auth, ip, userAgent: req.headers['user-agent'], transport: 'http' as const, services };
      },
    }),
  );
  app.use(dashboardRoutes({ schema, services, secure: Boolean(tls), dir: opts.dashboardDir }));
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err }, 'unexpected HTTP error');
    const message = err.type === 'entity.too.large' ? `request body over ${MAX_BODY_BYTES} bytes` : status === 500 ? 'internal server error' : err.message;
    res.status(status).json({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
  });

  // Node's default 300 s request timeout would cut large uploads on slow links.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `${tls ? 'https' : 'http'}://${hostForUrl}:${port}`;
  publicUrl = url;
  dispatcher.start();
  reconciler.start();
  const jobRetention = new JobRetention(orm, config.jobRetentionDays, logger, now);
  jobRetention.start();
  const plainWarning = tls ? undefined : plainListenWarning(config.host, port);
  if (plainWarning) logger.warn(plainWarning);
  logger.info({ url, tls: Boolean(tls) }, 'IOMS server listening');

  const purge = setInterval(() => {
    services.sessions.purgeExpired(orm.em.fork()).catch((err: unknown) => logger.warn({ err }, 'session purge failed'));
    services.throttle.purge().catch((err: unknown) => logger.warn({ err }, 'login-attempt purge failed'));
  }, SESSION_PURGE_INTERVAL_MS);
  purge.unref();
  const beats = setInterval(() => {
    services.hosts.flushHeartbeats(orm.em.fork()).catch((err: unknown) => logger.warn({ err }, 'storing heartbeats failed'));
  }, HEARTBEAT_FLUSH_MS);
  beats.unref();
  const sweep = setInterval(() => {
    services.hosts.sweep(orm.em.fork()).catch((err: unknown) => logger.warn({ err }, 'liveness sweep failed'));
  }, config.livenessSweepSeconds * 1000);
  sweep.unref();

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearInterval(purge);
      clearInterval(sweep);
      clearInterval(beats);
      await services.hosts.flushHeartbeats(orm.em.fork()).catch(() => undefined);
      dispatcher.stop();
      jobRetention.stop();
      reconciler.stop();
      stopWatchingClosures();
      refusals.close();
      stopWatchingFanout();
      await apollo.stop();
      await services.agentConnections.settled();
      await reconciler.idle();
      await dispatcher.idle();
      await metricsMaintenance.stop();
      await metricsWriter.close();
      await observed.settled();
      await pubsub.close();
      await orm.close(true);
      logger.info('IOMS server stopped');
    })();
    return closing;
  };
  return { url, services, close };
}
