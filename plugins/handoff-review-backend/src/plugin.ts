import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  handoffReviewPermissions,
  opsGroupsFromConfig,
} from '@diehard/plugin-handoff-review-common';
import { startReviewNotifications } from './notifications/reviewNotifications';
import { PostureClient } from './posture/PostureClient';
import { manualItemsFromConfig } from './review/checklist';
import { ReviewService } from './review/ReviewService';
import { ReviewStore } from './review/ReviewStore';
import { DEFAULT_WAIVER_MAX_DAYS } from './review/waiverRules';
import { createRouter } from './router';

/**
 * Dev/Ops handoff reviews. A plugin of its own rather than part of ha-posture: a
 * review has its own lifecycle, permissions and data, and reads the posture through
 * its API like any other client.
 *
 * @public
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
        logger: coreServices.logger,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        notifications: notificationService,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(handoffReviewPermissions);
        const waiverMaxDays =
          deps.config.getOptionalNumber('handoffReview.waiverMaxDays') ??
          DEFAULT_WAIVER_MAX_DAYS;
        if (!Number.isInteger(waiverMaxDays) || waiverMaxDays < 1) {
          throw new Error(
            `handoffReview.waiverMaxDays must be a whole number of days, at least 1, got ${waiverMaxDays}`,
          );
        }
        const posture = new PostureClient(deps.discovery, deps.auth);
        const store = await startReviewNotifications({
          ...deps,
          store: await ReviewStore.create(deps.database),
          posture,
        });
        const reviews = new ReviewService({
          store,
          posture,
          catalog: deps.catalog,
          permissions: deps.permissions,
          opsGroups: opsGroupsFromConfig(deps.config),
          manualItems: manualItemsFromConfig(deps.config),
          rules: { waiverMaxDays },
        });
        deps.httpRouter.use(
          await createRouter({
            reviews,
            httpAuth: deps.httpAuth,
            userInfo: deps.userInfo,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
