import { describe, expect, it } from 'vitest';
import { routeLabel } from '../../api/server/metrics.js';

describe('routeLabel (the /metrics route label)', () => {
  it.each([
    { method: 'POST', path: '/graphql', want: '/graphql' },
    { method: 'GET', path: '/healthz', want: '/healthz' },
    { method: 'PUT', path: '/artifacts/hello.txt', want: '/artifacts/:name' },
    { method: 'GET', path: '/artifacts/ab12', want: '/artifacts/:sha256' },
    { method: 'GET', path: '/artifacts/a/b', want: 'other' },
    { method: 'GET', path: '/whatever', want: 'other' },
  ])('$method $path → $want', ({ method, path, want }) => {
    expect(routeLabel(method, path)).toBe(want);
  });
});
