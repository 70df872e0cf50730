import { useCallback } from 'react';
import { useApi, useApiHolder } from '@backstage/frontend-plugin-api';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { haPostureApiRef } from '../api';
import { clusterAuthHeaders } from '../lib/clusterAuthHeaders';

/**
 * Gets the headers that carry the signed-in user's cluster tokens, from the
 * Kubernetes plugin's auth providers API; none when the app has no Kubernetes plugin
 * or no cluster needs a user token.
 */
export function useClusterAuthHeaders(): () => Promise<Record<string, string>> {
  const api = useApi(haPostureApiRef);
  const apis = useApiHolder();
  return useCallback(async () => {
    const authProviders = apis.get(kubernetesAuthProvidersApiRef);
    if (!authProviders) return {};
    const clusters = await api.getClusterAuth();
    if (!clusters.some(c => c.needsUserToken)) return {};
    return clusterAuthHeaders(clusters, authProviders);
  }, [api, apis]);
}
