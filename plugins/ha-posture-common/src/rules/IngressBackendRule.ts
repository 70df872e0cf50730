import { MessageRef, msg } from '../messages/format';
import { ObjectIndex } from '../grouping/ObjectIndex';
import { Grouping, backendServiceNames } from '../grouping/groupWorkloads';
import { KubeObject, namespaceOf, refOf } from '../model/kube';
import { PostureRule, RuleCheck, findingFor } from './rule';

/** Exported for the object-level findings of evaluate.ts (an Ingress that routes to no workload). */
export const brokenBackend: RuleCheck = {
  id: 'ingress-backend-broken',
  category: 'ingress',
  severity: 'critical',
  title: 'Ingress backend Service is missing or selects no pods',
};

/** The backends of an Ingress that lead nowhere, with the reason. */
export function brokenBackends(
  ing: KubeObject,
  index: ObjectIndex,
  grouping: Grouping,
): Array<{ service: string; why: MessageRef }> {
  const ns = namespaceOf(ing);
  const out = [];
  for (const name of backendServiceNames(ing)) {
    const svc = index.get('Service', ns, name);
    if (!svc) {
      out.push({
        service: name,
        why: msg('ingress.reason.missing'),
      });
      continue;
    }
    if (
      svc.spec?.type === 'ExternalName' ||
      !svc.spec?.selector ||
      Object.keys(svc.spec.selector).length === 0
    )
      continue;
    if (!grouping.serviceWorkloads.has(svc))
      out.push({
        service: name,
        why: msg('ingress.reason.empty'),
      });
  }
  return out;
}

/** `backend.service.name: todo (does not exist)` */
export function brokenBackendEvidence(b: {
  service: string;
  why: MessageRef;
}): MessageRef {
  return msg('evidence.ingressBackend', { service: b.service, why: b.why });
}

/** `ingress`: an Ingress routing to this workload also routes to a Service that is missing or empty. */
export const ingressBackendRule: PostureRule = {
  checks: [brokenBackend],
  evaluate({ workload: w, index, grouping }) {
    const out = [];
    for (const ing of w.ingresses) {
      for (const b of brokenBackends(ing, index, grouping)) {
        out.push(
          findingFor(brokenBackend, w, {
            message: msg('ingress-backend-broken.message', {
              kind: `${ing.kind}`,
              ingress: `${ing.metadata?.name}`,
              backend: b.service,
              reason: b.why,
            }),
            evidence: brokenBackendEvidence(b),
            remediation: msg('ingress-backend-broken.remediation', {
              snippet: `backend:\n  service:\n    name: ${
                w.services[0]?.metadata?.name ?? w.name
              }\n    port: {number: 80}`,
            }),
            objects: [refOf(ing)],
          }),
        );
      }
    }
    return out;
  },
};
