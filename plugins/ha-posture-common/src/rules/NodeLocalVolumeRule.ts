import { refOf } from '../model/kube';
import { nodeLocalClaims } from '../storage/nodeLocalClaims';
import { PostureRule, RuleCheck, findingFor, label, nodePhrase } from './rule';

const nodeLocal: RuleCheck = {
  id: 'storage-node-local-volume',
  category: 'storage',
  severity: 'critical',
  title:
    'Data on a PersistentVolume that lives on one node (hostPath, local, host-local class)',
};

/**
 * `storage`: a claim bound to a hostPath or local PersistentVolume, or provisioned by a
 * host-local class, is a hostPath by another name. A StatefulSet with 2+ replicas whose every
 * replica has its own such volume is exempt: each replica holds its own copy and the
 * application replicates (a 3-node Galera on a local class); its quorum is judged by `database`.
 */
export const nodeLocalVolumeRule: PostureRule = {
  checks: [nodeLocal],
  evaluate({ workload: w, index, service }) {
    if (w.kind === 'DaemonSet') return [];
    return nodeLocalClaims(w, index)
      .filter(c => !(c.perReplica && w.replicas >= 2))
      .map(c =>
        findingFor(nodeLocal, w, {
          message: `${label(w)} keeps its data on ${
            c.perReplica ? 'volumeClaimTemplate' : 'PersistentVolumeClaim'
          } ${c.claim}, served by ${
            c.why
          }: the data stays on one node and is lost to the pod when that node fails.`,
          evidence: c.evidence,
          remediation: `Use a replicated storage class (the volume must be reachable from every node), or run the application replicated with one volume per replica (a StatefulSet with volumeClaimTemplates and 3 replicas):\n\nspec:\n  storageClassName: nfs-ha   # a class whose volumes survive a node\n  accessModes: [ReadWriteMany]`,
          objects: c.objects.map(refOf),
          spof: `if ${nodePhrase(w)} fails, ${service} loses the data of ${
            c.claim
          }`,
        }),
      );
  },
};
