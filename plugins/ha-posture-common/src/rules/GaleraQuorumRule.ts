import { hasArbitrator, isGalera } from '../dsn/databases';
import { Workload } from '../grouping/workload';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const quorum: RuleCheck = {
  id: 'database-galera-quorum',
  category: 'database',
  severity: 'critical',
  title: 'Galera cluster cannot keep quorum through one failure',
};

/** Why a Galera workload cannot keep quorum through one node failure, or undefined when it can. */
export function galeraQuorumProblem(
  w: Workload,
  workloads: Workload[],
): string | undefined {
  if (!isGalera(w)) return undefined;
  const arbitrator = hasArbitrator(workloads, w.namespace);
  const votes = w.replicas + (arbitrator ? 1 : 0);
  if (votes >= 3 && votes % 2 === 1) return undefined;
  const what = `${w.replicas} node${w.replicas === 1 ? '' : 's'}${
    arbitrator ? ' + an arbitrator' : ''
  }`;
  return votes < 3
    ? `${what}: losing one leaves no majority, the survivors stop accepting writes`
    : `${what}: an even vote count splits into two halves with no majority on a network partition`;
}

/** `database`: a Galera (or PXC) cluster with fewer than 3 or an even number of nodes, on itself. */
export const galeraQuorumRule: PostureRule = {
  checks: [quorum],
  evaluate({ workload: w, workloads, service }) {
    const problem = galeraQuorumProblem(w, workloads);
    if (!problem) return [];
    return [
      findingFor(quorum, w, {
        message: `Galera cluster ${label(w)} runs ${problem}.`,
        evidence: `spec.replicas: ${w.object.spec?.replicas ?? 1}${
          hasArbitrator(workloads, w.namespace) ? ' (+ garbd)' : ''
        }`,
        remediation:
          'Run an odd number of Galera nodes, at least 3 (or add a garbd arbitrator to an even count):\n\nspec:\n  replicas: 3',
        spof: `if one ${label(
          w,
        )} node fails, ${service} loses its database quorum`,
      }),
    ];
  },
};
