import {
  KubeObject,
  WorkloadPlacement,
  PodPlacement,
} from '@diehard/plugin-ha-posture-common';

const ZONE_LABEL = 'topology.kubernetes.io/zone';
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** Where each workload's pods run: the picture of its failure domains. */
export function placementOf(
  objects: KubeObject[],
  cluster?: string,
): WorkloadPlacement[] {
  const zoneOfNode = new Map<string, string | undefined>();
  for (const node of objects.filter(o => o.kind === 'Node')) {
    zoneOfNode.set(
      node.metadata?.name ?? '',
      node.metadata?.labels?.[ZONE_LABEL],
    );
  }
  const pods = objects.filter(o => o.kind === 'Pod');

  return objects
    .filter(o => WORKLOAD_KINDS.has(o.kind ?? ''))
    .map(workload => {
      const namespace = workload.metadata?.namespace ?? 'default';
      const selector: Record<string, string> =
        (workload as any).spec?.selector?.matchLabels ?? {};
      const selected = pods.filter(
        pod =>
          (pod.metadata?.namespace ?? 'default') === namespace &&
          Object.keys(selector).length > 0 &&
          Object.entries(selector).every(
            ([key, value]) => pod.metadata?.labels?.[key] === value,
          ),
      );
      return {
        cluster,
        kind: workload.kind ?? '',
        namespace,
        name: workload.metadata?.name ?? '',
        replicas: (workload as any).spec?.replicas ?? 1,
        pods: selected.map(pod => podPlacement(pod, zoneOfNode)),
      };
    });
}

function podPlacement(
  pod: KubeObject,
  zoneOfNode: Map<string, string | undefined>,
): PodPlacement {
  const node: string | undefined = (pod as any).spec?.nodeName;
  const conditions: Array<{ type: string; status: string }> =
    (pod as any).status?.conditions ?? [];
  return {
    name: pod.metadata?.name ?? '',
    node,
    zone: node ? zoneOfNode.get(node) : undefined,
    ready: conditions.some(c => c.type === 'Ready' && c.status === 'True'),
  };
}
