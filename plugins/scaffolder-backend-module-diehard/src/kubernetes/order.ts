/**
 * Apply order, as dependency levels: what others live in, run as or read comes
 * first (as Helm and kubectl users expect); the kinds of one level do not depend
 * on each other and go out together.
 */
const LEVELS: string[][] = [
  // What everything else lives in or is defined by.
  [
    'Namespace',
    'CustomResourceDefinition',
    'PriorityClass',
    'StorageClass',
    'IngressClass',
  ],
  // Limits and identities, before anything runs under them.
  ['ResourceQuota', 'LimitRange', 'ServiceAccount', 'ClusterRole', 'Role'],
  // A binding names an existing role (the API checks it for escalation).
  ['ClusterRoleBinding', 'RoleBinding'],
  // What pods read, are reached through or are fenced by, before any pod starts.
  [
    'ConfigMap',
    'Secret',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'Service',
    'NetworkPolicy',
  ],
  // Workloads and what governs them.
  [
    'DaemonSet',
    'Pod',
    'ReplicationController',
    'ReplicaSet',
    'Deployment',
    'StatefulSet',
    'Job',
    'CronJob',
    'Ingress',
    'PodDisruptionBudget',
    'HorizontalPodAutoscaler',
    'APIService',
  ],
];

/** The level of a kind; kinds we do not know (custom resources) come last. */
export function kindRank(kind: string): number {
  const i = LEVELS.findIndex(level => level.includes(kind));
  return i < 0 ? LEVELS.length : i;
}

/**
 * Objects grouped by level, in apply order; a group can be sent in parallel.
 *
 * @public
 */
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
