import { msg } from '../messages/format';
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
          message: msg('storage-node-local-volume.message', {
            workload: label(w),
            claimKind: c.perReplica
              ? 'volumeClaimTemplate'
              : 'PersistentVolumeClaim',
            claim: c.claim,
            why: c.why,
          }),
          evidence: c.evidence,
          remediation: msg('storage-node-local-volume.remediation', {
            snippet:
              'spec:\n  storageClassName: nfs-ha   # a class whose volumes survive a node\n  accessModes: [ReadWriteMany]',
          }),
          objects: c.objects.map(refOf),
          spof: msg('storage-node-local-volume.spof', {
            node: nodePhrase(w),
            service,
            claim: c.claim,
          }),
        }),
      );
  },
};
