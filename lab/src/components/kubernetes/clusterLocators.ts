import type { KubernetesEndpoint } from '.';

/**
 * The lab's cluster as the Kubernetes plugin's `kubernetes.clusterLocatorMethods`, read
 * with the portal's ServiceAccount: what a portal on the lab (or a test's backend) is
 * configured with. `url` replaces the API server's address (a proxy in front of it).
 */
export function labClusterLocators(
  kubernetes: Pick<KubernetesEndpoint, 'server' | 'caFile' | 'portal'>,
  options: { url?: string } = {},
) {
  return [
    {
      type: 'config',
      clusters: [
        {
          name: 'lab',
          title: 'HA lab',
          url: options.url ?? kubernetes.server,
          authProvider: 'serviceAccount',
          serviceAccountToken: kubernetes.portal.token,
          caFile: kubernetes.caFile,
        },
      ],
    },
  ];
}
