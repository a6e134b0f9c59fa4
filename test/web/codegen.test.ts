import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../web/codegen.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** The dashboard's typed operations are generated from api/schema.graphql and its documents. */
describe('web/src/gql', () => {
  it('is what `npm run codegen` generates from the schema and the operations now', async () => {
    const files = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as { filename: string; content: string }[];
    expect(files.length).toBeGreaterThan(0);
    const stale = files.filter((f) => {
      const onDisk = path.resolve(ROOT, f.filename);
      return !fs.existsSync(onDisk) || fs.readFileSync(onDisk, 'utf8') !== f.content;
    });
    expect(stale.map((f) => f.filename), 'run `npm run codegen` and commit web/src/gql').toEqual([]);
  }, 120_000);
});
