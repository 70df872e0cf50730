/** Apply order: what others depend on first (as Helm and kubectl users expect). */
const ORDER = [
  'Namespace',
  'CustomResourceDefinition',
  'PriorityClass',
  'StorageClass',
  'ResourceQuota',
  'LimitRange',
  'ServiceAccount',
  'ClusterRole',
  'Role',
  'ClusterRoleBinding',
  'RoleBinding',
  'ConfigMap',
  'Secret',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'NetworkPolicy',
  'APIService',
];

/**
 * The rank of a kind; unknown kinds (custom resources) come last, after the CRDs
 * and workloads they usually refer to.
 */
export function kindRank(kind: string): number {
  const i = ORDER.indexOf(kind);
  return i < 0 ? ORDER.length : i;
}

/** Objects grouped by rank, in apply order; a group can be sent in parallel. */
export function applyWaves<T>(items: T[], kindOf: (t: T) => string): T[][] {
  const byRank = new Map<number, T[]>();
  for (const item of items) {
    const r = kindRank(kindOf(item));
    if (!byRank.has(r)) byRank.set(r, []);
    byRank.get(r)!.push(item);
  }
  return [...byRank.keys()].sort((a, b) => a - b).map(r => byRank.get(r)!);
}

/** Cluster-scoped kinds we know of (the allowlist needs this before asking the cluster). */
export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'APIService',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'Node',
  'PodSecurityPolicy',
]);
