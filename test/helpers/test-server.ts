import { Writable } from 'node:stream';
import { loadServerConfig, type ServerConfig } from '../../api/config.js';
import { createLogger } from '../../api/logger.js';
import { startServer, type RunningServer } from '../../api/server/start-server.js';

export const ADMIN_PASSWORD = 'admin-test-password';

/** Log lines a test server wrote, to assert that secrets never reach them. */
export class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    cb();
  }
  text(): string {
    return this.lines.join('\n');
  }
}

export interface TestServer extends RunningServer {
  readonly config: ServerConfig;
  readonly log: LogSink;
}

/** An in-process server on a free loopback port with the given database and settings. */
export async function startTestServer(databaseUrl: string, env: Record<string, string> = {}, opts: { dashboardDir?: string } = {}): Promise<TestServer> {
  const config = loadServerConfig({ IOMS_PORT: '0', IOMS_DATABASE_URL: databaseUrl, IOMS_ADMIN_PASSWORD: ADMIN_PASSWORD, IOMS_LOG_LEVEL: 'debug', ...env }, process.cwd());
  const log = new LogSink();
  const server = await startServer(config, { logger: createLogger('debug', log), onAdminCreated: () => undefined, dashboardDir: opts.dashboardDir });
  return Object.assign(Object.create(server) as RunningServer, server, { config, log });
}
