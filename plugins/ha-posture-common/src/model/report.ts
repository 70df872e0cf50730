import type { MessageRef } from '../messages/format';
import type { ControlPlaneFacts } from '../cluster/controlPlaneFacts';
import { Finding } from './finding';

/**
 * A–F, see `score/grade.ts` for the formula.
 *
 * @public
 */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/**
 * What a workload's pods rely on, whether or not a finding names it, each as findings name
 * objects (`Kind/namespace/name`).
 *
 * @public
 */
export interface WorkloadAround {
  /** The Ingresses and Routes that route to it. */
  entryPoints: string[];
  /** What its DSNs and database host settings reach: the database workloads, a Service that selects none, or the host name of a database outside the objects. */
  databases: string[];
  /** Its PersistentVolumeClaims, a StatefulSet's per-replica claims once they exist. */
  volumes: string[];
}

/**
 * The findings of one workload (or of an object that belongs to none, e.g. an orphan Ingress).
 *
 * @public
 */
export interface WorkloadReport {
  kind: string;
  namespace: string;
  name: string;
  /** The service this workload is part of (catalog entity, part-of label, instance label or namespace). */
  service: string;
  grade: Grade;
  /** 0–100, see `score/grade.ts`. */
  score: number;
  /** Replicas as the engine counts them (HPA minReplicas, else spec.replicas, unset = 1). */
  replicas: number;
  findings: Finding[];
  /** What its pods rely on; absent for an object that belongs to no workload, and in reports older than this field. */
  around?: WorkloadAround;
}

/**
 * A service: the workloads that make it up, graded together.
 *
 * @public
 */
export interface ServiceReport {
  name: string;
  grade: Grade;
  score: number;
  workloads: Array<{
    kind: string;
    namespace: string;
    name: string;
    grade: Grade;
  }>;
  /** Plain-words single points of failure, e.g. "if node worker-1 fails, todo loses all its sessions". */
  singlePointsOfFailure: string[];
  /** The same sentences as messages, index for index (null where a finding carried none). */
  singlePointsOfFailureMessages?: Array<MessageRef | null>;
}

/**
 * What the cluster itself is made of, as far as the objects show it.
 *
 * @public
 */
export interface ClusterFacts {
  nodes: number;
  nodesPerZone: Record<string, number>;
  apiServers?: number;
  etcdMembers?: number;
  /** Each control-plane fact with its source; set when evaluated from objects. */
  controlPlane?: ControlPlaneFacts;
}

/**
 * The whole answer of {@link evaluatePosture}.
 *
 * @public
 */
export interface PostureReport {
  workloads: WorkloadReport[];
  cluster: { findings: Finding[]; facts: ClusterFacts };
  services: ServiceReport[];
}
