import { execFile } from 'node:child_process';
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

import { agentBuildOptions, buildAgentBundle, forbiddenInputs, parseBuildArgs } from '../../agent/bundle/build-agent.js';
import { tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const FIXTURE = 'test/agent-service/fixtures/bundle-entry.ts';

/** True when a node_modules directory sits in `dir` or any parent of it. */
async function nodeModulesAbove(dir: string): Promise<string | undefined> {
  for (let current = dir; ; current = join(current, '..')) {
    const candidate = join(current, 'node_modules');
    if (await stat(candidate).then(() => true, () => false)) return candidate;
    if (join(current, '..') === current) return undefined;
  }
}

describe('buildAgentBundle', () => {
  it('bundles ws, zod, node-cron and systeminformation into one file that runs with plain node and no node_modules', async () => {
    const buildDir = await dirs.make();
    const bundle = await buildAgentBundle({ entry: FIXTURE, outfile: join(buildDir, 'ioms-agent.mjs') });
    expect(bundle.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(bundle.inputs.some((input) => input.includes('node_modules/systeminformation/'))).toBe(true);
    expect(bundle.inputs.some((input) => input.includes('node_modules/ws/'))).toBe(true);

    const runDir = await dirs.make();
    expect(await nodeModulesAbove(runDir)).toBeUndefined();
    const copy = join(runDir, 'ioms-agent.mjs');
    await copyFile(bundle.outfile, copy);
    const text = await readFile(copy, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(text).not.toMatch(/from ["'](ws|zod|node-cron|systeminformation|yaml|graphql-ws)["']/);

    const env = { PATH: process.env.PATH ?? '', HOME: runDir };
    const { stdout } = await promisify(execFile)(process.execPath, [copy], { cwd: runDir, env, timeout: 20_000 });
    expect(JSON.parse(stdout)).toEqual({ ws: 'bundle', zod: false, cron: true, ownRequire: 'function', ownDirname: true, si: { version: expect.any(String), memTotal: true } });
    expect((await stat(copy)).size).toBe(bundle.bytes);
  });

  it('reports esbuild errors as BUILD_FAILED', async () => {
    const dir = await dirs.make();
    await expect(buildAgentBundle({ entry: 'test/agent-service/fixtures/does-not-exist.ts', outfile: join(dir, 'x.mjs') })).rejects.toMatchObject({ code: 'BUILD_FAILED' });
  });


  it('refuses a bundle that pulls in server code', async () => {
    const dir = await dirs.make();
    const entry = join(dir, 'entry.ts');
    const serverFile = fileURLToPath(new URL('../../api/tls/tls-error.ts', import.meta.url));
    await writeFile(entry, `import { TlsError } from ${JSON.stringify(serverFile)};\nconsole.log(TlsError.name);\n`);
    await expect(buildAgentBundle({ entry, outfile: join(dir, 'x.mjs') })).rejects.toMatchObject({
      code: 'FORBIDDEN_IMPORT',
      message: expect.stringContaining('api/tls/tls-error.ts'),
    });
  });
});

describe('forbiddenInputs', () => {
  const cases: Array<{ name: string; inputs: string[]; expected: string[] }> = [
    { name: 'agent, protocol and manifests are fine', inputs: ['agent/main.ts', 'protocol/index.ts', 'protocol/client-trust.ts', 'manifests/schema.ts'], expected: [] },
    { name: 'no api file is', inputs: ['api/tls/tls-material.ts', 'api/server.ts'], expected: ['api/tls/tls-material.ts', 'api/server.ts'] },
    { name: 'cli is not', inputs: ['cli/output.ts'], expected: ['cli/output.ts'] },
    { name: 'db is not', inputs: ['db/entities/host.entity.ts'], expected: ['db/entities/host.entity.ts'] },
    { name: 'a package named like api is fine', inputs: ['node_modules/api/index.js'], expected: [] },
  ];

  it.each(cases)('$name', ({ inputs, expected }) => {
    expect(forbiddenInputs(inputs)).toEqual(expected);
  });
});

describe('parseBuildArgs', () => {
  it.each([
    { name: 'defaults', argv: [], expected: { entry: undefined, outfile: undefined, sourcemap: false } },
    { name: 'all flags', argv: ['--out', 'x.mjs', '--entry', 'e.ts', '--sourcemap'], expected: { entry: 'e.ts', outfile: 'x.mjs', sourcemap: true } },
  ])('$name', ({ argv, expected }) => {
    expect(parseBuildArgs(argv)).toEqual(expected);
  });

  it.each([{ argv: ['--out'] }, { argv: ['--entry', '--sourcemap'] }, { argv: ['--minify'] }])('refuses $argv', ({ argv }) => {
    expect(() => parseBuildArgs(argv)).toThrow(expect.objectContaining({ code: 'INVALID_ARGS' }));
  });
});

describe('agentBuildOptions', () => {
  it('is one ESM file for node 20 with nothing external', () => {
    const options = agentBuildOptions('/e.ts', '/o.mjs', false, true);
    expect(options).toMatchObject({ bundle: true, platform: 'node', format: 'esm', target: 'node20', minify: false, sourcemap: false });
    expect(options.external).toBeUndefined();
    expect(options.packages).toBeUndefined();
    expect(String(options.banner?.js)).toMatch(/^#!\/usr\/bin\/env node\n.*createRequire/s);
  });
});
