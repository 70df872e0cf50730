import { msg } from '../messages/format';
import { refOf } from '../model/kube';
import { PostureRule, RuleCheck, findingFor, label, nodePhrase } from './rule';

const single: RuleCheck = {
  id: 'replicas-single',
  category: 'replicas',
  severity: 'critical',
  title: 'Workload runs a single replica',
};
const hpaMin: RuleCheck = {
  id: 'replicas-hpa-min',
  category: 'replicas',
  severity: 'critical',
  title: 'HPA allows scaling down to one replica',
};
const barePod: RuleCheck = {
  id: 'replicas-bare-pod',
  category: 'replicas',
  severity: 'critical',
  title: 'Bare Pod: nothing recreates it',
};
const unready: RuleCheck = {
  id: 'replicas-live-unready',
  category: 'replicas',
  severity: 'warning',
  title: 'Fewer than two replicas are ready',
};

function isReady(pod: any): boolean {
  return (pod?.status?.conditions ?? []).some(
    (c: any) => c?.type === 'Ready' && c?.status === 'True',
  );
}

/** `spec.replicas: 2`, or the default of an unset replica count. */
function replicasEvidence(field: string, value: unknown) {
  return value === undefined || value === null
    ? msg('evidence.unsetOne', { field })
    : `${field}: ${value}`;
}

/** `replicas`: the workload can run as a single pod. DaemonSets are exempt. */
export const replicaRule: PostureRule = {
  checks: [single, hpaMin, barePod, unready],
  evaluate({ workload: w, service }) {
    if (w.kind === 'DaemonSet') return [];
    const spof = msg('replicas.spof', {
      node: nodePhrase(w),
      service,
      workload: label(w),
    });
    if (w.kind === 'Pod') {
      return [
        findingFor(barePod, w, {
          message: msg('replicas-bare-pod.message', { pod: w.name }),
          evidence: msg('evidence.barePod'),
          remediation: msg('replicas-bare-pod.remediation', {
            snippet:
              'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n  template: <this pod>',
          }),
          spof,
        }),
      ];
    }
    if (w.hpas.length > 0 && w.replicas < 2) {
      const hpa = w.hpas.find(h => (h.spec?.minReplicas ?? 1) < 2)!;
      return [
        findingFor(hpaMin, w, {
          message: msg('replicas-hpa-min.message', {
            hpa: `${hpa.metadata?.name}`,
            workload: label(w),
            replicas: w.replicas,
          }),
          evidence: replicasEvidence('spec.minReplicas', hpa.spec?.minReplicas),
          remediation: msg('replicas-hpa-min.remediation', {
            snippet: 'spec:\n  minReplicas: 2',
          }),
          objects: [refOf(hpa)],
          spof,
        }),
      ];
    }
    if (w.replicas < 2) {
      return [
        findingFor(single, w, {
          message: msg('replicas-single.message', {
            workload: label(w),
            replicas: w.replicas,
          }),
          evidence: replicasEvidence('spec.replicas', w.object.spec?.replicas),
          remediation: msg('replicas-single.remediation', {
            snippet: 'spec:\n  replicas: 3',
          }),
          spof,
        }),
      ];
    }
    if (w.pods.length > 0) {
      const ready = w.pods.filter(isReady).length;
      if (ready < 2) {
        return [
          findingFor(unready, w, {
            message: msg('replicas-live-unready.message', {
              workload: label(w),
              replicas: w.replicas,
              ready,
              pods: w.pods.length,
            }),
            evidence: msg('evidence.readyPods', { ready, pods: w.pods.length }),
            remediation: msg('replicas-live-unready.remediation'),
            objects: w.pods.map(refOf),
          }),
        ];
      }
    }
    return [];
  },
};
