import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFile, put, startHarness, storeEntries, type Harness } from './harness.js';

type Version = { version: string; sha256: string; md5: string; sizeBytes: number; uploadedBy: string; createdAt: string; referencedBy: string[] };

describe('artifact GraphQL API', () => {
  let h: Harness;
  let files: ReturnType<typeof makeFile>[];
  const push = (name: string, version: string, file: string) => put(`${h.url}/artifacts/${name}?version=${version}`, file, { authorization: `Bearer ${h.tokens.operator}` });
  const codes = (r: { errors?: { extensions?: { code?: string } }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

  beforeAll(async () => {
    h = await startHarness();
    files = [1, 2, 3].map((n) => makeFile(h.dir, `f${n}`, 4096 * n, n));
    expect((await push('alpha.zip', '1.0', files[0]!.file)).status).toBe(201);
    expect((await push('alpha.zip', '1.1', files[1]!.file)).status).toBe(201);
    expect((await push('beta_tool.tar.gz', '1', files[1]!.file)).status).toBe(201);
    expect((await push('gamma.bin', '7', files[2]!.file)).status).toBe(201);
    expect((await push('percent.bin', '1', files[2]!.file)).status).toBe(201);
  });
  afterAll(async () => h?.close());

  it('pages artifacts by name with their versions, newest first', async () => {
    const q = 'query($first: Int, $after: String, $search: String) { artifacts(first: $first, after: $after, search: $search) { nodes { name versions { version } } pageInfo { endCursor hasNextPage } } }';
    type Page = { artifacts: { nodes: { name: string; versions: { version: string }[] }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
    const p1 = await h.gql<Page>(q, { first: 2 }, h.tokens.viewer);
    expect(p1.data?.artifacts).toEqual({ nodes: [{ name: 'alpha.zip', versions: [{ version: '1.1' }, { version: '1.0' }] }, { name: 'beta_tool.tar.gz', versions: [{ version: '1' }] }], pageInfo: { endCursor: 'beta_tool.tar.gz', hasNextPage: true } });
    const p2 = await h.gql<Page>(q, { first: 2, after: 'beta_tool.tar.gz' }, h.tokens.viewer);
    expect(p2.data?.artifacts.nodes.map((n) => n.name)).toEqual(['gamma.bin', 'percent.bin']);
    expect(p2.data?.artifacts.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    { search: 'ALPHA', want: ['alpha.zip'] },
    { search: '_', want: ['beta_tool.tar.gz'] },
    { search: '%', want: [] },
    { search: '.b', want: ['gamma.bin', 'percent.bin'] },
  ])('searches case-insensitively and literally: $search', async ({ search, want }) => {
    const r = await h.gql<{ artifacts: { nodes: { name: string }[] } }>('query($s: String) { artifacts(search: $s) { nodes { name } } }', { s: search }, h.tokens.viewer);
    expect(r.data?.artifacts.nodes.map((n) => n.name)).toEqual(want);
  });

  it('shows one artifact with sizes, checksums, uploader, time and references', async () => {
    h.versionRefs.set('alpha.zip@1.0', ['Profile/game-servers']);
    const r = await h.gql<{ artifact: { name: string; versions: Version[] } }>('{ artifact(name: "alpha.zip") { name versions { version sha256 md5 sizeBytes uploadedBy createdAt referencedBy } } }', {}, h.tokens.viewer);
    const [v11, v10] = r.data!.artifact.versions;
    expect(v10).toMatchObject({ version: '1.0', sha256: files[0]!.sha256, md5: files[0]!.md5, sizeBytes: 4096, uploadedBy: 'operator', referencedBy: ['Profile/game-servers'] });
    expect(v11).toMatchObject({ version: '1.1', referencedBy: [] });
    expect(Date.parse(v10!.createdAt)).not.toBeNaN();
    expect((await h.gql<{ artifact: null }>('{ artifact(name: "nope") { name } }', {}, h.tokens.viewer)).data?.artifact).toBeNull();
    expect(codes(await h.gql('{ artifact(name: "../etc") { name } }', {}, h.tokens.viewer))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses to delete a referenced version, and deletes the rest', async () => {
    const refused = await h.gql('mutation { deleteArtifact(name: "alpha.zip", version: "1.0") { deleted { version } } }', {}, h.tokens.operator);
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0]?.message).toContain('Profile/game-servers');
    const all = await h.gql('mutation { deleteArtifact(name: "alpha.zip") { deleted { version } } }', {}, h.tokens.operator);
    expect(codes(all)).toEqual(['CONFLICT']);
    expect(storeEntries(h)).toContain(files[0]!.sha256);
  });

  it('keeps a blob another version still uses, and removes it with the last one', async () => {
    const first = await h.gql<{ deleteArtifact: { deleted: { version: string }[]; blobsRemoved: string[] } }>('mutation { deleteArtifact(name: "alpha.zip", version: "1.1") { deleted { version } blobsRemoved } }', {}, h.tokens.operator);
    expect(first.data?.deleteArtifact).toEqual({ deleted: [{ version: '1.1' }], blobsRemoved: [] });
    expect(fs.existsSync(path.join(h.storeDir, files[1]!.sha256))).toBe(true);
    const second = await h.gql<{ deleteArtifact: { blobsRemoved: string[] } }>('mutation { deleteArtifact(name: "beta_tool.tar.gz") { blobsRemoved } }', {}, h.tokens.admin);
    expect(second.data?.deleteArtifact.blobsRemoved).toEqual([files[1]!.sha256]);
    expect(fs.existsSync(path.join(h.storeDir, files[1]!.sha256))).toBe(false);
    expect(codes(await h.gql('mutation { deleteArtifact(name: "beta_tool.tar.gz") { blobsRemoved } }', {}, h.tokens.admin))).toEqual(['NOT_FOUND']);
    const rows = await h.auditRows('deleteArtifact');
    expect(rows.map((r) => r.outcome)).toEqual(['FAILURE', 'FAILURE', 'SUCCESS', 'SUCCESS', 'FAILURE']);
  });

  const permissions: { op: string; who: 'viewer' | 'operator' | 'admin' | 'anonymous'; code?: string }[] = [
    { op: '{ artifacts { nodes { name } } }', who: 'anonymous', code: 'UNAUTHENTICATED' },
    { op: '{ artifacts { nodes { name } } }', who: 'viewer' },
    { op: 'mutation { deleteArtifact(name: "gamma.bin", version: "0") { blobsRemoved } }', who: 'viewer', code: 'FORBIDDEN' },
    { op: 'mutation { verifyArtifacts { checked } }', who: 'viewer', code: 'FORBIDDEN' },
    { op: 'mutation { verifyArtifacts { checked } }', who: 'operator', code: 'FORBIDDEN' },
    { op: 'mutation { verifyArtifacts { checked } }', who: 'admin' },
  ];
  it.each(permissions)('$who: $op → $code', async ({ op, who, code }) => {
    const r = await h.gql(op, {}, who === 'anonymous' ? undefined : h.tokens[who]);
    expect(codes(r)).toEqual(code ? [code] : []);
  });

  it('verifyArtifacts reports a missing blob with the versions it affects', async () => {
    fs.rmSync(path.join(h.storeDir, files[2]!.sha256));
    const r = await h.gql<{ verifyArtifacts: { missing: string[]; affected: string[]; ok: number } }>('mutation { verifyArtifacts { ok missing affected } }', {}, h.tokens.admin);
    expect(r.data?.verifyArtifacts).toEqual({ ok: 1, missing: [files[2]!.sha256], affected: ['gamma.bin@7', 'percent.bin@1'] });
    // An identical re-push restores the lost blob.
    expect((await push('gamma.bin', '7', files[2]!.file)).status).toBe(200);
    expect(fs.existsSync(path.join(h.storeDir, files[2]!.sha256))).toBe(true);
  });
});
