import { createMockDirectory } from '@backstage/backend-test-utils';
import { loadBundle } from './bundle';

describe('loadBundle', () => {
  it('reads YAML as kubectl does: merge keys applied, 0644 octal', async () => {
    const dir = createMockDirectory({
      content: {
        'manifests/web.yaml': [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata:',
          '  name: web',
          '  annotations: &common {team: shop}',
          '  labels: {<<: *common, tier: front}',
          '---',
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: web}',
          'spec:',
          '  volumes: [{name: conf, configMap: {name: web, defaultMode: 0644}}]',
        ].join('\n'),
      },
    });
    const bundle = await loadBundle([dir.resolve('manifests')], dir.path);
    expect(bundle.map(b => [b.source, b.object.metadata.labels])).toEqual([
      ['manifests/web.yaml', { team: 'shop', tier: 'front' }],
      ['manifests/web.yaml', undefined],
    ]);
    // As 644, the API server would refuse the Pod: a mode is at most 0777.
    expect(
      (bundle[1].object.spec as any).volumes[0].configMap.defaultMode,
    ).toBe(0o644);
  });
});
