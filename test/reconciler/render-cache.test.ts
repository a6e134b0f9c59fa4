import { describe, expect, it } from 'vitest';
import { RenderCache, type RenderInput } from '../../api/reconciler/render-cache.js';
import { loadManifests, renderDesiredState, type ManifestDocument } from '../../manifests/index.js';

const docs = (yaml: string): ManifestDocument[] => {
  const { documents, errors } = loadManifests([{ path: 'test.yaml', content: yaml }]);
  expect(errors).toEqual([]);
  return documents;
};

const byLabel = `apiVersion: ioms/v1
kind: Profile
metadata: { name: web }
spec:
  selector: { matchLabels: { role: web } }
  processes:
    - { name: web, command: /srv/web }
`;
const byName = `${byLabel}---
apiVersion: ioms/v1
kind: Profile
metadata: { name: canary }
spec:
  selector: { hosts: ["web-0*"] }
  processes:
    - { name: canary, command: /srv/canary }
`;
const hostDoc = `${byLabel}---
apiVersion: ioms/v1
kind: Host
metadata: { name: WEB-02 }
spec:
  labels: { role: web }
`;

/**
 * The render cache must give every host exactly what `renderDesiredState` gives it, while
 * rendering once per distinct input: hosts share a render only when nothing of the render
 * rules can tell them apart.
 */
describe('RenderCache', () => {
  const cases: { name: string; yaml: string; a: RenderInput; b: RenderInput; shared: boolean }[] = [
    { name: 'same labels, different names, no rule by name: one render', yaml: byLabel, a: { name: 'web-01', labels: { role: 'web' } }, b: { name: 'web-02', labels: { role: 'web' } }, shared: true },
    { name: 'labels differ in a label no selector reads: not shared', yaml: byLabel, a: { name: 'web-01', labels: { role: 'web' } }, b: { name: 'web-02', labels: { role: 'web', zone: 'b' } }, shared: false },
    { name: 'labels differ in a selected label: not shared', yaml: byLabel, a: { name: 'web-01', labels: { role: 'web' } }, b: { name: 'web-02', labels: { role: 'db' } }, shared: false },
    { name: 'same labels, a profile by host name matches one of them: not shared', yaml: byName, a: { name: 'web-01', labels: { role: 'web' } }, b: { name: 'web-11', labels: { role: 'web' } }, shared: false },
    { name: 'same labels, both matched by the same name pattern: one render', yaml: byName, a: { name: 'web-01', labels: { role: 'web' } }, b: { name: 'web-02', labels: { role: 'web' } }, shared: true },
    { name: 'a Host document (any case) gives one of them its labels: not shared', yaml: hostDoc, a: { name: 'web-01', labels: {} }, b: { name: 'web-02', labels: {} }, shared: false },
    { name: 'a Host document overlays to the same labels the other has: one render', yaml: hostDoc, a: { name: 'web-01', labels: { role: 'web' } }, b: { name: 'web-02', labels: {} }, shared: true },
    { name: 'label order does not matter', yaml: byLabel, a: { name: 'web-01', labels: { role: 'web', zone: 'a' } }, b: { name: 'web-02', labels: { zone: 'a', role: 'web' } }, shared: true },
  ];
  it.each(cases)('$name', ({ yaml, a, b, shared }) => {
    const documents = docs(yaml);
    const cache = new RenderCache(documents);
    for (const host of [a, b]) {
      const direct = renderDesiredState(documents, host);
      const cached = cache.render(host);
      expect(cached.hash).toBe(direct.hash);
      expect(cached.desired).toEqual(direct.desired);
      expect(cached.labels).toEqual(direct.labels);
      expect(cached.host).toBe(host.name);
    }
    expect(cache.key(a) === cache.key(b)).toBe(shared);
    expect(cache.misses).toBe(shared ? 1 : 2);
  });

  it('renders a fleet of one profile once', () => {
    const cache = new RenderCache(docs(byLabel));
    for (let i = 0; i < 1000; i++) cache.render({ name: `web-${i}`, labels: { role: 'web' } });
    expect(cache.misses).toBe(1);
  });
});
