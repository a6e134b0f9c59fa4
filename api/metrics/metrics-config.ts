import { ConfigError } from '../config.js';

/** How long metrics are kept. Read from the environment by {@link loadMetricsConfig}. */
export interface MetricsConfig {
  /** Raw samples older than this are deleted. @default 7 (IOMS_METRICS_RAW_RETENTION_DAYS) */
  readonly rawRetentionDays: number;
  /** 5-minute and 1-hour rollups older than this are deleted. @default 400 (IOMS_METRICS_ROLLUP_RETENTION_DAYS) */
  readonly rollupRetentionDays: number;
}

export const DEFAULT_RAW_RETENTION_DAYS = 7;
export const DEFAULT_ROLLUP_RETENTION_DAYS = 400;
/** Longest retention accepted (about 27 years): keeps the cutoff arithmetic far from overflow. */
const MAX_RETENTION_DAYS = 10_000;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the metrics settings; an empty or unset variable means the default.
 * @throws ConfigError (code `BAD_CONFIG`) for anything but a whole number of days in 1..10000.
 */
export function loadMetricsConfig(env: Env = process.env): MetricsConfig {
  return {
    rawRetentionDays: days(env, 'IOMS_METRICS_RAW_RETENTION_DAYS', DEFAULT_RAW_RETENTION_DAYS),
    rollupRetentionDays: days(env, 'IOMS_METRICS_ROLLUP_RETENTION_DAYS', DEFAULT_ROLLUP_RETENTION_DAYS),
  };
}

function days(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_RETENTION_DAYS) throw new ConfigError(`${name} must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, got "${raw}"`);
  return n;
}
