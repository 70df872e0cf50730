import { msg } from '../messages/format';
import { resolveIntOrPercent } from '../kube/podSpec';
import { refOf } from '../model/kube';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const noPdb: RuleCheck = {
  id: 'disruption-no-pdb',
  category: 'disruption',
  severity: 'warning',
  title: 'No PodDisruptionBudget selects the pods',
};
const deadlock: RuleCheck = {
  id: 'disruption-pdb-blocks-drain',
  category: 'disruption',
  severity: 'warning',
  title: 'PodDisruptionBudget allows no eviction (drain deadlock)',
};
const nothing: RuleCheck = {
  id: 'disruption-pdb-protects-nothing',
  category: 'disruption',
  severity: 'warning',
  title: 'PodDisruptionBudget protects nothing',
};

/** `disruption`: no PDB, or a PDB that deadlocks drains or protects nothing. */
export const disruptionRule: PostureRule = {
  checks: [noPdb, deadlock, nothing],
  evaluate({ workload: w }) {
    if (w.replicas < 2 || w.kind === 'Pod' || w.kind === 'DaemonSet') return [];
    const app = w.template.metadata.labels.app ?? w.name;
    const snippet = `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${w.name}\n  namespace: ${w.namespace}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: ${app}}`;
    if (w.pdbs.length === 0) {
      return [
        findingFor(noPdb, w, {
          message: msg('disruption-no-pdb.message', {
            workload: label(w),
            replicas: w.replicas,
          }),
          evidence: msg('evidence.noPdb'),
          remediation: snippet,
        }),
      ];
    }
    const out = [];
    for (const pdb of w.pdbs) {
      const n = w.replicas;
      const minA = resolveIntOrPercent(pdb.spec?.minAvailable, n, true);
      const maxU = resolveIntOrPercent(pdb.spec?.maxUnavailable, n, true);
      const ev =
        pdb.spec?.minAvailable !== undefined
          ? `minAvailable: ${pdb.spec.minAvailable}`
          : `maxUnavailable: ${pdb.spec?.maxUnavailable}`;
      if (
        (maxU !== undefined && maxU <= 0) ||
        (minA !== undefined && minA >= n)
      ) {
        out.push(
          findingFor(deadlock, w, {
            message: msg('disruption-pdb-blocks-drain.message', {
              pdb: `${pdb.metadata?.name}`,
              workload: label(w),
              replicas: n,
            }),
            evidence: ev,
            remediation: msg('disruption-pdb-blocks-drain.remediation', {
              snippet,
            }),
            objects: [refOf(pdb)],
          }),
        );
      } else if (
        (minA !== undefined && minA <= 0) ||
        (maxU !== undefined && maxU >= n)
      ) {
        out.push(
          findingFor(nothing, w, {
            message: msg('disruption-pdb-protects-nothing.message', {
              pdb: `${pdb.metadata?.name}`,
              workload: label(w),
            }),
            evidence: ev,
            remediation: snippet,
            objects: [refOf(pdb)],
          }),
        );
      }
    }
    return out;
  },
};
