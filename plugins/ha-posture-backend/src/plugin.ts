import { renderToolsFromConfig } from '@diehard/plugin-ha-posture-render-node';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  haPosturePermissions,
  PostureRule,
} from '@diehard/plugin-ha-posture-common';
import {
  haPostureManifestSourcesExtensionPoint,
  HaPostureManifestSource,
  haPostureRulesExtensionPoint,
} from '@diehard/plugin-ha-posture-node';
import { kubernetesClustersServiceRef } from '@diehard/plugin-kubernetes-clusters-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { notifyOnSave } from './notifications/notifyOnSave';
import { createRouter } from './router';
import { checkAddedRule, checkAddedSource } from './service/addedRules';
import { PostureService } from './service/PostureService';
import { LiveObjectSource } from './sources/LiveObjectSource';
import {
  ManifestObjectSource,
  readManifestLimits,
} from './sources/ManifestObjectSource';
import { RefreshQueue } from './service/RefreshQueue';
import { PostureStore } from './store/PostureStore';

/**
 * HA posture of catalog entities, live from clusters or from manifests.
 *
 * @public
 */
export const haPosturePlugin = createBackendPlugin({
  pluginId: 'ha-posture',
  register(env) {
    const rules: PostureRule[] = [];
    env.registerExtensionPoint(haPostureRulesExtensionPoint, {
      addRule(rule) {
        checkAddedRule(rule, rules);
        rules.push(rule);
      },
    });
    const sources: HaPostureManifestSource[] = [];
    env.registerExtensionPoint(haPostureManifestSourcesExtensionPoint, {
      addManifestSource(source) {
        checkAddedSource(source, sources);
        sources.push(source);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        clusters: kubernetesClustersServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        for (const cluster of deps.clusters.list()) {
          if (!cluster.needsUserToken) continue;
          deps.logger.info('cluster read for signed-in users only', {
            name: cluster.name,
            reason: `authProvider '${cluster.authProvider}' needs a signed-in user's token: the scheduled refresh runs as the backend and leaves it out; a user's Refresh reads it as that user`,
          });
        }
        const store = notifyOnSave(
          await PostureStore.create(deps.database),
          deps.notifications,
          deps.logger,
        );
        const posture = new PostureService({
          catalog: deps.catalog,
          auth: deps.auth,
          live: new LiveObjectSource(deps.clusters, deps.logger),
          manifests: new ManifestObjectSource(
            deps.urlReader,
            readManifestLimits(deps.config),
            renderToolsFromConfig(deps.config),
          ),
          store,
          rules,
          sources,
          logger: deps.logger,
          queue: new RefreshQueue({
            concurrency:
              deps.config.getOptionalNumber('haPosture.refresh.concurrency') ??
              2,
            queue:
              deps.config.getOptionalNumber('haPosture.refresh.queue') ?? 20,
          }),
        });

        deps.permissionsRegistry.addPermissions(haPosturePermissions);
        deps.httpRouter.use(
          await createRouter({
            posture,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
          }),
        );

        const minutes =
          deps.config.getOptionalNumber('haPosture.refresh.minutes') ?? 10;
        const timeoutMinutes =
          deps.config.getOptionalNumber('haPosture.refresh.timeoutMinutes') ??
          5;
        const historyDays =
          deps.config.getOptionalNumber('haPosture.historyDays') ?? 180;
        // One replica at a time runs it (the scheduler's lock in the database). A replica
        // that dies while running it keeps the lock until `timeout`; a scheduler janitor
        // (each replica, once a minute) then frees it and the next replica runs at once.
        await deps.scheduler.scheduleTask({
          id: 'ha-posture-refresh',
          frequency: { minutes },
          timeout: { minutes: timeoutMinutes },
          initialDelay: { seconds: 15 },
          fn: async signal => {
            const started = Date.now();
            deps.logger.info('refreshing HA posture');
            const result = await posture.refreshAll(signal);
            deps.logger.info(
              result.stopped
                ? 'stopped refreshing HA posture (timed out or shutting down)'
                : 'refreshed HA posture',
              { ...result, durationMs: Date.now() - started },
            );
            if (result.stopped) return;
            await store.pruneHistory(
              new Date(Date.now() - historyDays * 24 * 3600 * 1000),
            );
          },
        });
      },
    });
  },
});
