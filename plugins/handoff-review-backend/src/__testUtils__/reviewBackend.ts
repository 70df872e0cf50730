import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackendFeature,
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
// The review backend's tests run the posture backend it reads, as the portal does.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import haPosturePlugin from '@diehard/plugin-ha-posture-backend';
import {
  NO_KUBERNETES_CLUSTERS,
  postureComponent,
  userInfoWithMemberships,
} from '@diehard/backend-test-utils';
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

/** A component only the two teams may read (Carol cannot see it in the catalog). */
export const RESTRICTED = 'component:default/eni-todo-restricted';

/**
 * The in-memory catalog, except that RESTRICTED is hidden from users outside
 * dev-team and ops-team, as a policy restricting reads makes the catalog answer.
 */
function catalogFactory(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const canRead = (ref: string, credentials: BackstageCredentials) => {
    const user = (credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    return (
      ref !== RESTRICTED ||
      !user ||
      (MEMBERSHIPS[user] ?? []).some(g => g.startsWith('group:'))
    );
  };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () =>
      new Proxy(catalog, {
        get(target, name) {
          if (name === 'getEntityByRef') {
            return async (ref: any, options: any) =>
              canRead(String(ref), options.credentials)
                ? target.getEntityByRef(ref, options)
                : undefined;
          }
          if (name === 'getEntitiesByRefs') {
            return async (request: any, options: any) => {
              const { items } = await target.getEntitiesByRefs(
                request,
                options,
              );
              return {
                items: items.map((item, i) =>
                  canRead(request.entityRefs[i], options.credentials)
                    ? item
                    : null,
                ),
              };
            };
          }
          const value = Reflect.get(target, name);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
  });
}

/** A component whose manifests are the posture corpus's eni-todo stacks. */
function component(name: string, stack: string): Entity {
  return postureComponent(name, path.join(corpus, stack, 'catalog-info.yaml'));
}

/**
 * A backend with the real ha-posture and handoff-review plugins, a catalog holding
 * the eni-todo stacks, and users whose groups are the demo teams. `database` (a
 * `backend.database` config) makes several instances share real databases, as
 * replicas do. `teamsOnlyPolicy` runs the real permission backend with the README's
 * example policy instead of allowing everything. `features` are added (or replace a
 * service), `entities` join the catalog and `config` the configuration.
 */
export async function startReviewBackend(
  options: {
    database?: JsonObject;
    teamsOnlyPolicy?: boolean;
    features?: BackendFeature[];
    entities?: Entity[];
    config?: JsonObject;
  } = {},
) {
  return startTestBackend({
    features: [
      handoffReviewPlugin,
      ...(options.features ?? []),
      ...(options.teamsOnlyPolicy
        ? [permissionPlugin, teamsOnlyPolicyModule]
        : []),
      haPosturePlugin,
      catalogFactory([
        component('eni-todo-ha', 'eni-todo-ha'),
        component('eni-todo-fragile', 'eni-todo-fragile'),
        component('eni-todo-restricted', 'eni-todo-ha'),
        ...(options.entities ?? []),
      ]),
      userInfoWithMemberships(MEMBERSHIPS),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: NO_KUBERNETES_CLUSTERS,
          ...(options.database
            ? { backend: { database: options.database } }
            : {}),
          ...(options.teamsOnlyPolicy ? { permission: { enabled: true } } : {}),
          ...options.config,
        },
      }),
    ],
  });
}
