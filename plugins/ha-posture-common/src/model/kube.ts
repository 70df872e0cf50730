/**
 * The slice of a Kubernetes object the engine reads. Objects come from manifests or a live
 * cluster and are never trusted to be complete: every field below may be missing.
 *
 * @public
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ kind?: string; name?: string; uid?: string }>;
    uid?: string;
    [key: string]: unknown;
  };
  spec?: any;
  status?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * The namespace an object lives in ("default" when the manifest names none).
 *
 * @public
 */
export function namespaceOf(obj: KubeObject): string {
  return obj.metadata?.namespace || 'default';
}

/** Kinds that have no namespace: their references omit it. */
const CLUSTER_SCOPED = new Set([
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'Namespace',
  'IngressClass',
]);

/** True for kinds that live outside namespaces. */
export function isClusterScoped(kind: string | undefined): boolean {
  return CLUSTER_SCOPED.has(kind ?? '');
}

/**
 * A stable, human-readable reference: `Kind/namespace/name`, or `Kind/name` for
 * cluster-scoped kinds. Used in findings' `objects` lists.
 *
 * @public
 */
export function refOf(obj: KubeObject): string {
  const kind = obj.kind ?? 'Unknown';
  const name = obj.metadata?.name ?? '(unnamed)';
  return isClusterScoped(kind)
    ? `${kind}/${name}`
    : `${kind}/${namespaceOf(obj)}/${name}`;
}

/** Numeric or named port, as Kubernetes writes it. */
export type IntOrString = number | string;
