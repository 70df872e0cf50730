import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { registryDirectoryServiceRef } from '@diehard/plugin-container-images-node';
import { createCatalogCheckNameAction } from './actions/catalogCheckName';
import { createCatalogWaitAction } from './actions/catalogWait';
import { createGitCheckPushAction } from './actions/gitCheckPush';
import { createGitPushAction } from './actions/gitPush';
import { createImageBuildAction } from './actions/imageBuild';
import { createImageCheckBuildAction } from './actions/imageCheckBuild';
import { createImagePushAction } from './actions/imagePush';
import { createKubernetesApplyAction } from './actions/kubernetesApply';
import { createKubernetesCheckTargetAction } from './actions/kubernetesCheckTarget';
import { createPostureGateAction } from './actions/postureGate';
import { withAuditEvent } from './actions/withAuditEvent';
import { withoutServerStack } from './actions/withoutServerStack';
import { kubernetesClustersServiceRef } from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from './kubernetes/applyClusters';
import {
  gitPushPermission,
  imagePushPermission,
  kubernetesApplyPermission,
} from '@diehard/plugin-scaffolder-diehard-common';
import { GitServerDirectory } from './config/gitServers';
import {
  clusterPermissionRules,
  clusterResourceRef,
} from './permissions/clusterRules';
import {
  gitRepositoryPermissionRules,
  gitRepositoryResourceRef,
} from './permissions/gitRepositoryRules';
import {
  imageRepositoryPermissionRules,
  imageRepositoryResourceRef,
} from './permissions/imageRepositoryRules';
import { createTargetsRouter } from './targets/router';

/**
 * Registers the Diehard actions with the scaffolder (`diehard:image:build`,
 * `diehard:image:push`, `diehard:kubernetes:apply`, `diehard:posture:gate`,
 * `diehard:kubernetes:check-target`, `diehard:image:check-build`,
 * `diehard:git:push`, `diehard:git:check-push`, `diehard:catalog:check-name`), the
 * `diehard.kubernetes.apply` permission with its IS_CLUSTER rule, and
 * `GET /api/scaffolder/diehard/targets` (the clusters the user may deploy to, for
 * the templates' pickers). Each push and apply is an event of Backstage's auditor.
 *
 * @public
 */
export const scaffolderModuleDiehard = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'diehard',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        auditor: coreServices.auditor,
        registries: registryDirectoryServiceRef,
        directory: kubernetesClustersServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({
        scaffolderActions,
        config,
        permissions,
        permissionsRegistry,
        httpRouter,
        httpAuth,
        logger,
        auditor,
        registries,
        directory,
        catalog,
        auth,
      }) {
        const clusters = ApplyClusters.fromConfig(config, directory);
        permissionsRegistry.addResourceType({
          resourceRef: clusterResourceRef,
          permissions: [kubernetesApplyPermission],
          rules: clusterPermissionRules,
          getResources: async refs =>
            refs.map(name => (clusters.has(name) ? { name } : undefined)),
        });
        permissionsRegistry.addResourceType({
          resourceRef: imageRepositoryResourceRef,
          permissions: [imagePushPermission],
          rules: imageRepositoryPermissionRules,
          getResources: async refs =>
            refs.map(ref => {
              const at = ref.indexOf('/');
              const registry = ref.slice(0, at);
              return at > 0 && registries.names().includes(registry)
                ? { registry, repository: ref.slice(at + 1) }
                : undefined;
            }),
        });
        const gitServers = GitServerDirectory.fromConfig(config);
        permissionsRegistry.addResourceType({
          resourceRef: gitRepositoryResourceRef,
          permissions: [gitPushPermission],
          rules: gitRepositoryPermissionRules,
          getResources: async refs =>
            refs.map(ref => {
              try {
                const { url, repo } = gitServers.resolve(ref);
                const [owner, name] = repo.split('/');
                return { url, owner, name };
              } catch {
                return undefined;
              }
            }),
        });
        // What changes a registry, a cluster or a git server is an audit event.
        const changing = [
          createImagePushAction({ registries, permissions }),
          createKubernetesApplyAction({
            config,
            permissions,
            clusters: directory,
          }),
          createGitPushAction({ config, permissions }),
        ].map(a => withAuditEvent(a, auditor));
        const actions = [
          ...changing,
          createImageBuildAction({ registries }),
          createImageCheckBuildAction({ registries }),
          createKubernetesCheckTargetAction({
            config,
            permissions,
            clusters: directory,
          }),
          createPostureGateAction({
            config,
            permissions,
            clusters: directory,
          }),
          createGitCheckPushAction({ config, permissions }),
          createCatalogCheckNameAction({ catalog, auth }),
          createCatalogWaitAction({ catalog, auth }),
        ];
        scaffolderActions.addActions(
          ...actions.map(a => withoutServerStack(a, logger)),
        );
        httpRouter.use(
          await createTargetsRouter({
            config,
            httpAuth,
            permissions,
            clusters: directory,
          }),
        );
      },
    });
  },
});
