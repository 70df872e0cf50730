import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
} from '@backstage/plugin-kubernetes-common';
import { ClusterDetails } from '@backstage/plugin-kubernetes-node';

/**
 * The clusters of `kubernetes.clusterLocatorMethods[type=config]`, read as the
 * Kubernetes plugin's own config locator reads them (same keys, same `authMetadata`
 * merge, an authProvider required, names unique), so a cluster the Kubernetes tab
 * shows is the cluster Diehard reads and applies to.
 *
 * @public
 */
export function readClusterDetails(config: Config): ClusterDetails[] {
  const clusters: ClusterDetails[] = [];
  const names = new Set<string>();
  for (const method of config.getOptionalConfigArray(
    'kubernetes.clusterLocatorMethods',
  ) ?? []) {
    if (method.getString('type') !== 'config') continue;
    for (const c of method.getOptionalConfigArray('clusters') ?? []) {
      const name = c.getString('name');
      if (names.has(name)) {
        throw new InputError(
          `kubernetes cluster "${name}" is declared twice in kubernetes.clusterLocatorMethods`,
        );
      }
      names.add(name);
      const block = c.getOptional<Record<string, string>>('authMetadata');
      const authProvider =
        block?.[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ??
        c.getOptionalString('authProvider');
      if (!authProvider) {
        throw new InputError(
          `kubernetes cluster "${name}" has no authProvider (set authProvider or authMetadata["${ANNOTATION_KUBERNETES_AUTH_PROVIDER}"], as the Kubernetes plugin requires)`,
        );
      }
      const title = c.getOptionalString('title');
      const optional = (key: string, annotation: string) => {
        const value = c.getOptionalString(key);
        return value ? { [annotation]: value } : {};
      };
      clusters.push({
        name,
        ...(title && { title }),
        url: c.getString('url'),
        skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
        skipMetricsLookup: c.getOptionalBoolean('skipMetricsLookup') ?? false,
        caData: c.getOptionalString('caData'),
        caFile: c.getOptionalString('caFile'),
        authMetadata: {
          [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: authProvider,
          ...optional('serviceAccountToken', 'serviceAccountToken'),
          ...optional('assumeRole', ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE),
          ...optional('externalId', ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID),
          ...optional(
            'oidcTokenProvider',
            ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
          ),
          ...block,
        },
      });
    }
  }
  return clusters;
}
