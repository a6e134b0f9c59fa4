import path from 'node:path';
import type { Command } from 'commander';
import { ApiClient } from './api-client.js';
import { readCliConfig, type CliConfig } from './config-file.js';
import { parseFormat, type OutputFormat } from './output.js';

export const DEFAULT_SERVER = 'http://127.0.0.1:8888';

/** The global flags every command sees. */
export interface GlobalOptions {
  server?: string;
  output?: string;
  ca?: string;
  insecure?: boolean;
}

export interface CommandContext {
  readonly format: OutputFormat;
  readonly config: CliConfig;
  readonly server: string;
  readonly caFile?: string;
  /**
   * A client with the saved token. Without one (not logged in to this server) the request still
   * goes out, so an unreachable server is reported as unreachable; the server's UNAUTHENTICATED
   * answer then becomes "not logged in to SERVER" when `requireLogin`.
   */
  client(requireLogin?: boolean): ApiClient;
}

/** Resolves flags > IOMS_SERVER_URL > the saved config > the default. */
export function commandContext(cmd: Command): CommandContext {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const config = readCliConfig();
  const server = opts.server ?? process.env.IOMS_SERVER_URL ?? config.server ?? DEFAULT_SERVER;
  const sameServer = !opts.server || opts.server === config.server;
  const caFile = opts.ca ? path.resolve(opts.ca) : sameServer ? config.ca : undefined;
  return {
    format: parseFormat(opts.output),
    config,
    server,
    caFile,
    client(requireLogin = true) {
      const token = sameServer ? config.token : undefined;
      return new ApiClient({ server, token, caFile, insecure: opts.insecure, loginHint: requireLogin });
    },
  };
}
