import { ConfigError } from '../config.js';
import { AGENT_BUDGET, type BudgetPolicy, OVER_BUDGET_COOLDOWN_MS, USER_BUDGET } from './socket-budget.js';

/** Per-connection message budgets (`socket-budget.ts`). Read from the environment by {@link loadSocketBudgets}. */
export interface SocketBudgetConfig {
  /** An agent's socket. @default {@link AGENT_BUDGET} */
  readonly agent: BudgetPolicy;
  /** A dashboard's or CLI's socket. @default {@link USER_BUDGET} */
  readonly user: BudgetPolicy;
  /** How long an agent closed for exceeding its budget is refused at once on reconnect. @default 30 000 ms */
  readonly cooldownMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Largest value accepted for any budget setting: far past any real use, far from overflow. */
const MAX_SETTING = 1_000_000;

/**
 * The settings, each with its default; an empty or unset variable means the default.
 *
 * | variable | default |
 * |---|---|
 * | IOMS_AGENT_SOCKET_RATE / IOMS_USER_SOCKET_RATE | 20 / 20 messages per second |
 * | IOMS_AGENT_SOCKET_BURST / IOMS_USER_SOCKET_BURST | 200 / 100 messages |
 * | IOMS_AGENT_REFUSED_REPORT_COST | 10 extra messages per refused report |
 * | IOMS_SOCKET_CLOSE_AFTER_REFUSALS | 200 refusals … |
 * | IOMS_SOCKET_REFUSAL_WINDOW_SECONDS | … within 10 s close the socket (4429) |
 * | IOMS_AGENT_SOCKET_COOLDOWN_SECONDS | 30 s before a closed agent may connect again |
 *
 * @throws ConfigError (code `BAD_CONFIG`) naming the variable, for anything but a whole number in range.
 */
export function loadSocketBudgets(env: Env): SocketBudgetConfig {
  const int = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > MAX_SETTING) throw new ConfigError(`${name} must be a whole number from ${min} to ${MAX_SETTING}, got "${raw}"`);
    return n;
  };
  const closeAfterRefusals = int('IOMS_SOCKET_CLOSE_AFTER_REFUSALS', AGENT_BUDGET.closeAfterRefusals, 1);
  const refusalWindowMs = int('IOMS_SOCKET_REFUSAL_WINDOW_SECONDS', AGENT_BUDGET.refusalWindowMs / 1000, 1) * 1000;
  const agent: BudgetPolicy = {
    ratePerSecond: int('IOMS_AGENT_SOCKET_RATE', AGENT_BUDGET.ratePerSecond, 1),
    burst: int('IOMS_AGENT_SOCKET_BURST', AGENT_BUDGET.burst, 1),
    refusedReportCost: int('IOMS_AGENT_REFUSED_REPORT_COST', AGENT_BUDGET.refusedReportCost, 0),
    closeAfterRefusals,
    refusalWindowMs,
  };
  const user: BudgetPolicy = {
    ratePerSecond: int('IOMS_USER_SOCKET_RATE', USER_BUDGET.ratePerSecond, 1),
    burst: int('IOMS_USER_SOCKET_BURST', USER_BUDGET.burst, 1),
    refusedReportCost: USER_BUDGET.refusedReportCost,
    closeAfterRefusals,
    refusalWindowMs,
  };
  for (const [who, p] of [['AGENT', agent], ['USER', user]] as const) {
    if (p.burst < p.ratePerSecond) throw new ConfigError(`IOMS_${who}_SOCKET_BURST (${p.burst}) must be at least IOMS_${who}_SOCKET_RATE (${p.ratePerSecond}): a socket could never use a full second's budget`);
  }
  return { agent, user, cooldownMs: int('IOMS_AGENT_SOCKET_COOLDOWN_SECONDS', OVER_BUDGET_COOLDOWN_MS / 1000, 0) * 1000 };
}
