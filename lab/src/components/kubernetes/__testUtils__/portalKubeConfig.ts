import { KubeConfig } from '@kubernetes/client-node';
import type { KubernetesEndpoint } from '..';

/** A kubeconfig for the lab's API server as the portal's ServiceAccount (its token). */
export function portalKubeConfig(k8s: KubernetesEndpoint): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'lab',
        server: k8s.server,
        caData: Buffer.from(k8s.caPem).toString('base64'),
      },
    ],
    users: [{ name: 'portal', token: k8s.portal.token }],
    contexts: [{ name: 'lab', cluster: 'lab', user: 'portal' }],
    currentContext: 'lab',
  });
  return kc;
}
