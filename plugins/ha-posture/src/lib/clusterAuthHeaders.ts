import type { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import type { ClusterAuth } from '@diehard/plugin-ha-posture-common';

/**
 * The signed-in user's tokens for the clusters that need one, as the Kubernetes
 * plugin's frontend sends them: `Backstage-Kubernetes-Authorization-<provider>`, or
 * `…-oidc-<oidcTokenProvider>`. A provider the user does not sign in to is left out:
 * the backend then says that the cluster needs the user's token.
 */
export async function clusterAuthHeaders(
  clusters: ClusterAuth[],
  authProviders: KubernetesAuthProvidersApi,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  for (const cluster of clusters) {
    if (!cluster.needsUserToken) continue;
    const oidc =
      cluster.authProvider === 'oidc' ? cluster.oidcTokenProvider : undefined;
    const provider = oidc ? `oidc.${oidc}` : cluster.authProvider;
    const header = `Backstage-Kubernetes-Authorization-${
      oidc ? `oidc-${oidc}` : cluster.authProvider
    }`;
    if (headers[header]) continue;
    try {
      const { token } = await authProviders.getCredentials(provider);
      if (token) headers[header] = token;
    } catch {
      // Not signed in to that provider (or refused): the cluster is not read.
    }
  }
  return headers;
}
