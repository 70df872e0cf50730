import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import haPosturePlugin from '@diehard/plugin-ha-posture-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { handoffReviewPlugin } from '../plugin';
import { teamsOnlyPolicyModule } from './teamsOnlyPolicy';

const corpus = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-common/package.json'),
  '../corpus/service',
);

/** The demo teams: Alice writes eni-todo, Bruno runs it, Carol is in neither team. */
export const ALICE = 'user:default/alice';
export const BRUNO = 'user:default/bruno';
export const CAROL = 'user:default/carol';
const MEMBERSHIPS: Record<string, string[]> = {
  [ALICE]: [ALICE, 'group:default/dev-team'],
  [BRUNO]: [BRUNO, 'group:default/ops-team'],
  [CAROL]: [CAROL],
};

export const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

/** A component whose manifests are the posture corpus's eni-todo stacks. */
function component(name: string, stack: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': `file:${path.join(
          corpus,
          stack,
          'catalog-info.yaml',
        )}`,
        'diehard.io/manifests-path': '.',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:dev-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/dev-team' }],
  };
}

/**
 * A backend with the real ha-posture and handoff-review plugins, a catalog holding
 * the eni-todo stacks, and users whose groups are the demo teams. `database` (a
 * `backend.database` config) makes several instances share real databases, as
 * replicas do. `teamsOnlyPolicy` runs the real permission backend with the README's
 * example policy instead of allowing everything.
 */
export async function startReviewBackend(
  options: { database?: JsonObject; teamsOnlyPolicy?: boolean } = {},
) {
  return startTestBackend({
    features: [
      handoffReviewPlugin,
      ...(options.teamsOnlyPolicy
        ? [permissionPlugin, teamsOnlyPolicyModule]
        : []),
      haPosturePlugin,
      catalogServiceMock.factory({
        entities: [
          component('eni-todo-ha', 'eni-todo-ha'),
          component('eni-todo-fragile', 'eni-todo-fragile'),
        ],
      }),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const userEntityRef = (
            credentials.principal as { userEntityRef: string }
          ).userEntityRef;
          return {
            userEntityRef,
            ownershipEntityRefs: MEMBERSHIPS[userEntityRef] ?? [],
          };
        },
      }).factory,
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [{ type: 'config', clusters: [] }],
          },
          ...(options.database
            ? { backend: { database: options.database } }
            : {}),
          ...(options.teamsOnlyPolicy ? { permission: { enabled: true } } : {}),
        },
      }),
    ],
  });
}
