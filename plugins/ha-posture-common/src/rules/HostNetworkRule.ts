import { containersOf } from '../kube/podSpec';
import { refOf } from '../model/kube';
import { PostureRule, RuleCheck, findingFor, label, nodePhrase } from './rule';

const hostPort: RuleCheck = {
  id: 'ingress-host-port',
  category: 'ingress',
  severity: 'warning',
  title: 'Traffic enters through hostPort or hostNetwork',
};
const pinned: RuleCheck = {
  id: 'ingress-node-pinned',
  category: 'ingress',
  severity: 'critical',
  title: 'NodePort or external IP entry pinned to one node',
};

function pinnedNode(spec: any): string | undefined {
  if (spec.nodeName) return spec.nodeName;
  if (spec.nodeSelector?.['kubernetes.io/hostname'])
    return spec.nodeSelector['kubernetes.io/hostname'];
  for (const t of spec.affinity?.nodeAffinity
    ?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const e of t?.matchExpressions ?? []) {
      if (
        e?.key === 'kubernetes.io/hostname' &&
        e.operator === 'In' &&
        (e.values ?? []).length === 1
      )
        return e.values[0];
    }
  }
  return undefined;
}

/** `ingress`: entry through hostPort/hostNetwork, or a NodePort/external IP that only one node serves. */
export const hostNetworkRule: PostureRule = {
  checks: [hostPort, pinned],
  evaluate({ workload: w, service }) {
    const out = [];
    const spec = w.template.spec;
    if (w.kind !== 'DaemonSet') {
      const hp = containersOf(spec).flatMap(c =>
        (c.ports ?? []).filter(p => p?.hostPort).map(p => ({ c, p })),
      );
      if (spec.hostNetwork === true || hp.length > 0) {
        out.push(
          findingFor(hostPort, w, {
            message: `${label(w)} takes traffic on ${
              spec.hostNetwork
                ? 'the host network'
                : `hostPort ${hp[0].p.hostPort}`
            }: clients must reach the node it happens to run on.`,
            evidence: spec.hostNetwork
              ? 'spec.hostNetwork: true'
              : `containers[${hp[0].c.name}].ports[].hostPort: ${hp[0].p.hostPort}`,
            remediation:
              'Remove hostPort/hostNetwork and expose the pods through a Service and an Ingress:\n\nkind: Service\nspec:\n  type: ClusterIP\n  ports: [{port: 80, targetPort: 8080}]',
            spof: `if ${nodePhrase(w)} fails, traffic to ${service} stops`,
          }),
        );
      }
    }
    const node = pinnedNode(spec);
    for (const svc of w.services) {
      const type = svc.spec?.type;
      const ips: string[] = svc.spec?.externalIPs ?? [];
      if (
        ips.length === 1 ||
        ((type === 'NodePort' || type === 'LoadBalancer') && node)
      ) {
        out.push(
          findingFor(pinned, w, {
            message:
              ips.length === 1
                ? `Service ${svc.metadata?.name} takes outside traffic on the single external IP ${ips[0]}.`
                : `Service ${svc.metadata?.name} (${type}) exposes ${label(
                    w,
                  )}, whose pods are pinned to node ${node}: the entry point is that node.`,
            evidence:
              ips.length === 1
                ? `spec.externalIPs: [${ips[0]}]`
                : `pod spec pinned to kubernetes.io/hostname=${node}`,
            remediation:
              'Let traffic enter through an Ingress (or a LoadBalancer) served by several nodes, and do not pin the pods to one node.',
            objects: [refOf(svc)],
            spof: `if ${
              ips.length === 1 ? `the node holding ${ips[0]}` : `node ${node}`
            } fails, traffic to ${service} stops`,
          }),
        );
      }
    }
    return out;
  },
};
