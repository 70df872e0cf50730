import {
  AuthenticationError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { KubernetesRequestAuth } from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from './applyClusters';
import { TARGET_WORDS, TargetWords } from './targetWords';
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
  words: TargetWords = TARGET_WORDS.en,
) {
  const name = words.cluster(cluster, clusters.get(cluster).title);
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
      throw new NotFoundError(words.noNamespace(namespace, name));
    }
  } catch (e) {
    if (!(e instanceof KubeApiError)) throw e;
    if (e.status === 0) {
      throw new ServiceUnavailableError(words.noAnswer(name));
    }
    if (e.status === 401 && clusters.needsUserToken(cluster)) {
      throw new AuthenticationError(words.userTokenRefused(name, authProvider));
    }
    if (e.status === 401) {
      throw new AuthenticationError(
        words.portalCredentialsRefused(
          name,
          authProvider === 'serviceAccount'
            ? 'serviceAccountToken'
            : words.credentials(authProvider),
        ),
      );
    }
    if (e.status !== 403) throw e;
  } finally {
    client.close();
  }
}
