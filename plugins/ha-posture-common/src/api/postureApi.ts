import { Finding } from '../model/finding';
import { ClusterFacts, Grade, PostureReport } from '../model/report';
import { MessageRef } from '../messages/format';

/**
 * The REST API of the ha-posture backend plugin (`/api/ha-posture`), shared by the
 * backend that answers it and the frontend client that calls it.
 *
 *   GET  /entities/:kind/:namespace/:name          EntityPosture (cached)
 *   POST /entities/:kind/:namespace/:name/refresh  EntityPosture (recomputed now)
 *   GET  /entities/:kind/:namespace/:name/history  { points: PostureHistoryPoint[] }
 *   GET  /fleet                                    { entries: FleetEntry[] }
 *   GET  /clusters                                 { clusters: ClusterPosture[], notEvaluated: ClusterNotEvaluated[] }
 *   GET  /cluster-auth                             { clusters: ClusterAuth[] }
 *
 * Refresh and /clusters read the user's cluster tokens from the Kubernetes plugin's
 * headers (`Backstage-Kubernetes-Authorization-<provider>`,
 * `Backstage-Kubernetes-Authorization-oidc-<oidcTokenProvider>`), for that request only.
 */

/**
 * Where the objects behind a posture came from.
 *
 * @public
 */
export type PostureSource =
  | { type: 'live'; clusters: string[] }
  | { type: 'manifests'; location: string }
  | {
      type: 'none';
      /** Why, in English. */
      reason: string;
      /** The same, as messages of the engine's catalogs, for the reader's language. */
      reasonMessages?: MessageRef[];
    };

/**
 * Where one pod of a workload runs, as the cluster reports it.
 *
 * @public
 */
export interface PodPlacement {
  name: string;
  node?: string;
  zone?: string;
  ready: boolean;
}

/**
 * The failure domains of one workload: its pods on nodes and zones.
 *
 * @public
 */
export interface WorkloadPlacement {
  cluster?: string;
  kind: string;
  namespace: string;
  name: string;
  replicas: number;
  pods: PodPlacement[];
}

/** @public */
export interface EntityPosture {
  entityRef: string;
  source: PostureSource;
  /** ISO 8601. */
  evaluatedAt: string;
  /** The service's grade; null when there was nothing to evaluate. */
  grade: Grade | null;
  /** Plain words: "if node worker-1 fails, eni-todo-web loses all its sessions". */
  singlePointsOfFailure: string[];
  report: PostureReport;
  /** Empty before deploy (manifests only). */
  placement: WorkloadPlacement[];
}

/**
 * A change of an entity's grade or finding counts (unchanged refreshes add none).
 *
 * @public
 */
export interface PostureHistoryPoint {
  /** YYYY-MM-DD of evaluatedAt. */
  day: string;
  /** ISO 8601. */
  evaluatedAt: string;
  grade: Grade;
  critical: number;
  warning: number;
  info: number;
}

/** @public */
export interface FleetEntry {
  entityRef: string;
  title?: string;
  owner?: string;
  system?: string;
  grade: Grade | null;
  /** The grade as it stood before today, for the trend. */
  previousGrade: Grade | null;
  critical: number;
  warning: number;
  evaluatedAt: string;
  source: PostureSource['type'];
  /**
   * The entity is annotated `diehard.io/restricted: "true"`: whatever passes its posture
   * on to readers the policy does not filter (Tech Insights) leaves it out.
   */
  restricted?: boolean;
}

/** @public */
export interface ClusterPosture {
  cluster: string;
  evaluatedAt: string;
  grade: Grade;
  findings: Finding[];
  facts: ClusterFacts;
}

/**
 * How a cluster is reached (no URL, no secret): which user token, if any, it needs.
 *
 * @public
 */
export interface ClusterAuth {
  /** The cluster's name in the Kubernetes plugin's config. */
  name: string;
  /** Its `authProvider` there. */
  authProvider: string;
  /** oidc, google, aks: read only with the signed-in user's token. */
  needsUserToken: boolean;
  /** For oidc: the auth provider whose ID token the cluster trusts. */
  oidcTokenProvider?: string;
}

/**
 * A cluster left out of an answer, and why (it needs the signed-in user's token).
 *
 * @public
 */
export interface ClusterNotEvaluated {
  /** The cluster's name. */
  cluster: string;
  /** Why, in English, without address or token. */
  reason: string;
  /** The same, as a message of the engine's catalogs, for the reader's language. */
  reasonMessage?: MessageRef;
}
