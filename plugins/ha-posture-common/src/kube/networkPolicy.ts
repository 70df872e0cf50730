import { KubeObject } from '../model/kube';
import { selectorMatches } from './selectors';

function policyTypes(np: KubeObject): string[] {
  const t = np.spec?.policyTypes;
  if (Array.isArray(t) && t.length > 0) return t;
  return np.spec?.egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

function peerIsOwnPods(
  peer: any,
  labels: Record<string, string>,
  namespace: string,
): boolean {
  if (!peer || peer.ipBlock) return false;
  if (peer.namespaceSelector) {
    const nsLabels = { 'kubernetes.io/metadata.name': namespace };
    if (!selectorMatches(peer.namespaceSelector, nsLabels)) return false;
  }
  return peer.podSelector
    ? selectorMatches(peer.podSelector, labels)
    : !!peer.namespaceSelector;
}

function portAllowed(
  ports: any[] | undefined,
  port: number,
  portName?: string,
): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some(p => {
    if (p?.port === undefined) return true;
    if (typeof p.port === 'string' && !/^\d+$/.test(p.port))
      return p.port === portName;
    const start = Number(p.port);
    const end = typeof p.endPort === 'number' ? p.endPort : start;
    return port >= start && port <= end;
  });
}

/**
 * Whether the NetworkPolicies that select a set of pods let those pods reach each other on a
 * port (Tomcat's cluster receiver): checked for ingress and egress. Returns the first blocking
 * direction and the policies that decide it, or undefined when traffic passes.
 */
export function blockedBetweenOwnPods(
  policies: KubeObject[],
  labels: Record<string, string>,
  namespace: string,
  port: number,
): { direction: 'Ingress' | 'Egress'; policies: KubeObject[] } | undefined {
  for (const direction of ['Ingress', 'Egress'] as const) {
    const relevant = policies.filter(p => policyTypes(p).includes(direction));
    if (relevant.length === 0) continue;
    const rulesKey = direction === 'Ingress' ? 'ingress' : 'egress';
    const peersKey = direction === 'Ingress' ? 'from' : 'to';
    const allowed = relevant.some(p =>
      (p.spec?.[rulesKey] ?? []).some((r: any) => {
        const peers: any[] | undefined = r?.[peersKey];
        const peerOk =
          !peers ||
          peers.length === 0 ||
          peers.some(peer => peerIsOwnPods(peer, labels, namespace));
        return peerOk && portAllowed(r?.ports, port);
      }),
    );
    if (!allowed) return { direction, policies: relevant };
  }
  return undefined;
}
