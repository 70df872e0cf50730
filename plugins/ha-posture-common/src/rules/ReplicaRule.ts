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

/** `replicas`: the workload can run as a single pod. DaemonSets are exempt. */
export const replicaRule: PostureRule = {
  checks: [single, hpaMin, barePod, unready],
  evaluate({ workload: w, service }) {
    if (w.kind === 'DaemonSet') return [];
    const spof = `if ${nodePhrase(w)} fails, ${service} loses ${label(
      w,
    )} until it is rescheduled`;
    if (w.kind === 'Pod') {
      return [
        findingFor(barePod, w, {
          message: `Pod ${w.name} is not managed by a controller: if its node fails, nothing recreates it.`,
          evidence: 'kind: Pod (no ownerReferences)',
          remediation:
            'Run it from a Deployment (or StatefulSet) with at least 2 replicas:\n\napiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n  template: <this pod>',
          spof,
        }),
      ];
    }
    if (w.hpas.length > 0 && w.replicas < 2) {
      const hpa = w.hpas.find(h => (h.spec?.minReplicas ?? 1) < 2)!;
      return [
        findingFor(hpaMin, w, {
          message: `HorizontalPodAutoscaler ${
            hpa.metadata?.name
          } may scale ${label(w)} down to ${w.replicas} replica.`,
          evidence: `spec.minReplicas: ${
            hpa.spec?.minReplicas ?? '(unset, 1)'
          }`,
          remediation:
            'Set the HPA floor to at least 2:\n\nspec:\n  minReplicas: 2',
          objects: [refOf(hpa)],
          spof,
        }),
      ];
    }
    if (w.replicas < 2) {
      return [
        findingFor(single, w, {
          message: `${label(w)} runs ${
            w.replicas
          } replica: a node failure or an eviction stops it.`,
          evidence: `spec.replicas: ${w.object.spec?.replicas ?? '(unset, 1)'}`,
          remediation:
            'Run at least 2 replicas (3 for a quorum-based database):\n\nspec:\n  replicas: 3',
          spof,
        }),
      ];
    }
    if (w.pods.length > 0) {
      const ready = w.pods.filter(isReady).length;
      if (ready < 2) {
        return [
          findingFor(unready, w, {
            message: `${label(w)} declares ${
              w.replicas
            } replicas but only ${ready} of its ${
              w.pods.length
            } pods are ready.`,
            evidence: `ready pods: ${ready}/${w.pods.length}`,
            remediation:
              'Find why pods are not ready (kubectl describe pod, readiness probe, events) and fix it before relying on the replica count.',
            objects: w.pods.map(refOf),
          }),
        ];
      }
    }
    return [];
  },
};
