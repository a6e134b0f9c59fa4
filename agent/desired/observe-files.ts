import crypto from 'node:crypto';
import fs from 'node:fs';
import { specHash, type FileSpec, type ObservedState } from '../../manifests/index.js';

type ObservedFile = ObservedState['files'][number];

/** Hashes a managed file as it is on disk (streamed; both digests in one pass). */
export async function observeFile(spec: FileSpec): Promise<ObservedFile> {
  const base = { path: spec.path, specHash: specHash(spec) };
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(spec.path);
  } catch {
    return { ...base, exists: false };
  }
  if (!stat.isFile()) return { ...base, exists: false };
  const sha = crypto.createHash('sha256');
  const md5 = crypto.createHash('md5');
  for await (const chunk of fs.createReadStream(spec.path)) {
    sha.update(chunk as Buffer);
    md5.update(chunk as Buffer);
  }
  return {
    ...base,
    exists: true,
    sha256: sha.digest('hex'),
    md5: md5.digest('hex'),
    ...(process.platform === 'win32' ? {} : { mode: (stat.mode & 0o7777).toString(8).padStart(4, '0') }),
  };
}
