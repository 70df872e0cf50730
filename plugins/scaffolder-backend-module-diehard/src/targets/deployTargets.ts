import { Config } from '@backstage/config';
import { DeployTarget } from '@diehard/plugin-scaffolder-diehard-common';
import type { KubernetesClusterDirectory } from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from '../kubernetes/applyClusters';

/**
 * The clusters open to `diehard:kubernetes:apply`: declared in the Kubernetes
 * plugin's config (`type: config` locators) and allowlisted in
 * `diehard.apply.clusters`, in the allowlist's order.
 *
 * @public
 */
export function readDeployTargets(
  config: Config,
  directory?: KubernetesClusterDirectory,
): DeployTarget[] {
  return ApplyClusters.fromConfig(config, directory).targets();
}
