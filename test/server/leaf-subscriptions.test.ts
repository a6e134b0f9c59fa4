import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIomsSchema } from '../../api/graphql/schema.js';
import { createPubSub } from '../../api/pubsub/pubsub.js';
import { planDocument, serializeLeaves } from '../../api/server/leaf-subscriptions.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildIomsSchema(createPubSub());
});

const ALL_FIELDS = 'subscription($j: ID!) { jobProgressed(jobId: $j, afterSeq: 0) { seq at type host status data jobId } }';

/** Which subscriptions are sent without an execute per event: a whitelisted field selecting leaves only. */
describe('planDocument', () => {
  it.each([
    { name: 'every field of a job event', query: ALL_FIELDS, taken: true },
    { name: 'the fan-out bench’s selection', query: 'subscription($j: ID!) { jobProgressed(jobId: $j, afterSeq: 0) { type status at data } }', taken: true },
    { name: 'aliases', query: 'subscription { p: jobProgressed(jobId: "1") { n: seq s: status } }', taken: true },
    { name: '__typename', query: 'subscription { jobProgressed(jobId: "1") { seq __typename } }', taken: false },
    { name: 'a fragment', query: 'subscription { jobProgressed(jobId: "1") { ...E } } fragment E on JobEvent { seq }', taken: false },
    { name: 'a directive on a leaf', query: 'subscription($x: Boolean!) { jobProgressed(jobId: "1") { seq @include(if: $x) } }', taken: false },
    { name: 'a subscription not named for it', query: 'subscription { hostUpdated { name } }', taken: false },
    { name: 'a query', query: 'query { jobs { nodes { id } } }', taken: false },
  ])('$name → taken: $taken', ({ query, taken }) => {
    expect(planDocument(schema, parse(query)) !== null).toBe(taken);
  });
});

/**
 * What a subscriber receives for one event must be exactly what graphql's own subscribe sends
 * (an execute with the event as root value): the same JSON, field by field; an event that does
 * not fit is executed, so its error is the normal one.
 */
describe('serializeLeaves against a normal execute of the same event', () => {
  const viewer = { auth: { ok: true, principal: { kind: 'user', userId: 1, username: 'v', role: 'VIEWER', sessionHash: 'h' } }, ip: '127.0.0.1', transport: 'ws' };
  const executed = async (query: string, event: unknown) => JSON.parse(JSON.stringify(await execute({ schema, document: parse(query), rootValue: event, contextValue: { ...viewer }, variableValues: { j: '7' } }))) as ExecutionResult;
  const at = new Date('2026-12-01T21:00:00.123Z');
  it.each([
    { name: 'a target sent', event: { seq: 1, at, type: 'TARGET', host: 'web-1', status: 'SENT', data: {}, jobId: '7' }, fast: true },
    { name: 'a result with output', event: { seq: 2, at, type: 'TARGET', host: 'web-1', status: 'SUCCEEDED', data: { exitCode: 0, stdout: 'hi\n', error: null, nested: { a: [1, 'x'] } }, jobId: '7' }, fast: true },
    { name: 'the job’s end (no host)', event: { seq: 3, at, type: 'JOB', host: null, status: 'COMPLETED', data: { finished: true }, jobId: '7' }, fast: true },
    { name: 'a time as text (from another replica, through JSON)', event: { seq: 4, at: at.toISOString(), type: 'TARGET', host: 'web-2', status: 'FAILED', data: {}, jobId: '7' }, fast: true },
    { name: 'a missing non-null field', event: { seq: 5, at, type: 'TARGET', host: 'web-2', data: {}, jobId: '7' }, fast: false },
    { name: 'a seq its Int type refuses', event: { seq: 'five', at, type: 'TARGET', host: 'web-2', status: 'SENT', data: {}, jobId: '7' }, fast: false },
  ])('$name', async ({ event, fast }) => {
    const plan = planDocument(schema, parse(ALL_FIELDS))!;
    const view = serializeLeaves(plan, event);
    expect(view !== undefined).toBe(fast);
    const normal = await executed(ALL_FIELDS, event);
    if (view) expect(JSON.parse(JSON.stringify(view))).toEqual(normal);
    else expect(normal.errors?.length).toBeGreaterThan(0);
  });

  it('keeps aliases and the selection’s order', async () => {
    const query = 'subscription { p: jobProgressed(jobId: "7") { s: status n: seq host } }';
    const event = { seq: 9, at, type: 'TARGET', host: 'web-3', status: 'RUNNING', data: {}, jobId: '7' };
    const view = serializeLeaves(planDocument(schema, parse(query))!, event);
    expect(JSON.stringify(view)).toBe(JSON.stringify(await executed(query, event)));
  });
});
