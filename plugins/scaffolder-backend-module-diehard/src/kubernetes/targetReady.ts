import {
  AuthenticationError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { KubernetesRequestAuth } from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from './applyClusters';
import { TARGET_WORDS, TargetWords } from './targetWords';
import { KubeApiError, KubeClient } from './KubeClient';
import { listStorageClasses } from './storageClasses';
import { hostsTaken } from './ingressHosts';

/** Where a template will deploy, and what it will ask of the cluster there. */
export interface TargetCheck {
  cluster: string;
  namespace?: string;
  /** Classes its volume claims will name. */
  storageClasses?: string[];
  /** The Ingress it will apply in `namespace`, and the hosts that Ingress serves whole. */
  ingress?: { name: string; hosts: string[] };
}

/**
 * Throws, naming the cluster by name and title (never its URL or token), when the
 * cluster does not answer, refuses the portal's credentials, has no `namespace`, or
 * lacks one of the storage classes named (a claim of such a class never binds: its pods
 * would wait, Pending, until the rollout times out), or when another Ingress serves a
 * host the template's Ingress would (the two would share it, each getting part of its
 * traffic). A cluster that answers but does not let the portal read namespaces,
 * StorageClasses or Ingresses passes: the apply's own checks then speak.
 */
export async function assertTargetReady(
  clusters: ApplyClusters,
  target: TargetCheck,
  authConfig?: KubernetesRequestAuth,
  words: TargetWords = TARGET_WORDS.en,
) {
  const { cluster, namespace, storageClasses = [], ingress } = target;
  const name = words.cluster(cluster, clusters.get(cluster).title);
  const authProvider = clusters.authProvider(cluster);
  const client = new KubeClient({
    ...(await clusters.connection(cluster, authConfig)),
    http2: false,
  });
  try {
    if (namespace === undefined) {
      await client.request('GET', '/version');
    } else if (
      !(await client.get({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: namespace },
      }))
    ) {
      throw new NotFoundError(words.noNamespace(namespace, name));
    }
    if (storageClasses.length) {
      const known = (await listStorageClasses(client)).map(c => c.name);
      const missing = storageClasses.filter(c => !known.includes(c));
      if (missing.length) {
        throw new InputError(words.noStorageClass(missing, name, known));
      }
    }
    if (ingress) {
      const taken = await hostsTaken(client, ingress.hosts, {
        namespace,
        name: ingress.name,
      });
      if (taken.length) throw new InputError(words.hostsTaken(taken, name));
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
