import { msg } from '../messages/format';
import { containersOf, volumesOf } from '../kube/podSpec';
import { PostureRule, RuleCheck, findingFor, label, nodePhrase } from './rule';

const hostPath: RuleCheck = {
  id: 'storage-hostpath',
  category: 'storage',
  severity: 'critical',
  title: 'Data kept in a hostPath volume',
};

/** Host paths that are system plumbing, not data. */
const SYSTEM =
  /^\/(proc|sys|dev|run|etc|var\/run|var\/log|var\/lib\/kubelet|var\/lib\/docker|var\/lib\/containerd|usr|lib|lib64|boot)(\/|$)/;

/** `storage`: a hostPath volume for data stays on its node when the pod moves. */
export const hostPathRule: PostureRule = {
  checks: [hostPath],
  evaluate({ workload: w, service }) {
    if (w.kind === 'DaemonSet') return [];
    const mounts = containersOf(w.template.spec).flatMap(
      c => c.volumeMounts ?? [],
    );
    return volumesOf(w.template.spec)
      .filter(v => v?.hostPath?.path && !SYSTEM.test(v.hostPath.path))
      .filter(v => mounts.some(m => m?.name === v.name && !m.readOnly))
      .map(v =>
        findingFor(hostPath, w, {
          message: msg('storage-hostpath.message', {
            workload: label(w),
            path: `${v.hostPath.path}`,
            volume: `${v.name}`,
          }),
          evidence: `volumes[${v.name}].hostPath.path: ${v.hostPath.path}`,
          remediation: msg('storage-hostpath.remediation', {
            snippet: `volumes:\n  - name: ${v.name}\n    persistentVolumeClaim:\n      claimName: ${w.name}-data`,
          }),
          spof: msg('storage-hostpath.spof', {
            node: nodePhrase(w),
            service,
            path: `${v.hostPath.path}`,
          }),
        }),
      );
  },
};
