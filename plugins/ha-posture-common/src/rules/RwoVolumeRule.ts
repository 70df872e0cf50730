import { msg } from '../messages/format';
import { refOf } from '../model/kube';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const rwo: RuleCheck = {
  id: 'storage-rwo-shared',
  category: 'storage',
  severity: 'critical',
  title: 'ReadWriteOnce volume mounted by a multi-replica workload',
};

/** `storage`: a ReadWriteOnce PVC shared by 2+ replicas: only pods on one node can mount it. */
export const rwoVolumeRule: PostureRule = {
  checks: [rwo],
  evaluate({ workload: w, service }) {
    if (w.replicas < 2 || w.kind === 'DaemonSet' || w.kind === 'Pod') return [];
    const out = [];
    for (const pvc of w.pvcs) {
      const pv = w.pvs.find(
        p =>
          p.spec?.claimRef?.name === pvc.metadata?.name ||
          pvc.spec?.volumeName === p.metadata?.name,
      );
      const modes: string[] =
        pvc.spec?.accessModes ?? pv?.spec?.accessModes ?? [];
      if (
        modes.length === 0 ||
        modes.some(m => m === 'ReadWriteMany' || m === 'ReadOnlyMany')
      )
        continue;
      out.push(
        findingFor(rwo, w, {
          message: msg('storage-rwo-shared.message', {
            workload: label(w),
            replicas: w.replicas,
            claim: `${pvc.metadata?.name}`,
            accessModes: modes.join(', '),
          }),
          evidence: `PersistentVolumeClaim ${
            pvc.metadata?.name
          } spec.accessModes: [${modes.join(', ')}]`,
          remediation: msg('storage-rwo-shared.remediation', {
            snippet: `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${
              pvc.metadata?.name
            }\nspec:\n  accessModes: [ReadWriteMany]\n  storageClassName: nfs-ha\n  resources:\n    requests: {storage: ${
              pvc.spec?.resources?.requests?.storage ?? '1Gi'
            }}`,
          }),
          objects: [refOf(pvc), ...(pv ? [refOf(pv)] : [])],
          spof: msg('storage-rwo-shared.spof', {
            claim: `${pvc.metadata?.name}`,
            service,
          }),
        }),
      );
    }
    return out;
  },
};
