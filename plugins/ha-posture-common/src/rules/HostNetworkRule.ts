import { msg } from '../messages/format';
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
            message: spec.hostNetwork
              ? msg('ingress-host-port.hostNetwork.message', {
                  workload: label(w),
                })
              : msg('ingress-host-port.message', {
                  workload: label(w),
                  hostPort: `${hp[0].p.hostPort}`,
                }),
            evidence: spec.hostNetwork
              ? 'spec.hostNetwork: true'
              : `containers[${hp[0].c.name}].ports[].hostPort: ${hp[0].p.hostPort}`,
            remediation: msg('ingress-host-port.remediation', {
              snippet:
                'kind: Service\nspec:\n  type: ClusterIP\n  ports: [{port: 80, targetPort: 8080}]',
            }),
            spof: msg('ingress.spof', { node: nodePhrase(w), service }),
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
                ? msg('ingress-node-pinned.externalIp.message', {
                    serviceName: `${svc.metadata?.name}`,
                    ip: `${ips[0]}`,
                  })
                : msg('ingress-node-pinned.message', {
                    serviceName: `${svc.metadata?.name}`,
                    type: `${type}`,
                    workload: label(w),
                    node: `${node}`,
                  }),
            evidence:
              ips.length === 1
                ? `spec.externalIPs: [${ips[0]}]`
                : msg('evidence.pinnedToNode', { node: `${node}` }),
            remediation: msg('ingress-node-pinned.remediation'),
            objects: [refOf(svc)],
            spof: msg('ingress.spof', {
              node:
                ips.length === 1
                  ? msg('phrase.nodeHoldingIp', { ip: `${ips[0]}` })
                  : msg('phrase.node', { node: `${node}` }),
              service,
            }),
          }),
        );
      }
    }
    return out;
  },
};
