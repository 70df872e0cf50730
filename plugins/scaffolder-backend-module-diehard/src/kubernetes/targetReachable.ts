import {
  AuthenticationError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { KubernetesRequestAuth } from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from './applyClusters';
import { KubeApiError, KubeClient } from './KubeClient';

/**
 * Throws, naming the cluster by name and title (never its URL or token), when the
 * cluster does not answer, refuses the portal's credentials, or has no `namespace`.
 * A cluster that answers but does not let the portal read namespaces passes: the
 * apply's own dry run then speaks for RBAC.
 */
export async function assertTargetReachable(
  clusters: ApplyClusters,
  cluster: string,
  namespace: string | undefined,
  authConfig?: KubernetesRequestAuth,
) {
  const name = `cluster "${cluster}" (${clusters.get(cluster).title})`;
  const authProvider = clusters.authProvider(cluster);
  const client = new KubeClient({
    ...(await clusters.connection(cluster, authConfig)),
    http2: false,
  });
  try {
    if (namespace === undefined) {
      await client.request('GET', '/version');
      return;
    }
    const found = await client.get({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace },
    });
    if (!found) {
      throw new NotFoundError(
        `namespace "${namespace}" does not exist on ${name}: ask its administrators to create it`,
      );
    }
  } catch (e) {
    if (!(e instanceof KubeApiError)) throw e;
    if (e.status === 0) {
      throw new ServiceUnavailableError(
        `${name} does not answer: check that it runs and that the portal reaches the URL given in kubernetes.clusterLocatorMethods`,
      );
    }
    if (e.status === 401 && clusters.needsUserToken(cluster)) {
      throw new AuthenticationError(
        `${name} refuses your ${authProvider} token: sign in again and restart the template`,
      );
    }
    if (e.status === 401) {
      throw new AuthenticationError(
        `${name} refuses the portal's credentials: renew its ${
          authProvider === 'serviceAccount'
            ? 'serviceAccountToken'
            : `${authProvider} credentials`
        } in kubernetes.clusterLocatorMethods`,
      );
    }
    if (e.status !== 403) throw e;
  } finally {
    client.close();
  }
}
