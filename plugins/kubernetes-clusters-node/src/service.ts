import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { KubernetesClusterDirectory } from './KubernetesClusterDirectory';

/**
 * The cluster directory, built once from the root config and shared by every
 * plugin that injects it (`deps: { clusters: kubernetesClustersServiceRef }`).
 *
 * @public
 */
export const kubernetesClustersServiceRef =
  createServiceRef<KubernetesClusterDirectory>({
    id: 'diehard.kubernetes.clusters',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.rootLogger,
        },
        factory: ({ config, logger }) =>
          KubernetesClusterDirectory.fromConfig(config, {
            logger: logger.child({ service: 'kubernetes-clusters' }),
          }),
      }),
  });
