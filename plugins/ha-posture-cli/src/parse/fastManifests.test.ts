import { parseManifests } from '@diehard/plugin-ha-posture-common';
import { parseManifestsFast } from './fastManifests';

const TEXT = [
  '# a comment before the first document',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: a}',
  '--- # second',
  'apiVersion: v1',
  'kind: List',
  'items:',
  '- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}, data: {x: "--- not a marker"}}',
  '---',
  'kind: Pod',
  'metadata: [broken',
  '---',
  'kind: Secret',
  'metadata: {name: c}',
  '',
].join('\n');

describe('parseManifestsFast', () => {
  it('reads what parseManifests reads, with the same lines, and keeps documents after a broken one', () => {
    const fast = parseManifestsFast(TEXT, 'f.yaml');
    const ref = parseManifests(TEXT, 'f.yaml');
    expect(fast.objects.map(o => [o.object.kind, o.source.line])).toEqual(
      ref.objects.map(o => [o.object.kind, o.source.line]),
    );
    expect(fast.objects.map(o => o.object.kind)).toEqual([
      'Service',
      'ConfigMap',
      'Secret',
    ]);
    expect(fast.errors).toHaveLength(1);
    expect(fast.errors[0].file).toBe('f.yaml');
    expect(fast.errors[0].line).toBeGreaterThanOrEqual(12);
  });
});
