import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { handoffReviewPermissions } from '@diehard/plugin-handoff-review-common';
import { PostureClient } from './posture/PostureClient';
import { manualItemsFromConfig } from './review/checklist';
import { ReviewStore } from './review/ReviewStore';
import { createRouter } from './router';

/**
 * Dev/Ops handoff reviews. A plugin of its own rather than part of ha-posture: a
 * review has its own lifecycle, permissions and data, and reads the posture through
 * its API like any other client.
 */
export const handoffReviewPlugin = createBackendPlugin({
  pluginId: 'handoff-review',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(handoffReviewPermissions);
        deps.httpRouter.use(
          await createRouter({
            store: await ReviewStore.create(deps.database),
            posture: new PostureClient(deps.discovery, deps.auth),
            catalog: deps.catalog,
            httpAuth: deps.httpAuth,
            userInfo: deps.userInfo,
            permissions: deps.permissions,
            opsGroup:
              deps.config.getOptionalString('handoffReview.opsGroup') ??
              'group:default/ops-team',
            manualItems: manualItemsFromConfig(deps.config),
          }),
        );
      },
    });
  },
});
