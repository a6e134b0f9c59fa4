import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DEFAULT_DATABASE_URL } from '../db/database-url.js';
import { DEFAULT_CHANNEL_NAMESPACE } from './pubsub/pubsub.js';
import { loadMetricsConfig, type MetricsConfig } from './metrics/metrics-config.js';
import { loadSocketBudgets, type SocketBudgetConfig } from './server/socket-budget-config.js';

/** Everything the server reads from its environment. Every field documents its default. */
export interface ServerConfig {
  /** @default '127.0.0.1' (IOMS_HOST) */
  readonly host: string;
  /** @default 8888 (IOMS_PORT) — the port the original IOMServer used; 0 picks a free one. */
  readonly port: number;
  /** @default 'sqlite:.ioms/ioms.db' (IOMS_DATABASE_URL) */
  readonly databaseUrl: string;
  /** @default '.ioms' (IOMS_DATA_DIR) */
  readonly dataDir: string;
  /** Redis pub/sub for several replicas; unset means in-process pub/sub. (IOMS_REDIS_URL) */
  readonly redisUrl?: string;
  /** Namespace of this cluster's Redis channels; give each cluster sharing one Redis its own. @default 'ioms' (IOMS_REDIS_CHANNEL_PREFIX) */
  readonly redisChannelPrefix: string;
  /** PEM files; with both set the server speaks only HTTPS/WSS. (IOMS_TLS_CERT, IOMS_TLS_KEY) */
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  /** Password for the first `admin`; generated and printed once when unset. (IOMS_ADMIN_PASSWORD) */
  readonly adminPassword?: string;
  /** @default 28800 s (IOMS_SESSION_IDLE_SECONDS) — a session unused this long ends. */
  readonly sessionIdleSeconds: number;
  /** @default 604800 s (IOMS_SESSION_MAX_SECONDS) — a session ends this long after login regardless. */
  readonly sessionMaxSeconds: number;
  /** @default 5 (IOMS_LOGIN_MAX_FAILURES_PER_USER) failed logins per user in the window. */
  readonly loginMaxFailuresPerUser: number;
  /** @default 20 (IOMS_LOGIN_MAX_FAILURES_PER_IP) failed logins per client address in the window. */
  readonly loginMaxFailuresPerIp: number;
  /** @default 900 s (IOMS_LOGIN_WINDOW_SECONDS) */
  readonly loginWindowSeconds: number;
  /** Trust X-Forwarded-For from this many proxy hops. @default 0 (IOMS_TRUST_PROXY_HOPS) */
  readonly trustProxyHops: number;
  /** Introspection and detailed validation hints are off in production. (NODE_ENV) */
  readonly production: boolean;
  /** @default 'info' (IOMS_LOG_LEVEL) */
  readonly logLevel: string;
  /** A host is alive while its last heartbeat is younger than this. @default 180 s (IOMS_ALIVE_WINDOW) */
  readonly aliveWindowSeconds: number;
  /** How often liveness is swept for hosts that went quiet. @default 5 s (IOMS_LIVENESS_SWEEP_SECONDS) */
  readonly livenessSweepSeconds: number;
  /** This replica's name on the hosts it holds. @default `<hostname>:<port>` (IOMS_REPLICA_ID) */
  readonly replicaId?: string;
  /** Finished jobs older than this are deleted. @default 90 (IOMS_JOB_RETENTION_DAYS) */
  readonly jobRetentionDays: number;
  /** Raw and rollup retention (IOMS_METRICS_RAW_RETENTION_DAYS = 7, IOMS_METRICS_ROLLUP_RETENTION_DAYS = 400). */
  readonly metrics: MetricsConfig;
  /** Per-connection message budgets of agents' and users' sockets (IOMS_*_SOCKET_*; api/server/socket-budget-config.ts). */
  readonly socketBudgets: SocketBudgetConfig;
}

export class ConfigError extends Error {
  readonly code = 'BAD_CONFIG';
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads `ioms.yaml` in the working directory (keys are the variable names, e.g. `IOMS_PORT: 9000`)
 * and then the environment, which wins.
 */
export function loadServerConfig(env: Env = process.env, cwd = process.cwd()): ServerConfig {
  const merged: Record<string, string | undefined> = { ...readConfigFile(cwd), ...env };
  const int = (name: string, fallback: number, min = 0): number => {
    const raw = merged[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min) throw new ConfigError(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
    return Number(raw);
  };
  const str = (name: string): string | undefined => (merged[name] ? merged[name] : undefined);
  const port = int('IOMS_PORT', 8888);
  if (port > 65535) throw new ConfigError(`IOMS_PORT must be at most 65535, got ${port}`);
  const tlsCert = str('IOMS_TLS_CERT');
  const tlsKey = str('IOMS_TLS_KEY');
  if (Boolean(tlsCert) !== Boolean(tlsKey)) throw new ConfigError('set both IOMS_TLS_CERT and IOMS_TLS_KEY, or neither');
  return {
    host: str('IOMS_HOST') ?? '127.0.0.1',
    port,
    databaseUrl: str('IOMS_DATABASE_URL') ?? DEFAULT_DATABASE_URL,
    dataDir: path.resolve(cwd, str('IOMS_DATA_DIR') ?? '.ioms'),
    redisUrl: str('IOMS_REDIS_URL'),
    redisChannelPrefix: channelPrefix(str('IOMS_REDIS_CHANNEL_PREFIX')),
    tlsCert,
    tlsKey,
    adminPassword: str('IOMS_ADMIN_PASSWORD'),
    sessionIdleSeconds: int('IOMS_SESSION_IDLE_SECONDS', 8 * 3600, 1),
    sessionMaxSeconds: int('IOMS_SESSION_MAX_SECONDS', 7 * 86400, 1),
    loginMaxFailuresPerUser: int('IOMS_LOGIN_MAX_FAILURES_PER_USER', 5, 1),
    loginMaxFailuresPerIp: int('IOMS_LOGIN_MAX_FAILURES_PER_IP', 20, 1),
    loginWindowSeconds: int('IOMS_LOGIN_WINDOW_SECONDS', 900, 1),
    trustProxyHops: int('IOMS_TRUST_PROXY_HOPS', 0),
    production: merged.NODE_ENV === 'production',
    logLevel: str('IOMS_LOG_LEVEL') ?? 'info',
    aliveWindowSeconds: int('IOMS_ALIVE_WINDOW', 180, 1),
    livenessSweepSeconds: int('IOMS_LIVENESS_SWEEP_SECONDS', 5, 1),
    replicaId: str('IOMS_REPLICA_ID'),
    jobRetentionDays: int('IOMS_JOB_RETENTION_DAYS', 90, 1),
    metrics: loadMetricsConfig(merged),
    socketBudgets: loadSocketBudgets(merged),
  };
}

/** Letters, digits, `_`, `.` and `-`: a Redis channel namespace that cannot contain the `:` separator. */
function channelPrefix(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_CHANNEL_NAMESPACE;
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(raw)) throw new ConfigError(`IOMS_REDIS_CHANNEL_PREFIX must be 1 to 64 letters, digits, "_", "." or "-", got "${raw}"`);
  return raw;
}

function readConfigFile(cwd: string): Record<string, string> {
  const file = path.join(cwd, 'ioms.yaml');
  if (!fs.existsSync(file)) return {};
  const doc: unknown = YAML.parse(fs.readFileSync(file, 'utf8'), { maxAliasCount: 0 });
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError(`${file}: expected a mapping of IOMS_* settings`);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!/^IOMS_[A-Z_]+$/.test(key)) throw new ConfigError(`${file}: unknown setting "${key}"`);
    out[key] = String(value);
  }
  return out;
}
