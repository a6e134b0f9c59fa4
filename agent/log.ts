/** The agent's logger: JSON lines on stdout (for journald/files), readable text on a terminal. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type AgentLogger = Record<LogLevel, (message: string, fields?: Record<string, unknown>) => void>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createAgentLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => process.stdout.write(l), pretty = process.stdout.isTTY === true): AgentLogger {
  const log = (lvl: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const clean = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? v.message : v]));
    if (pretty) {
      const extra = Object.keys(clean).length ? ` ${JSON.stringify(clean)}` : '';
      write(`${new Date().toISOString().slice(11, 19)} ${lvl.toUpperCase().padEnd(5)} ${message}${extra}\n`);
    } else {
      write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: message, ...clean })}\n`);
    }
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
