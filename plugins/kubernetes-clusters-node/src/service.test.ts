import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { pluginUsing } from '@diehard/backend-test-utils';
import { KubernetesClusterDirectory } from './KubernetesClusterDirectory';
import { kubernetesClustersServiceRef } from './service';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

describe('kubernetesClustersServiceRef', () => {
  it('gives every plugin that injects it the one directory read from the root config', async () => {
    const seen: Record<string, KubernetesClusterDirectory> = {};
    const recorder = (pluginId: string) =>
      pluginUsing(pluginId, kubernetesClustersServiceRef, clusters => {
        seen[pluginId] = clusters;
      });
    await startTestBackend({
      features: [
        recorder('posture'),
        recorder('apply'),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'prod',
                      title: 'Production',
                      url: 'https://prod.example:6443',
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'secret',
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    expect(seen.posture).toBeInstanceOf(KubernetesClusterDirectory);
    expect(seen.apply).toBe(seen.posture);
    expect(seen.posture.list().map(c => [c.name, c.title])).toEqual([
      ['prod', 'Production'],
    ]);
  });
});
