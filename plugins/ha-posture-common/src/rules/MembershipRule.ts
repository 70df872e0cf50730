import { MessageRef, msg } from '../messages/format';
import { Workload } from '../grouping/workload';
import { blockedBetweenOwnPods } from '../kube/networkPolicy';
import { Container, envDeclared, envValue } from '../kube/podSpec';
import { parseLabelString, selectorMatches } from '../kube/selectors';
import { refOf } from '../model/kube';
import { entriesOf, tomcatContainerOf } from '../tomcat/configFiles';
import { sessionConfigOf } from '../tomcat/sessionConfig';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const rbac: RuleCheck = {
  id: 'sessions-membership-rbac',
  category: 'sessions',
  severity: 'critical',
  title: 'Kubernetes membership: ServiceAccount may not list pods',
};
const namespace: RuleCheck = {
  id: 'sessions-membership-namespace',
  category: 'sessions',
  severity: 'critical',
  title: 'Kubernetes membership: namespace not injected',
};
const labels: RuleCheck = {
  id: 'sessions-membership-labels',
  category: 'sessions',
  severity: 'critical',
  title: 'Kubernetes membership: label selector does not match its own pods',
};
const receiver: RuleCheck = {
  id: 'sessions-receiver-blocked',
  category: 'sessions',
  severity: 'critical',
  title: 'NetworkPolicy blocks the cluster receiver port between the pods',
};

/** Built-in ClusterRoles that may list pods (they are never in the manifests). */
const BUILTIN_LISTERS = new Set(['view', 'edit', 'admin', 'cluster-admin']);

function mayListPods(w: Workload): { ok: boolean; whyMessage?: MessageRef } {
  for (const b of w.roles) {
    const ref = (b.binding as any).roleRef ?? {};
    if (!b.role) {
      if (ref.kind === 'ClusterRole' && BUILTIN_LISTERS.has(ref.name))
        return { ok: true };
      continue;
    }
    const granted = ((b.role as any).rules ?? []).some((r: any) => {
      const groups: string[] = r?.apiGroups ?? [];
      const resources: string[] = r?.resources ?? [];
      const verbs: string[] = r?.verbs ?? [];
      return (
        (groups.includes('') || groups.includes('*')) &&
        (resources.includes('pods') || resources.includes('*')) &&
        (verbs.includes('list') || verbs.includes('*'))
      );
    });
    if (granted) return { ok: true };
  }
  const whyMessage = msg(
    w.roles.length === 0
      ? 'sessions-membership-rbac.noBinding'
      : 'sessions-membership-rbac.noList',
    { serviceAccount: `${w.serviceAccountName}` },
  );
  return { ok: false, whyMessage };
}

function envFromHas(w: Workload, c: Container, key: string): boolean {
  return (c.envFrom ?? []).some(e => {
    const name = e.configMapRef?.name ?? e.secretRef?.name;
    const obj = [...w.configMaps, ...w.secrets].find(
      o => o.metadata?.name === name,
    );
    return !!obj && key in entriesOf(obj);
  });
}

/**
 * `sessions`: replication is configured but cannot work: Kubernetes membership without RBAC,
 * namespace or a matching label selector, or a NetworkPolicy that blocks the receiver port.
 */
export const membershipRule: PostureRule = {
  checks: [rbac, namespace, labels, receiver],
  evaluate({ workload: w, files, service }) {
    const c = tomcatContainerOf(w);
    if (!c) return [];
    const cfg = sessionConfigOf(files);
    if (!cfg.cluster) return [];
    const out = [];
    const spof = msg('sessions-membership.spof', {
      workload: label(w),
      service,
    });
    const ns = w.namespace;
    const app = w.template.metadata.labels.app ?? w.name;
    if (cfg.membership === 'kubernetes') {
      const perm = mayListPods(w);
      if (!perm.ok) {
        out.push(
          findingFor(rbac, w, {
            message: msg('sessions-membership-rbac.message', {
              workload: label(w),
              why: perm.whyMessage!,
            }),
            evidence: msg('evidence.serviceAccount', {
              serviceAccount: `${w.serviceAccountName}`,
              why: perm.whyMessage!,
            }),
            remediation: `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: ${w.name}-pod-reader, namespace: ${ns}}\nrules:\n  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get, list]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: ${w.name}-pod-reader, namespace: ${ns}}\nsubjects:\n  - kind: ServiceAccount\n    name: ${w.serviceAccountName}\n    namespace: ${ns}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: ${w.name}-pod-reader`,
            objects: w.roles.map(r => refOf(r.binding)),
            spof,
          }),
        );
      }
      const nsVars = ['KUBERNETES_NAMESPACE', 'OPENSHIFT_KUBE_PING_NAMESPACE'];
      if (!nsVars.some(v => envDeclared(c, v) || envFromHas(w, c, v))) {
        out.push(
          findingFor(namespace, w, {
            message: msg('sessions-membership-namespace.message', {
              workload: label(w),
              container: `${c.name}`,
            }),
            evidence: msg('evidence.noNamespaceVariable', {
              container: `${c.name}`,
            }),
            remediation:
              'env:\n  - name: KUBERNETES_NAMESPACE\n    valueFrom:\n      fieldRef: {fieldPath: metadata.namespace}',
            spof,
          }),
        );
      }
      const labelVar = ['KUBERNETES_LABELS', 'OPENSHIFT_KUBE_PING_LABELS']
        .map(v => [v, envValue(c, v)] as const)
        .find(([, v]) => v !== undefined);
      if (labelVar) {
        const sel = parseLabelString(labelVar[1]!);
        if (!sel || !selectorMatches(sel, w.template.metadata.labels)) {
          out.push(
            findingFor(labels, w, {
              message: msg('sessions-membership-labels.message', {
                workload: label(w),
                variable: labelVar[0],
                value: `${labelVar[1]}`,
              }),
              evidence: msg('evidence.selectorVsLabels', {
                selector: `${labelVar[0]}: ${labelVar[1]}`,
                labels: JSON.stringify(w.template.metadata.labels),
              }),
              remediation: `env:\n  - name: ${labelVar[0]}\n    value: app=${app}`,
              spof,
            }),
          );
        }
      }
    }
    const blocked = blockedBetweenOwnPods(
      w.networkPolicies,
      w.template.metadata.labels,
      ns,
      cfg.receiverPort,
    );
    if (blocked) {
      out.push(
        findingFor(receiver, w, {
          message: msg(
            blocked.direction === 'Ingress'
              ? 'sessions-receiver-blocked.ingress.message'
              : 'sessions-receiver-blocked.egress.message',
            {
              policies: blocked.policies.map(p => p.metadata?.name).join(', '),
              port: `${cfg.receiverPort}`,
              workload: label(w),
            },
          ),
          evidence: msg(
            blocked.direction === 'Ingress'
              ? 'evidence.receiverBlocked.ingress'
              : 'evidence.receiverBlocked.egress',
            { workload: label(w), port: `${cfg.receiverPort}` },
          ),
          remediation: `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${w.name}-session-replication, namespace: ${ns}}\nspec:\n  podSelector:\n    matchLabels: {app: ${app}}\n  policyTypes: [Ingress, Egress]\n  ingress:\n    - from: [{podSelector: {matchLabels: {app: ${app}}}}]\n      ports: [{port: ${cfg.receiverPort}}]\n  egress:\n    - to: [{podSelector: {matchLabels: {app: ${app}}}}]\n      ports: [{port: ${cfg.receiverPort}}]`,
          objects: blocked.policies.map(refOf),
          spof,
        }),
      );
    }
    return out;
  },
};
