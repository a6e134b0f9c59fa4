import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs; on a terminal they are pretty-printed. Secrets never reach a log line:
 * the redact paths below cover the places they travel.
 */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'req.headers.authorization', 'secret', '*.secret'],
      censor: '[REDACTED]',
    },
  };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino(options);
}
