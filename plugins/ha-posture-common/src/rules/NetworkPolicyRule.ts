import { msg } from '../messages/format';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const none: RuleCheck = {
  id: 'network-no-policy',
  category: 'network',
  severity: 'info',
  title: 'No NetworkPolicy selects the pods',
};

/** `network`: no NetworkPolicy selects the pods (a posture gap, low severity). */
export const networkPolicyRule: PostureRule = {
  checks: [none],
  evaluate({ workload: w }) {
    if (w.networkPolicies.length > 0) return [];
    const app = w.template.metadata.labels.app ?? w.name;
    return [
      findingFor(none, w, {
        message: msg('network-no-policy.message', { workload: label(w) }),
        evidence: msg('evidence.noNetworkPolicy'),
        remediation: `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${w.name}\n  namespace: ${w.namespace}\nspec:\n  podSelector:\n    matchLabels: {app: ${app}}\n  policyTypes: [Ingress]\n  ingress:\n    - ports: [{port: 8080}]`,
      }),
    ];
  },
};
