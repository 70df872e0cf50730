import fsp from 'node:fs/promises';
import { KubeConfig } from '@kubernetes/client-node';
import {
  KubernetesEndpoint,
  labClusterLocators,
  labDown,
  labPaths,
  pauseKubernetesSimulation,
  useLab,
} from '@diehard/lab';

/** The lab of cluster c (0-based): the caller's own for c = 0, then its neighbours. */
function labOf(c: number) {
  const offset = Number(process.env.DIEHARD_LAB_PORT_OFFSET ?? 0);
  const dir = labPaths().stateDir;
  return c === 0
    ? { offset, dir }
    : { offset: offset + 100 * c, dir: `${dir}-cluster-${c + 1}` };
}

/** Runs `fn` with the lab variables of cluster c, restored afterwards. */
async function inLab<T>(c: number, fn: () => Promise<T>): Promise<T> {
  const saved = {
    offset: process.env.DIEHARD_LAB_PORT_OFFSET,
    dir: process.env.DIEHARD_LAB_DIR,
  };
  const { offset, dir } = labOf(c);
  process.env.DIEHARD_LAB_PORT_OFFSET = String(offset);
  process.env.DIEHARD_LAB_DIR = dir;
  try {
    return await fn();
  } finally {
    for (const [key, value] of [
      ['DIEHARD_LAB_PORT_OFFSET', saved.offset],
      ['DIEHARD_LAB_DIR', saved.dir],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export interface BenchCluster {
  name: string;
  kubernetes: KubernetesEndpoint;
  admin: KubeConfig;
  /** How to take it down by hand: the variables of its lab. */
  labVariables: string;
}

/**
 * `count` real Kubernetes clusters, each the lab's `kubernetes` component (its own
 * etcd, API server, controllers and KWOK nodes) in a lab of its own: the caller's,
 * then labs at port offsets +100, +200… with state directories beside the caller's.
 * Started one after the other: each start is heavy on a small machine.
 */
export async function useClusters(
  count: number,
  nodesPerCluster: number,
): Promise<BenchCluster[]> {
  const clusters: BenchCluster[] = [];
  for (let c = 0; c < count; c++) {
    const { kubernetes } = await inLab(c, () =>
      useLab(['kubernetes'], { nodes: nodesPerCluster }),
    );
    const admin = new KubeConfig();
    admin.loadFromFile(kubernetes.adminKubeconfig);
    const { offset, dir } = labOf(c);
    clusters.push({
      name: count === 1 ? 'lab' : `lab-${c + 1}`,
      kubernetes,
      admin,
      labVariables: `DIEHARD_LAB_PORT_OFFSET=${offset} DIEHARD_LAB_DIR=${dir}`,
    });
  }
  return clusters;
}

/** The portal's cluster locator for these clusters (service-account tokens). */
export function clusterLocators(clusters: BenchCluster[]) {
  return [
    {
      type: 'config',
      clusters: clusters.map(
        ({ name, kubernetes }) =>
          ({
            ...labClusterLocators(kubernetes)[0].clusters[0],
            name,
          } as const),
      ),
    },
  ];
}

/** Takes down the clusters the bench started beside the caller's lab (c ≥ 1), state and all. */
export async function stopExtraClusters(clusters: BenchCluster[]) {
  for (let c = 1; c < clusters.length; c++) {
    await inLab(c, () => labDown(['kubernetes']));
    await fsp.rm(labOf(c).dir, { recursive: true, force: true });
  }
}

/**
 * Pauses (or resumes) every cluster's fake nodes, controllers and scheduler: the fleet
 * holds still and its API servers keep answering, so that what is measured on a small
 * machine is the portal rather than the simulators.
 */
export async function pauseSimulation(
  clusters: BenchCluster[],
  paused: boolean,
) {
  for (let c = 0; c < clusters.length; c++)
    await pauseKubernetesSimulation(paused, labOf(c).dir);
}
