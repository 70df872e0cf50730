import { Config } from '@backstage/config';
import { DeployTarget } from '@diehard/plugin-scaffolder-diehard-common';
import { ClusterDirectory } from '../kubernetes/clusters';

/**
 * The clusters open to `diehard:kubernetes:apply`: declared in the Kubernetes
 * plugin's config (`type: config` locators) and allowlisted in
 * `diehard.apply.clusters`, in the allowlist's order.
 */
export function readDeployTargets(config: Config): DeployTarget[] {
  const directory = ClusterDirectory.fromConfig(config);
  const titles = new Map<string, string>();
  for (const method of config.getOptionalConfigArray(
    'kubernetes.clusterLocatorMethods',
  ) ?? []) {
    if (method.getString('type') !== 'config') continue;
    for (const c of method.getOptionalConfigArray('clusters') ?? []) {
      const title = c.getOptionalString('title');
      if (title) titles.set(c.getString('name'), title);
    }
  }
  return (config.getOptionalConfigArray('diehard.apply.clusters') ?? [])
    .map(a => a.getString('name'))
    .filter(name => directory.has(name))
    .map(name => {
      const allow = config
        .getConfigArray('diehard.apply.clusters')
        .find(a => a.getString('name') === name)!;
      return {
        name,
        title: titles.get(name) ?? name,
        namespaces: allow.getOptionalStringArray('namespaces') ?? [],
        kinds: allow.getOptionalStringArray('kinds') ?? [],
      };
    });
}
