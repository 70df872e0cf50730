import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';

/** A cluster as the Kubernetes plugin's `kubernetes:` config declares it. */
export interface ClusterConnection {
  name: string;
  kubeConfig: KubeConfig;
}

/**
 * Reads the clusters of the Kubernetes plugin's own configuration
 * (`kubernetes.clusterLocatorMethods[].clusters[]` of type `config`), so Ops declare
 * each cluster and its credentials once. Only `serviceAccount` auth can be used by a
 * backend without a user's own token; other clusters are reported, not guessed at.
 */
export function readClusterConnections(config: Config): {
  clusters: ClusterConnection[];
  skipped: Array<{ name: string; reason: string }>;
} {
  const clusters: ClusterConnection[] = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  for (const method of methods) {
    if (method.getString('type') !== 'config') continue;
    for (const cluster of method.getOptionalConfigArray('clusters') ?? []) {
      const name = cluster.getString('name');
      const authProvider = cluster.getString('authProvider');
      if (authProvider !== 'serviceAccount') {
        skipped.push({
          name,
          reason: `authProvider '${authProvider}' needs a signed-in user; the posture refresh runs as the backend and uses serviceAccount clusters only`,
        });
        continue;
      }
      const token = cluster.getOptionalString('serviceAccountToken');
      if (!token) {
        throw new InputError(
          `kubernetes cluster '${name}' has authProvider serviceAccount but no serviceAccountToken`,
        );
      }
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromOptions({
        clusters: [
          {
            name,
            server: cluster.getString('url'),
            caData: cluster.getOptionalString('caData'),
            caFile: cluster.getOptionalString('caFile'),
            skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
          },
        ],
        users: [{ name: 'diehard-ha-posture', token }],
        contexts: [{ name, cluster: name, user: 'diehard-ha-posture' }],
        currentContext: name,
      });
      clusters.push({ name, kubeConfig });
    }
  }
  return { clusters, skipped };
}
