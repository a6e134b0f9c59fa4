import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessOf, rootTypes } from '../../api/auth/access.js';
import { buildIomsSchema } from '../../api/graphql/schema.js';
import { createPubSub } from '../../api/pubsub/pubsub.js';
import { schemaSdl } from '../../cli/commands/server.js';

describe('the GraphQL schema', () => {
  it('is committed in api/schema.graphql as generated (run `npm run schema` after changing it)', async () => {
    const committed = fs.readFileSync(path.join(import.meta.dirname, '../../api/schema.graphql'), 'utf8');
    expect(committed).toBe(await schemaSdl());
  });

  it('gives every Query, Mutation and Subscription field an explicit access rule', async () => {
    const schema = await buildIomsSchema(createPubSub());
    const fields = rootTypes(schema).flatMap((t) => Object.values(t.getFields()).map((f) => ({ name: `${t.name}.${f.name}`, rule: accessOf(f) })));
    expect(fields.length).toBeGreaterThan(5);
    expect(fields.filter((f) => !f.rule).map((f) => f.name)).toEqual([]);
    expect(schema.getSubscriptionType()).toBeDefined();
  });

  it('lets only login and agent enrollment through without a session', async () => {
    const schema = await buildIomsSchema(createPubSub());
    const publicFields = rootTypes(schema).flatMap((t) => Object.values(t.getFields()).filter((f) => accessOf(f)?.access === 'PUBLIC').map((f) => f.name));
    expect(publicFields.sort()).toEqual(['enrollAgent', 'login']);
  });
});
