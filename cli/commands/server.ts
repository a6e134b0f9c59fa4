import fs from 'node:fs';
import { writeErr, writeOut } from '../output.js';
import path from 'node:path';
import type { Command } from 'commander';
import type { RunningServer } from '../../api/server/start-server.js';

// The server's modules load only when a server command runs, so that client commands start fast.
const api = async () => ({
  ...(await import('../../api/config.js')),
  ...(await import('../../api/logger.js')),
  ...(await import('../../api/server/start-server.js')),
});
const database = async () => ({ ...(await import('../../db/orm.js')), ...(await import('../../db/database-url.js')), ...(await import('../../api/config.js')) });

/** Stops `server` on SIGTERM/SIGINT, then exits. A second signal exits at once. */
function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    writeErr(`\n${signal}: shutting down…\n`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        writeErr(`shutdown failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * How to run the CLI, as the banners print it: the project's own file, never `npx ioms` (which,
 * outside this folder, would fetch and run whatever the public registry holds under that name).
 */
function iomsCommand(): string {
  const abs = path.join(import.meta.dirname, '..', '..', 'bin', 'ioms.js');
  const rel = path.relative(process.cwd(), abs);
  const bin = rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  return `node ${bin.includes(' ') ? JSON.stringify(bin) : bin}`;
}
const RUN_HINT = '(or `ioms …` after `npm link` in the project folder)';

function adminBanner(url: string) {
  return (username: string, password: string | undefined): void => {
    const lines = password
      ? [`First start: created user "${username}" with password`, ``, `    ${password}`, ``, `It is shown only this once. Sign in with:`, `    ${iomsCommand()} login --server ${url} --user ${username}`, `${RUN_HINT}`]
      : [`First start: created user "${username}" with the password from IOMS_ADMIN_PASSWORD.`];
    writeOut(`\n${'='.repeat(72)}\n${lines.join('\n')}\n${'='.repeat(72)}\n\n`);
  };
}

export async function runServer(): Promise<RunningServer> {
  // Before the server allocates anything much: its heap growth (api/server/v8-flags.ts).
  const { applyServerV8Flags, serverV8Flags } = await import('../../api/server/v8-flags.js');
  applyServerV8Flags(serverV8Flags(process.env));
  const { loadServerConfig, createLogger, startServer } = await api();
  const config = loadServerConfig();
  const logger = createLogger(config.logLevel);
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  const expectedUrl = `${config.tlsCert ? 'https' : 'http'}://${hostForUrl}:${config.port}`;
  return startServer(config, { logger, onAdminCreated: adminBanner(expectedUrl) });
}

export function registerServerCommands(program: Command): void {
  program
    .command('server')
    .description('run the IOMS server (configured by IOMS_* variables or ioms.yaml)')
    .action(async () => {
      const server = await runServer();
      stopOnSignals(() => server.close());
    });

  program
    .command('start')
    .description('run the whole system on the embedded defaults: the server and a local agent (what `npm start` runs)')
    .option('--no-agent', 'do not run the local agent')
    .action(async (o: { agent: boolean }) => {
      const { ensureDashboard } = await import('../dashboard-build.js');
      ensureDashboard((line) => writeOut(`${line}\n`));
      const server = await runServer();
      const { startLocalAgent, applyExamplesOnce } = await import('../local-agent.js');
      const revision = await applyExamplesOnce(server, path.join(import.meta.dirname, '..', '..', 'manifests', 'examples'));
      const agent = o.agent ? await startLocalAgent(server, path.join(import.meta.dirname, '..', '..', 'bin', 'ioms.js')) : undefined;
      stopOnSignals(async () => {
        // Said first: guarded processes outlive the agent by design (the next start adopts them).
        const left = agent?.guardedProcesses() ?? [];
        if (left.length) {
          writeErr(
            `Guarded processes keep running without the agent (by design; the next start adopts them):\n${left.map((p) => `  ${p.name} (pid ${p.pid})\n`).join('')}` +
              `To stop them for good, remove them from the manifests and apply, or kill ${left.map((p) => p.pid).join(' ')}.\n`,
          );
        }
        await agent?.stop();
        await server.close();
      });
      const lines = [
        `IOMS is running at ${server.url}`,
        `  dashboard:   ${server.url}/  (sign in as admin)`,
        `  health:      ${server.url}/healthz`,
        ...(agent ? [`  local agent: host "${agent.name}" (log: ${path.relative(process.cwd(), agent.logFile)})`] : []),
        ...(revision ? [`  manifests:   manifests/examples/ applied as revision ${revision} (see: ${iomsCommand()} rollout status)`] : []),
        `  sign in:     ${iomsCommand()} login --server ${server.url} --user admin`,
        `  then:        ${iomsCommand()} get hosts`,
        `               ${RUN_HINT}`,
        `  stop:        Ctrl-C (stops the server and the local agent; guarded processes such as the demo`,
        `               keep running by design, and the next start adopts them — see docs/agents.md)`,
      ];
      writeOut(`\n${lines.join('\n')}\n\n`);
    });

  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations to IOMS_DATABASE_URL (the server also does this at start)')
    .action(async () => {
      const { loadServerConfig, openDatabase, migrateDatabase, redactUrl } = await database();
      const config = loadServerConfig();
      const orm = await openDatabase(config.databaseUrl);
      try {
        const applied = await migrateDatabase(orm);
        writeOut(applied.length ? `Applied to ${redactUrl(config.databaseUrl)}:\n${applied.map((n) => `  ${n}\n`).join('')}` : `${redactUrl(config.databaseUrl)} is up to date.\n`);
      } finally {
        await orm.close(true);
      }
    });

  program
    .command('schema')
    .description('print the GraphQL schema (SDL)')
    .option('--write', 'write it to api/schema.graphql instead')
    .action(async (o: { write?: boolean }) => {
      const sdl = await schemaSdl();
      if (!o.write) return void writeOut(sdl);
      const file = path.join(import.meta.dirname, '..', '..', 'api', 'schema.graphql');
      fs.writeFileSync(file, sdl);
      writeOut(`Wrote ${file}\n`);
    });
}

/** The schema as committed in api/schema.graphql. */
export async function schemaSdl(): Promise<string> {
  const { printSchema } = await import('graphql');
  const { buildIomsSchema } = await import('../../api/graphql/schema.js');
  const { createPubSub } = await import('../../api/pubsub/pubsub.js');
  const pubsub = createPubSub();
  const schema = await buildIomsSchema(pubsub);
  await pubsub.close();
  return `${printSchema(schema)}\n`;
}
