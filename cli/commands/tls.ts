/**
 * `ioms tls init`: the quick secure setup. Creates a private CA and a server certificate and
 * tells the operator what to give the server, the agents and the CLI.
 */
import { hostname as osHostname } from 'node:os';
import { join, resolve } from 'node:path';

import { type Command } from 'commander';

import { isLoopbackHost } from '../../protocol/client-trust.js';
import { describeSubjectAltNames, parseSubjectAltNames } from '../../api/tls/subject-alt-names.js';
import { TlsError } from '../../api/tls/tls-error.js';
import { DEFAULT_SERVER_DAYS, writeTlsMaterial, type TlsMaterial } from '../../api/tls/tls-material.js';

/** Test seams for the command; production defaults in brackets. */
export interface TlsCommandDeps {
  /** [process.env] for IOMS_DATA_DIR and IOMS_PORT */
  readonly env?: NodeJS.ProcessEnv;
  /** [console.log] one line of output */
  readonly print?: (line: string) => void;
  /** [os.hostname] the default certificate name when --hosts is not given */
  readonly hostname?: () => string;
  /** [new Date()] */
  readonly now?: () => Date;
}

export interface TlsInitOptions {
  /** Comma-separated names and IPs. @default this machine's host name */
  readonly hosts?: string;
  /** @default <IOMS_DATA_DIR or .ioms>/tls */
  readonly dir?: string;
  /** Server certificate validity, as typed. @default DEFAULT_SERVER_DAYS */
  readonly days?: string;
  readonly force?: boolean;
  readonly reuseCa?: boolean;
}

/** Adds `ioms tls init` to the program. */
export function registerTlsCommands(program: Command, deps: TlsCommandDeps = {}): void {
  const tls = program.command('tls').description('TLS certificates for the server, agents and CLI');
  tls
    .command('init')
    .description('create a private CA and a server certificate, and print what agents and the CLI need')
    .option('--hosts <list>', 'comma-separated DNS names and IPs clients use to reach the server (localhost, 127.0.0.1 and ::1 are always added; default: this host name)')
    .option('--dir <dir>', 'where to write the files (default: <IOMS_DATA_DIR or .ioms>/tls)')
    .option('--days <n>', `server certificate validity in days (default: ${DEFAULT_SERVER_DAYS})`)
    .option('--force', 'replace an existing CA (every agent and CLI then needs the new ca.pem)')
    .option('--reuse-ca', 'keep the existing CA and issue only a new server certificate (new hosts, renewal)')
    .action(async (options: TlsInitOptions) => {
      await runTlsInit(options, deps);
    });
}

/**
 * Runs `ioms tls init`: writes the material and prints next steps.
 *
 * @throws Error with a one-line message (a TlsError with a `code` for bad input or an existing CA).
 */
export async function runTlsInit(options: TlsInitOptions, deps: TlsCommandDeps = {}): Promise<TlsMaterial> {
  const env = deps.env ?? process.env;
  const print = deps.print ?? ((line: string) => console.log(line));
  const dir = resolve(options.dir ?? join(env.IOMS_DATA_DIR ?? '.ioms', 'tls'));
  const hosts = options.hosts === undefined ? defaultHosts(deps.hostname ?? osHostname) : splitHosts(options.hosts);
  const material = await writeTlsMaterial(dir, {
    hosts,
    days: options.days === undefined ? undefined : parseDays(options.days),
    force: options.force === true,
    reuseCa: options.reuseCa === true,
    now: (deps.now ?? (() => new Date()))(),
  });
  for (const line of describeNextSteps(material, env.IOMS_PORT ?? '8888')) print(line);
  return material;
}

/** The text printed after `ioms tls init`; exported for tests and docs. */
export function describeNextSteps(material: TlsMaterial, port: string): string[] {
  const server = material.subjectAltNames.find((n) => !isLoopbackHost(n.kind === 'dns' ? n.name : n.address));
  const host = server === undefined ? 'localhost' : server.kind === 'dns' ? server.name : server.address.includes(':') ? `[${server.address}]` : server.address;
  const lines: string[] = [];
  if (material.replacedExistingCa) {
    lines.push('WARNING: replaced the existing CA. Agents and CLIs holding the old ca.pem will refuse this server until they get the new one.', '');
  }
  lines.push(
    material.reusedCa ? 'Issued a new server certificate from the existing CA (agents keep their ca.pem):' : 'Created a private CA and a server certificate:',
    `  CA certificate   ${material.caCertFile}   (copy to agents and CLI users)`,
    `  CA private key   ${material.caKeyFile}   (keep secret, mode 0600)`,
    `  server cert      ${material.certFile}`,
    `  server key       ${material.keyFile}   (mode 0600)`,
    `  valid for        ${describeSubjectAltNames(material.subjectAltNames)}`,
    `  SHA-256 fingerprint of the server certificate:`,
    `    ${material.fingerprint256}`,
    '',
    'Next steps:',
    '  1. Start the server with TLS (HTTPS and WSS only):',
    `       export IOMS_TLS_CERT=${material.certFile}`,
    `       export IOMS_TLS_KEY=${material.keyFile}`,
    '       ioms server',
    '  2. Copy ca.pem to each agent host and start the agent with it (it trusts only this CA):',
    `       ioms agent --server https://${host}:${port} --ca /path/to/ca.pem --token <enrollment token>`,
    '  3. Use the CLI with the same CA:',
    `       ioms login --server https://${host}:${port} --ca ${material.caCertFile}`,
    '  Compare the fingerprint above with what clients see, e.g.',
    `       openssl s_client -connect ${host}:${port} </dev/null | openssl x509 -noout -fingerprint -sha256`,
  );
  return lines;
}

function splitHosts(list: string): string[] {
  const hosts = list.split(',').map((h) => h.trim()).filter((h) => h !== '');
  if (hosts.length === 0) throw new TlsError('TLS_INVALID_HOST', '--hosts is empty; give e.g. --hosts ioms.example.com,10.0.0.5');
  return hosts;
}

/** This machine's name when it is a valid DNS name (Windows names may not be); else loopback only. */
function defaultHosts(hostname: () => string): string[] {
  const name = hostname();
  try {
    parseSubjectAltNames([name]);
    return [name];
  } catch {
    return [];
  }
}

function parseDays(text: string): number {
  const days = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (Number.isNaN(days)) throw new TlsError('TLS_INVALID_DAYS', `--days must be a whole number of days, got "${text}"`);
  return days;
}
