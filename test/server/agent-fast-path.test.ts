import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../api/server/agent-fast-path.js';

/** Which socket operations skip the GraphQL execute: exactly the agent's own, nothing that merely resembles them. */
describe('classifyDocument', () => {
  it.each([
    { name: 'the agent’s heartbeat', query: 'mutation($r: String!) { reportHeartbeat(report: $r) }', want: 'report' },
    { name: 'the agent’s started report', query: 'mutation($id: String!) { reportCommandStarted(id: $id) }', want: 'report' },
    { name: 'the started report with its attempt', query: 'mutation($id: String!, $attempt: Int) { reportCommandStarted(id: $id, attempt: $attempt) }', want: 'report' },
    { name: 'an attempt of the wrong type', query: 'mutation($id: String!, $attempt: String) { reportCommandStarted(id: $id, attempt: $attempt) }', want: 'none' },
    { name: 'an extra argument where none is taken', query: 'mutation($r: String!, $a: Int) { reportHeartbeat(report: $r, attempt: $a) }', want: 'none' },
    { name: 'a literal argument', query: 'mutation { reportCommandResult(report: "{}") }', want: 'report' },
    { name: 'the agent’s instruction stream', query: 'subscription { agentInstructions { id kind payload } }', want: 'instructions' },
    { name: 'an alias', query: 'mutation($r: String!) { beat: reportHeartbeat(report: $r) }', want: 'none' },
    { name: 'two fields', query: 'mutation($r: String!) { reportHeartbeat(report: $r) reportMetrics(report: $r) }', want: 'none' },
    { name: 'a directive', query: 'mutation($r: String!, $s: Boolean!) { reportHeartbeat(report: $r) @include(if: $s) }', want: 'none' },
    { name: 'a nullable variable', query: 'mutation($r: String) { reportHeartbeat(report: $r) }', want: 'none' },
    { name: 'a variable with a default', query: 'mutation($r: String! = "{}") { reportHeartbeat(report: $r) }', want: 'none' },
    { name: 'another mutation', query: 'mutation($r: String!) { enrollAgent(token: $r, name: $r) { secret } }', want: 'none' },
    { name: 'a query', query: 'query { reportHeartbeat }', want: 'none' },
    { name: 'instructions with __typename', query: 'subscription { agentInstructions { id __typename } }', want: 'none' },
    { name: 'instructions through a fragment', query: 'subscription { agentInstructions { ...F } } fragment F on AgentInstruction { id }', want: 'none' },
  ])('$name → $want', ({ query, want }) => {
    expect(classifyDocument(parse(query)).kind).toBe(want);
  });

  it('reads the report from the declared variable', () => {
    const op = classifyDocument(parse('mutation($x: String!) { reportMetrics(report: $x) }'));
    expect(op.kind === 'report' && op.value({ x: 'text' })).toBe('text');
  });

  it('reads the attempt, absent as undefined', () => {
    const op = classifyDocument(parse('mutation($id: String!, $a: Int) { reportCommandStarted(id: $id, attempt: $a) }'));
    expect(op.kind === 'report' && [op.int?.({ id: 't1', a: 3 }), op.int?.({ id: 't1' })]).toEqual([3, undefined]);
  });
});
