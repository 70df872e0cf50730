import type { WorkloadPlacement } from '@diehard/plugin-ha-posture-common';

/** A workload all of whose pods one node or one zone holds: its failure stops the workload. */
export type PlacementSpof =
  | { type: 'node'; workload: string; node: string; count: number }
  | { type: 'zone'; workload: string; zone: string; count: number };

export interface PodView {
  name: string;
  workloadKey: string;
  ready: boolean;
  /** The pod belongs to a workload that a single node or zone holds. */
  atRisk: boolean;
}

export interface NodeView {
  name: string;
  pods: PodView[];
  /** Workloads this node holds entirely. */
  spofs: PlacementSpof[];
}

export interface ZoneView {
  /** undefined: the nodes carry no zone label. */
  name?: string;
  nodes: NodeView[];
  /** Workloads this zone holds entirely (spread over its nodes, but not beyond). */
  spofs: PlacementSpof[];
}

export interface ClusterView {
  name?: string;
  zones: ZoneView[];
  /** Pods no node runs yet. */
  unscheduled: PodView[];
}

export interface WorkloadView {
  key: string;
  kind: string;
  namespace: string;
  name: string;
  cluster?: string;
  replicas: number;
  color: string;
}

export interface FailureDomainsView {
  clusters: ClusterView[];
  workloads: WorkloadView[];
  spofs: PlacementSpof[];
}

/** Workload colours; red is left out, it marks single points of failure. */
export const WORKLOAD_PALETTE = [
  '#1e88e5',
  '#8e24aa',
  '#00897b',
  '#fb8c00',
  '#3949ab',
  '#7cb342',
  '#6d4c41',
  '#00acc1',
  '#5e35b1',
  '#546e7a',
  '#c0ca33',
  '#f4511e',
];

export function workloadKey(p: {
  cluster?: string;
  kind: string;
  namespace: string;
  name: string;
}): string {
  return `${p.cluster ?? ''}/${p.kind}/${p.namespace}/${p.name}`;
}

/**
 * Lays the pods of a service out by cluster, zone and node, and finds the nodes and
 * zones whose failure takes every replica of a workload with it.
 */
export function buildFailureDomains(
  placement: WorkloadPlacement[],
): FailureDomainsView {
  const workloads: WorkloadView[] = placement.map((p, i) => ({
    key: workloadKey(p),
    kind: p.kind,
    namespace: p.namespace,
    name: p.name,
    cluster: p.cluster,
    replicas: p.replicas,
    color: WORKLOAD_PALETTE[i % WORKLOAD_PALETTE.length],
  }));

  const clusterNames = [...new Set(placement.map(p => p.cluster))];
  const spofs: PlacementSpof[] = [];
  const atRisk = new Set<string>();

  const clusters = clusterNames.map(clusterName => {
    const inCluster = placement.filter(p => p.cluster === clusterName);
    const zonesInCluster = new Set(
      inCluster.flatMap(p =>
        p.pods.filter(pod => pod.node).map(pod => pod.zone),
      ),
    );

    const clusterSpofs: PlacementSpof[] = [];
    for (const w of inCluster) {
      const spof = spofOf(w, zonesInCluster.size);
      if (spof) {
        clusterSpofs.push(spof);
        atRisk.add(workloadKey(w));
      }
    }
    spofs.push(...clusterSpofs);

    const zones = new Map<string | undefined, Map<string, PodView[]>>();
    const unscheduled: PodView[] = [];
    for (const w of inCluster) {
      const key = workloadKey(w);
      for (const pod of w.pods) {
        const view: PodView = {
          name: pod.name,
          workloadKey: key,
          ready: pod.ready,
          atRisk: atRisk.has(key),
        };
        if (!pod.node) {
          unscheduled.push(view);
          continue;
        }
        const nodes = zones.get(pod.zone) ?? new Map<string, PodView[]>();
        zones.set(pod.zone, nodes);
        nodes.set(pod.node, [...(nodes.get(pod.node) ?? []), view]);
      }
    }

    const zoneViews: ZoneView[] = [...zones.entries()]
      .sort(([a], [b]) => compareOptional(a, b))
      .map(([zone, nodes]) => ({
        name: zone,
        nodes: [...nodes.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([node, pods]) => ({
            name: node,
            pods,
            spofs: clusterSpofs.filter(
              s => s.type === 'node' && s.node === node,
            ),
          })),
        spofs: clusterSpofs.filter(s => s.type === 'zone' && s.zone === zone),
      }));

    return { name: clusterName, zones: zoneViews, unscheduled };
  });

  return { clusters, workloads, spofs };
}

function spofOf(
  w: WorkloadPlacement,
  zoneCount: number,
): PlacementSpof | undefined {
  // A DaemonSet runs one pod per node by design: losing a node loses only that node's pod.
  if (w.kind === 'DaemonSet') {
    return undefined;
  }
  const placed = w.pods.filter(p => p.node);
  if (placed.length === 0 || placed.length < w.pods.length) {
    return undefined;
  }
  const nodes = new Set(placed.map(p => p.node));
  if (nodes.size === 1) {
    return {
      type: 'node',
      workload: w.name,
      node: placed[0].node!,
      count: placed.length,
    };
  }
  const zones = new Set(placed.map(p => p.zone));
  if (zoneCount > 1 && zones.size === 1 && placed[0].zone) {
    return {
      type: 'zone',
      workload: w.name,
      zone: placed[0].zone,
      count: placed.length,
    };
  }
  return undefined;
}

function compareOptional(a?: string, b?: string): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.localeCompare(b);
}
