import { describe, expect, it } from 'vitest';
import { canonicalJson, EMPTY_DESIRED_STATE, observedStateSchema, planHost, withoutUsage, type ObservedState } from '../../manifests/index.js';

const HASH = `sha256:${'a'.repeat(64)}`;
const observed = (over: Record<string, unknown>): ObservedState =>
  observedStateSchema.parse({ processes: [{ name: 'game', pid: 41, state: 'RUNNING', restarts: 0, specHash: HASH, ...over }] });

describe('the observed state without its usage figures', () => {
  const cases = [
    { name: 'only CPU and RSS differ: the same', a: { cpu: 3.5, rss: 4096 }, b: { cpu: 97, rss: 1 << 30 }, same: true },
    { name: 'one has figures, the other none yet: the same', a: {}, b: { cpu: 0, rss: 10 }, same: true },
    { name: 'the pid differs: not the same', a: { cpu: 1 }, b: { cpu: 1, pid: 42 }, same: false },
    { name: 'the state differs: not the same', a: { rss: 5 }, b: { rss: 5, state: 'BACKOFF' }, same: false },
  ];
  it.each(cases)('$name', ({ a, b, same }) => {
    expect(canonicalJson(withoutUsage(observed(a))) === canonicalJson(withoutUsage(observed(b)))).toBe(same);
  });

  it('leaves its argument alone and plans the same as with the figures', () => {
    const withFigures = observed({ cpu: 12.5, rss: 2048 });
    const stripped = withoutUsage(withFigures);
    expect(withFigures.processes[0]).toMatchObject({ cpu: 12.5, rss: 2048 });
    expect(stripped.processes[0]).not.toHaveProperty('cpu');
    // Nothing desired: the plan stops `game`, with the same action and sentence either way.
    const plan = planHost(EMPTY_DESIRED_STATE, withFigures);
    expect(plan).toHaveLength(1);
    expect(planHost(EMPTY_DESIRED_STATE, stripped)).toEqual(plan);
  });
});
