import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  gitPushPermission,
  imagePushPermission,
  kubernetesApplyPermission,
} from '@diehard/plugin-scaffolder-diehard-common';
import scaffolderModuleDiehard from '../index';
import {
  clusterConditions,
  createClusterConditionalDecision,
} from './clusterRules';
import {
  createGitRepositoryConditionalDecision,
  gitRepositoryConditions,
} from './gitRepositoryRules';
import {
  createImageRepositoryConditionalDecision,
  imageRepositoryConditions,
} from './imageRepositoryRules';

/** What the scaffolder plugin answers for `decision` on each resource ref. */
async function applyConditions(
  port: number,
  decision: { resourceType: string; conditions: unknown },
  refs: string[],
) {
  const res = await fetch(
    `http://localhost:${port}/api/scaffolder/.well-known/backstage/permissions/apply-conditions`,
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: mockCredentials.service.header(),
      },
      body: JSON.stringify({
        items: refs.map(ref => ({
          id: ref,
          resourceRef: ref,
          resourceType: decision.resourceType,
          conditions: decision.conditions,
        })),
      }),
    },
  );
  expect(res.status).toBe(200);
  const { items } = await res.json();
  return Object.fromEntries(
    items.map((i: { id: string; result: string }) => [i.id, i.result]),
  );
}

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
    expect(
      await applyConditions(port, decision, ['lab', 'prod', 'unknown']),
    ).toEqual({
      lab: AuthorizeResult.ALLOW,
      prod: AuthorizeResult.DENY,
      unknown: AuthorizeResult.DENY,
    });
  });
});

describe('the IS_REPOSITORY_UNDER rule, as the permission backend evaluates it', () => {
  it('is served by the scaffolder plugin and decides per repository of a configured registry', async () => {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleDiehard,
        mockServices.rootConfig.factory({
          data: {
            diehard: {
              registries: [{ name: 'internal', host: '127.0.0.1:1' }],
            },
          },
        }),
      ],
    });
    const decision = createImageRepositoryConditionalDecision(
      imagePushPermission,
      imageRepositoryConditions.isRepositoryUnder({ prefixes: ['apps'] }),
    );
    const { port } = server.address() as { port: number };
    expect(
      await applyConditions(port, decision, [
        'internal/apps/shop',
        'internal/apps/shop/web',
        'internal/apps',
        'internal/apps-old/shop',
        'internal/platform/tomcat',
        'elsewhere/apps/shop',
      ]),
    ).toEqual({
      'internal/apps/shop': AuthorizeResult.ALLOW,
      'internal/apps/shop/web': AuthorizeResult.ALLOW,
      'internal/apps': AuthorizeResult.ALLOW,
      'internal/apps-old/shop': AuthorizeResult.DENY,
      'internal/platform/tomcat': AuthorizeResult.DENY,
      'elsewhere/apps/shop': AuthorizeResult.DENY,
    });
  });
});

describe('the IS_GIT_OWNER rule, as the permission backend evaluates it', () => {
  it('is served by the scaffolder plugin and decides per folder of a configured git server', async () => {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleDiehard,
        mockServices.rootConfig.factory({
          data: {
            diehard: {
              git: {
                servers: [
                  {
                    baseUrl: 'http://git.example',
                    username: 'portal',
                    password: 'secret',
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    const decision = createGitRepositoryConditionalDecision(
      gitPushPermission,
      gitRepositoryConditions.isGitOwner({ owners: ['shop-team'] }),
    );
    const { port } = server.address() as { port: number };
    expect(
      await applyConditions(port, decision, [
        'http://git.example/shop-team/web.git',
        'http://git.example/ops-team/galera.git',
        'http://elsewhere.example/shop-team/web.git',
        'http://portal:secret@git.example/shop-team/web.git',
      ]),
    ).toEqual({
      'http://git.example/shop-team/web.git': AuthorizeResult.ALLOW,
      'http://git.example/ops-team/galera.git': AuthorizeResult.DENY,
      'http://elsewhere.example/shop-team/web.git': AuthorizeResult.DENY,
      'http://portal:secret@git.example/shop-team/web.git':
        AuthorizeResult.DENY,
    });
  });
});
