import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ManifestFile, loadManifests, planHost, renderDesiredState, EMPTY_OBSERVED_STATE } from '../../manifests/index.js';

const dir = new URL('../../manifests/examples/', import.meta.url);
const files: ManifestFile[] = readdirSync(dir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({ path: `manifests/examples/${name}`, content: readFileSync(new URL(name, dir)) }));

describe('manifests/examples', () => {
  it('are all valid', () => {
    const result = loadManifests(files);
    expect(result.errors).toEqual([]);
    expect(result.documents.map((d) => `${d.manifest.kind}/${d.manifest.metadata.name}`).sort()).toEqual(['Host/dev-box', 'Profile/demo']);
  });

  it('give the dev box a guarded process and cron entries that need no artifacts', () => {
    const { documents } = loadManifests(files);
    const result = renderDesiredState(documents, { name: 'dev-box', labels: {} });
    expect(result.errors).toEqual([]);
    expect(result.profiles).toEqual(['demo']);
    expect(result.desired.files).toEqual([]);
    expect(result.desired.processes.map((p) => p.name)).toEqual(['demo-sleeper']);
    expect(result.desired.crontab.map((c) => c.name)).toEqual(['demo-nightly-restart', 'demo-tick']);
    expect(planHost(result.desired, EMPTY_OBSERVED_STATE).map((a) => a.type)).toEqual(['StartProcess', 'SetCron', 'SetCron']);
  });

  it('follow the Host document labels and skip production hosts', () => {
    const { documents } = loadManifests(files);
    expect(renderDesiredState(documents, { name: 'dev-box', labels: { env: 'prod' } }).profiles).toEqual(['demo']);
    expect(renderDesiredState(documents, { name: 'other', labels: { role: 'demo', env: 'prod' } }).profiles).toEqual([]);
  });

  it.runIf(process.platform !== 'win32')('declare a process that really keeps running and cron commands the shell accepts', async () => {
    const { desired } = renderDesiredState(loadManifests(files).documents, { name: 'dev-box', labels: {} });
    const [sleeper] = desired.processes;
    if (!sleeper) throw new Error('no process in the example');
    const child = spawn(sleeper.command, sleeper.args, { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    await exited;
    for (const entry of desired.crontab) {
      if (entry.command === undefined) continue;
      expect(spawnSync('/bin/sh', ['-n', '-c', entry.command]).status).toBe(0);
    }
  });
});

describe('docs/manifests.md', () => {
  it('shows only complete examples that load without errors', () => {
    const doc = readFileSync(new URL('../../docs/manifests.md', import.meta.url), 'utf8');
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1] as string)
      .filter((yaml) => yaml.startsWith('apiVersion:') && !yaml.includes('[...]'));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const result = loadManifests(blocks.map((content, i) => ({ path: `block-${i}.yaml`, content })));
    expect(result.errors).toEqual([]);
  });
});
