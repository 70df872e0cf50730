import { MessageRef, msg } from '../messages/format';
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
): MessageRef | undefined {
  if (!isGalera(w)) return undefined;
  const arbitrator = hasArbitrator(workloads, w.namespace);
  const votes = w.replicas + (arbitrator ? 1 : 0);
  if (votes >= 3 && votes % 2 === 1) return undefined;
  const one = w.replicas === 1;
  const nodes = one ? 'galera.nodes.one' : 'galera.nodes.other';
  const withArbitrator = one
    ? 'galera.nodes.oneWithArbitrator'
    : 'galera.nodes.otherWithArbitrator';
  const what = msg(arbitrator ? withArbitrator : nodes, {
    nodes: w.replicas,
  });
  return msg(
    votes < 3 ? 'galera.problem.noMajority' : 'galera.problem.evenVotes',
    { nodes: what },
  );
}

/** `database`: a Galera (or PXC) cluster with fewer than 3 or an even number of nodes, on itself. */
export const galeraQuorumRule: PostureRule = {
  checks: [quorum],
  evaluate({ workload: w, workloads, service }) {
    const problem = galeraQuorumProblem(w, workloads);
    if (!problem) return [];
    return [
      findingFor(quorum, w, {
        message: msg('database-galera-quorum.message', {
          workload: label(w),
          problem,
        }),
        evidence: `spec.replicas: ${w.object.spec?.replicas ?? 1}${
          hasArbitrator(workloads, w.namespace) ? ' (+ garbd)' : ''
        }`,
        remediation: msg('database-galera-quorum.remediation', {
          snippet: 'spec:\n  replicas: 3',
        }),
        spof: msg('database-galera-quorum.spof', {
          workload: label(w),
          service,
        }),
      }),
    ];
  },
};
