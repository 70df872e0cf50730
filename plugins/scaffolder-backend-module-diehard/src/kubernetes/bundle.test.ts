import { createMockDirectory } from '@backstage/backend-test-utils';
import { loadBundle } from './bundle';

describe('loadBundle', () => {
  it('applies merge keys as kubectl does, so the API server gets no `<<` field', async () => {
    const dir = createMockDirectory({
      content: {
        'manifests/web.yaml': [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata:',
          '  name: web',
          '  annotations: &common {team: shop}',
          '  labels: {<<: *common, tier: front}',
        ].join('\n'),
      },
    });
    const bundle = await loadBundle([dir.resolve('manifests')], dir.path);
    expect(bundle.map(b => [b.source, b.object.metadata.labels])).toEqual([
      ['manifests/web.yaml', { team: 'shop', tier: 'front' }],
    ]);
  });
});
