import type { HostRolloutWire } from '../../cli/manifests/manifest-wire.js';

/**
 * One host's rollout row as the API sends it: online, on revision 7, converged on 7 when
 * CONVERGED (else on 6), no drift or error; `over` sets the rest. Shared by the rollout fold,
 * view and watch tests.
 */
export function rolloutRow(host: string, status: string, over: Partial<HostRolloutWire> = {}): HostRolloutWire {
  return {
    host,
    online: true,
    status,
    revision: 7,
    convergedRevision: status === 'CONVERGED' ? 7 : 6,
    drift: [],
    error: null,
    observedAt: null,
    updatedAt: '2025-01-02T03:04:05.000Z',
    ...over,
  };
}
