import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { kubernetesApplyPermission } from '@diehard/plugin-scaffolder-diehard-common';
import scaffolderModuleDiehard from '../index';
import { clusterConditions, createClusterConditionalDecision } from './rules';

jest.setTimeout(60_000);

describe('the IS_CLUSTER rule, as the permission backend evaluates it', () => {
  it('is served by the scaffolder plugin and decides per cluster', async () => {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleDiehard,
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'lab',
                      url: 'https://127.0.0.1:1',
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 't',
                    },
                    {
                      name: 'prod',
                      url: 'https://127.0.0.1:2',
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 't',
                    },
                  ],
                },
              ],
            },
            diehard: {
              apply: {
                clusters: [
                  { name: 'lab', namespaces: ['a'], kinds: ['*'] },
                  { name: 'prod', namespaces: ['a'], kinds: ['*'] },
                ],
              },
            },
          },
        }),
      ],
    });
    const decision = createClusterConditionalDecision(
      kubernetesApplyPermission,
      clusterConditions.isCluster({ names: ['lab'] }),
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
    });

    const { port } = server.address() as { port: number };
    const res = await fetch(
      `http://localhost:${port}/api/scaffolder/.well-known/backstage/permissions/apply-conditions`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.service.header(),
        },
        body: JSON.stringify({
          items: ['lab', 'prod', 'unknown'].map(name => ({
            id: name,
            resourceRef: name,
            resourceType: decision.resourceType,
            conditions: decision.conditions,
          })),
        }),
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [
        { id: 'lab', result: AuthorizeResult.ALLOW },
        { id: 'prod', result: AuthorizeResult.DENY },
        { id: 'unknown', result: AuthorizeResult.DENY },
      ],
    });
  });
});
