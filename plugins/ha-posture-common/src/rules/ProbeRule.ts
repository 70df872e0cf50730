import { msg } from '../messages/format';
import { Container, containersOf } from '../kube/podSpec';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const noReadiness: RuleCheck = {
  id: 'probes-no-readiness',
  category: 'probes',
  severity: 'warning',
  title: 'Serving container has no readinessProbe',
};

/**
 * The containers that serve traffic: those that declare a containerPort, and the container
 * owning the port a selecting Service targets (the first container when no one declares it).
 */
export function servingContainers(
  w: Parameters<PostureRule['evaluate']>[0]['workload'],
): Container[] {
  const containers = containersOf(w.template.spec);
  const serving = new Set<Container>(
    containers.filter(c => (c.ports ?? []).length > 0),
  );
  for (const svc of w.services) {
    for (const p of svc.spec?.ports ?? []) {
      const target = p?.targetPort ?? p?.port;
      const owner = containers.find(c =>
        (c.ports ?? []).some(cp =>
          typeof target === 'number'
            ? cp?.containerPort === target
            : cp?.name === target,
        ),
      );
      if (owner) serving.add(owner);
      else if (containers[0]) serving.add(containers[0]);
    }
  }
  return containers.filter(c => serving.has(c));
}

/** `probes`: a serving container without a readinessProbe gets traffic before it can answer. */
export const probeRule: PostureRule = {
  checks: [noReadiness],
  evaluate({ workload: w }) {
    return servingContainers(w)
      .filter(c => !c.readinessProbe)
      .map(c => {
        const port = c.ports?.[0]?.containerPort ?? 8080;
        return findingFor(noReadiness, w, {
          message: msg('probes-no-readiness.message', {
            container: `${c.name}`,
            workload: label(w),
          }),
          evidence: msg('evidence.fieldAbsent', {
            field: `containers[${c.name}].readinessProbe`,
          }),
          remediation: `containers:\n  - name: ${c.name}\n    readinessProbe:\n      httpGet: {path: /health, port: ${port}}\n      periodSeconds: 5\n      failureThreshold: 3`,
        });
      });
  },
};
