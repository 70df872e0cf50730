/**
 * A cluster the signed-in user may deploy to, as the templates' pickers show it:
 * what `diehard.apply` allows there, and nothing about how it is reached (no URL,
 * token or CA).
 *
 * @public
 */
export interface DeployTarget {
  /** The cluster's name in `kubernetes.clusterLocatorMethods` (what templates pass on). */
  name: string;
  /** The cluster's `title` in the Kubernetes plugin's config, else its name. */
  title: string;
  /** Namespaces objects may be applied in. */
  namespaces: string[];
  /** Kinds that may be applied ("*" for any). */
  kinds: string[];
  /**
   * Set for a cluster reached with the signed-in user's token (oidc, google, aks):
   * the picker gets it from the Kubernetes plugin's auth provider `provider` and puts
   * it in the task secret `secret`, which the apply reads.
   */
  userToken?: { provider: string; secret: string };
}

/**
 * The body of `GET /api/scaffolder/diehard/targets`: the clusters of
 * `diehard.apply.clusters` for which `diehard.kubernetes.apply` allows the caller.
 *
 * @public
 */
export interface DeployTargetsResponse {
  clusters: DeployTarget[];
}

/** The route's path on the scaffolder's router. @public */
export const DEPLOY_TARGETS_PATH = '/diehard/targets';

/**
 * A StorageClass of a target cluster, as the storage class field lists it.
 *
 * @public
 */
export interface TargetStorageClass {
  /** The StorageClass's name, as claims name it. */
  name: string;
  /** The cluster's default class (`storageclass.kubernetes.io/is-default-class`). */
  isDefault: boolean;
  /** Declared highly available by its operators (`diehard.io/highly-available: "true"`). */
  highlyAvailable: boolean;
  /**
   * Its volumes live on one node's disk (a node-local provisioner such as
   * local-path-provisioner): lost with that node, never shared between nodes.
   */
  nodeLocal: boolean;
}

/**
 * The body of `GET /api/scaffolder/diehard/targets/:cluster/storage-classes`: the
 * cluster's StorageClasses by name, for a caller `diehard.kubernetes.apply` allows there.
 *
 * @public
 */
export interface TargetStorageClassesResponse {
  /** Sorted by name. */
  storageClasses: TargetStorageClass[];
}

/** The path of a cluster's storage classes on the scaffolder's router. @public */
export const targetStorageClassesPath = (cluster: string) =>
  `${DEPLOY_TARGETS_PATH}/${encodeURIComponent(cluster)}/storage-classes`;

/**
 * What `GET /api/scaffolder/diehard/targets/:cluster/ingress-host` asks: whether an
 * Ingress of the cluster other than `ingress` in `namespace` (the one the template
 * applies, which a second run finds in place) serves `host` already.
 *
 * @public
 */
export interface TargetIngressHostQuery {
  /** The host the template's Ingress will serve. */
  host: string;
  /** The namespace the template deploys to. */
  namespace: string;
  /** The name of the template's own Ingress. */
  ingress: string;
}

/**
 * The answer to {@link TargetIngressHostQuery}.
 *
 * @public
 */
export interface TargetIngressHostResponse {
  /** Another Ingress serves the host: the new one would share it. */
  taken: boolean;
  /** `namespace/name` of that Ingress, when it is in the namespace asked about. */
  ingress?: string;
}

/** The path of a cluster's Ingress host check on the scaffolder's router. @public */
export const targetIngressHostPath = (cluster: string) =>
  `${DEPLOY_TARGETS_PATH}/${encodeURIComponent(cluster)}/ingress-host`;
