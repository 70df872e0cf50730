import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';

/** The Kubernetes plugin's config with no cluster: postures come from manifests. */
export const NO_KUBERNETES_CLUSTERS = {
  serviceLocatorMethod: { type: 'multiTenant' },
  clusterLocatorMethods: [{ type: 'config', clusters: [] }],
};

/**
 * One scheduler for every plugin of a test backend (`factory`), on which no task runs
 * unless the test triggers it (`scheduler.triggerTask`).
 */
export function sharedScheduler() {
  const scheduler = mockServices.scheduler();
  return {
    scheduler,
    factory: createServiceFactory({
      service: coreServices.scheduler,
      deps: {},
      factory: () => scheduler,
    }),
  };
}

/**
 * User info whose ownership refs are `memberships[user]` (nothing for a user not
 * listed), as the catalog's membership relations make them.
 */
export function userInfoWithMemberships(memberships: Record<string, string[]>) {
  return mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const userEntityRef = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef,
        ownershipEntityRefs: memberships[userEntityRef] ?? [],
      };
    },
  }).factory;
}
